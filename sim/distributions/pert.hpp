#pragma once

#include <cmath>
#include <string>

#include "sim/distributions/beta.hpp"
#include "sim/distributions/support.hpp"

namespace sim {

// PERT: a Beta on [min, max] with α = 1 + λ(mode − min)/(max − min) and
// β = 1 + λ(max − mode)/(max − min); λ = 4 is the classic weighting that puts
// the mean at (min + 4·mode + max)/6.
class Pert {
public:
    // Equal parameters: the same distribution (a run's tables are shared by it).
    bool operator==(const Pert&) const = default;
    Pert(double min, double mode, double max, double lambda = 4.0);

    double min() const noexcept { return min_; }
    double mode() const noexcept { return mode_; }
    double max() const noexcept { return max_; }
    double lambda() const noexcept { return lambda_; }
    double alpha() const noexcept { return beta_.alpha(); }
    double beta() const noexcept { return beta_.beta(); }
    double quantile(double u) const { return beta_.quantile(u); }
    double upper_quantile(double s) const { return beta_.upper_quantile(s); }
    const Beta& as_beta() const noexcept { return beta_; }
    double cdf(double x) const { return beta_.cdf(x); }
    double mean() const noexcept { return beta_.mean(); }
    double variance() const noexcept { return beta_.variance(); }
    Support support() const noexcept { return beta_.support(); }
    std::string describe() const;

private:
    double min_, mode_, max_, lambda_;
    Beta beta_;
};

}  // namespace sim

#pragma once

#include <cmath>
#include <string>

#include "sim/distributions/support.hpp"

namespace sim {

// PERT: a Beta on [min, max] with α = 1 + λ(mode − min)/(max − min) and
// β = 1 + λ(max − mode)/(max − min); λ = 4 is the classic weighting that puts
// the mean at (min + 4·mode + max)/6.
class Pert {
public:
    Pert(double min, double mode, double max, double lambda = 4.0);

    double min() const noexcept { return min_; }
    double mode() const noexcept { return mode_; }
    double max() const noexcept { return max_; }
    double lambda() const noexcept { return lambda_; }
    double alpha() const noexcept { return alpha_; }
    double beta() const noexcept { return beta_; }
    double quantile(double u) const;
    double cdf(double x) const;
    double mean() const noexcept;
    double variance() const noexcept;
    Support support() const noexcept { return {min_, max_}; }
    std::string describe() const;

private:
    double min_, mode_, max_, lambda_, alpha_, beta_;
};

}  // namespace sim

#pragma once

#include <cmath>
#include <string>

#include "sim/distributions/support.hpp"

namespace sim {

// Beta(α, β) scaled to [min, max] (default [0, 1]).
class Beta {
public:
    // Equal parameters: the same distribution (a run's tables are shared by it).
    bool operator==(const Beta&) const = default;
    Beta(double alpha, double beta, double min = 0.0, double max = 1.0);

    double alpha() const noexcept { return alpha_; }
    double beta() const noexcept { return beta_; }
    double min() const noexcept { return min_; }
    double max() const noexcept { return max_; }
    double quantile(double u) const;
    // quantile(1 − s), accurate when s is tiny (1 − s would round to 1).
    double upper_quantile(double s) const;
    double cdf(double x) const;
    double mean() const noexcept;
    double variance() const noexcept;
    Support support() const noexcept { return {min_, max_}; }
    std::string describe() const;

private:
    double alpha_, beta_, min_, max_;
};

}  // namespace sim

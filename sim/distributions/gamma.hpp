#pragma once

#include <cmath>
#include <string>

#include "sim/distributions/support.hpp"

namespace sim {

class Gamma {
public:
    // Equal parameters: the same distribution (a run's tables are shared by it).
    bool operator==(const Gamma&) const = default;
    Gamma(double shape, double scale);

    double shape() const noexcept { return shape_; }
    double scale() const noexcept { return scale_; }
    static const char* kind() noexcept { return "gamma"; }
    double quantile(double u) const;
    // quantile(1 − s), accurate when s is tiny (1 − s would round to 1).
    double upper_quantile(double s) const;
    double cdf(double x) const;
    double survival(double x) const;  // 1 − cdf(x), accurate in the upper tail
    // E[X^k; X ≤ x] and E[X^k; X > x], for the moments of a truncated gamma.
    double partial_moment_below(int k, double x) const;
    double partial_moment_above(int k, double x) const;
    double mean() const noexcept { return shape_ * scale_; }
    double variance() const noexcept { return shape_ * scale_ * scale_; }
    Support support() const noexcept { return {0.0, INFINITY}; }
    std::string describe() const;

private:
    double shape_, scale_;
};

}  // namespace sim

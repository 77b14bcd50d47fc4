#pragma once

#include <cmath>
#include <string>

#include "sim/distributions/support.hpp"

namespace sim {

// X = 1 iff U > 1 − p, so a larger p is a superset of events on the same U.
class Bernoulli {
public:
    // Equal parameters: the same distribution (a run's tables are shared by it).
    bool operator==(const Bernoulli&) const = default;
    explicit Bernoulli(double p);

    double p() const noexcept { return p_; }
    double quantile(double u) const noexcept { return u > 1.0 - p_ ? 1.0 : 0.0; }
    double cdf(double x) const noexcept;
    double mean() const noexcept { return p_; }
    double variance() const noexcept { return p_ * (1.0 - p_); }
    Support support() const noexcept { return {0.0, 1.0}; }
    std::string describe() const;

private:
    double p_;
};

}  // namespace sim

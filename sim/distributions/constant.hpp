#pragma once

#include <cmath>
#include <string>

#include "sim/distributions/support.hpp"

namespace sim {

// A point mass: a plain number in a scenario. It consumes no random dimension.
class Constant {
public:
    // Equal parameters: the same distribution (a run's tables are shared by it).
    bool operator==(const Constant&) const = default;
    explicit Constant(double value);

    double value() const noexcept { return value_; }
    double quantile(double) const noexcept { return value_; }
    double cdf(double x) const noexcept { return x >= value_ ? 1.0 : 0.0; }
    double mean() const noexcept { return value_; }
    double variance() const noexcept { return 0.0; }
    Support support() const noexcept { return {value_, value_}; }
    std::string describe() const;

private:
    double value_;
};

}  // namespace sim

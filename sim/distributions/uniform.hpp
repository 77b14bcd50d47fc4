#pragma once

#include <cmath>
#include <string>

#include "sim/distributions/support.hpp"

namespace sim {

class Uniform {
public:
    // Equal parameters: the same distribution (a run's tables are shared by it).
    bool operator==(const Uniform&) const = default;
    Uniform(double min, double max);  // min < max

    double min() const noexcept { return min_; }
    double max() const noexcept { return max_; }
    double quantile(double u) const noexcept { return min_ + u * (max_ - min_); }
    double cdf(double x) const noexcept;
    double mean() const noexcept { return 0.5 * (min_ + max_); }
    double variance() const noexcept { return (max_ - min_) * (max_ - min_) / 12.0; }
    Support support() const noexcept { return {min_, max_}; }
    std::string describe() const;

private:
    double min_, max_;
};

}  // namespace sim

#pragma once

#include <cmath>
#include <string>

#include "sim/distributions/support.hpp"

namespace sim {

class Triangular {
public:
    // Equal parameters: the same distribution (a run's tables are shared by it).
    bool operator==(const Triangular&) const = default;
    Triangular(double min, double mode, double max);  // min <= mode <= max, min < max

    double min() const noexcept { return min_; }
    double mode() const noexcept { return mode_; }
    double max() const noexcept { return max_; }
    double quantile(double u) const;
    double cdf(double x) const;
    double mean() const noexcept { return (min_ + mode_ + max_) / 3.0; }
    double variance() const noexcept;
    Support support() const noexcept { return {min_, max_}; }
    std::string describe() const;

private:
    double min_, mode_, max_;
};

}  // namespace sim

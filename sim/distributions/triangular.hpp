#pragma once

#include <string>

namespace sim {

class Triangular {
public:
    Triangular(double min, double mode, double max);  // min <= mode <= max, min < max

    double min() const noexcept { return min_; }
    double mode() const noexcept { return mode_; }
    double max() const noexcept { return max_; }
    double quantile(double u) const;
    double cdf(double x) const;
    double mean() const noexcept { return (min_ + mode_ + max_) / 3.0; }
    double variance() const noexcept;
    std::string describe() const;

private:
    double min_, mode_, max_;
};

}  // namespace sim

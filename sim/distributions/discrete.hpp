#pragma once

#include <cmath>
#include <string>

#include "sim/distributions/support.hpp"
#include <vector>

namespace sim {

// A finite distribution. Values are sorted ascending (carrying their weights);
// X is the first value whose cumulative normalised weight is >= U.
class Discrete {
public:
    // Equal parameters: the same distribution (a run's tables are shared by it).
    bool operator==(const Discrete&) const = default;
    Discrete(std::vector<double> values, std::vector<double> weights);

    const std::vector<double>& values() const noexcept { return values_; }
    const std::vector<double>& probabilities() const noexcept { return probabilities_; }
    double quantile(double u) const noexcept;
    double cdf(double x) const noexcept;
    double mean() const noexcept;
    double variance() const noexcept;
    Support support() const noexcept { return {values_.front(), values_.back()}; }
    std::string describe() const;

private:
    std::vector<double> values_, probabilities_, cumulative_;
};

}  // namespace sim

#pragma once

#include <span>
#include <utility>

namespace sim {

// A distribution-free 95 % interval for the p-th quantile from n values: the
// order statistics at ranks n·p ∓ 1.96·√(n·p·(1 − p)), from the normal
// approximation to the binomial count below the quantile (e.g. Conover,
// Practical Nonparametric Statistics, §3.2). values is rearranged.
std::pair<double, double> percentile_ci95(std::span<double> values, double p);

}  // namespace sim

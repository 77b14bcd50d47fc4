#pragma once

#include <span>
#include <vector>

namespace sim {

// Rearranges values so that values[r] is the r-th smallest for every r in
// ranks (ascending, any duplicates ignored), everything before it is no
// larger and everything after it no smaller. Multiple selection: nth_element
// at the middle rank, then recursion on both sides, about n·log2(k)
// comparisons for k ranks instead of a full sort's n·log2(n).
void select_order_statistics(std::span<double> values, std::span<const std::size_t> ranks);

// Percentiles p ∈ [0, 1] of values by linear interpolation between order
// statistics at position p·(n − 1) (NumPy's default), found by selection.
// values is rearranged; percentiles must be ascending.
std::vector<double> select_percentiles(std::span<double> values, std::span<const double> percentiles);

}  // namespace sim

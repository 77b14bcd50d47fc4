#pragma once

#include <span>
#include <vector>

namespace sim {

// The value at fractional position frac ∈ [0, 1) between two neighbouring
// order statistics. Equal neighbours (two +∞, as censored times are) need no
// interpolation, which would give ∞ − ∞ = NaN.
inline double between_order_statistics(double lower, double upper, double frac) {
    return (frac == 0.0 || lower == upper) ? lower : lower + frac * (upper - lower);
}

// Rearranges values so that values[r] is the r-th smallest for every r in
// ranks (ascending, any duplicates ignored), everything before it is no
// larger and everything after it no smaller. Multiple selection: nth_element
// at the middle rank, then recursion on both sides, about n·log2(k)
// comparisons for k ranks instead of a full sort's n·log2(n).
void select_order_statistics(std::span<double> values, std::span<const std::size_t> ranks);

// Percentiles p ∈ [0, 1] of values by linear interpolation between order
// statistics at position p·(n − 1) (NumPy's default), found by selection.
// values is rearranged; percentiles must be ascending. also_select (ascending)
// are ranks the caller needs in place too, selected in the same pass.
std::vector<double> select_percentiles(std::span<double> values, std::span<const double> percentiles,
                                       std::span<const std::size_t> also_select = {});

}  // namespace sim

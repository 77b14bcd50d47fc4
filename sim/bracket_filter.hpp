#pragma once

#include <cstddef>
#include <span>

namespace sim {

// What one pass of a column against a bracket [low, high] gives.
struct BracketCount {
    std::size_t below = 0, above = 0, in = 0;  // x < low, x > high, low <= x <= high; NaN is in none
};

// Appends the values of v within [low, high] at `inside`, in their order,
// and counts those below and above: the pass of the bracketed percentiles
// (sim/column_summary.cpp), in SIMD lanes (sim/vector_lanes.hpp; compares
// and compressing stores only, so every target gives the same values in the
// same order). Whole vectors are stored: `inside` needs room for
// v.size() + bracket_filter_padding values.
BracketCount filter_bracket(std::span<const float> v, float low, float high, float* inside);
BracketCount filter_bracket(std::span<const double> v, double low, double high, double* inside);

inline constexpr std::size_t bracket_filter_padding = 64;  // values; more than the widest vector holds

}  // namespace sim

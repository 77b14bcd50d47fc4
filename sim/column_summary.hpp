#pragma once

#include <span>
#include <vector>

#include "sim/summary.hpp"

namespace sim {

// Memory reused by the summaries of one thread, column after column: a
// million-path column copied into a fresh allocation pays a page fault per
// 4 KiB before any arithmetic.
struct SummaryScratch {
    std::vector<double> copy;  // defined values, when a column is selected in full
    // Per bracket: the values a sample bracket holds, of a column of doubles or of floats.
    std::vector<std::vector<double>> inside;
    std::vector<std::vector<float>> inside_floats;
};

// The summaries of sim::summarize() read in place: the column is neither
// copied nor rearranged. Moments are plain sums (mean, then the sum of
// squared deviations from it, two passes); percentiles and the expected
// shortfall are exact order statistics, bracketed by a sample for large
// columns (one pass copies the few per cent of values inside each bracket)
// and selected from a copy otherwise. NaN values are counted as undefined.
Summary summarize_column(std::span<const double> values, SummaryScratch& scratch);
Summary summarize_column(std::span<const float> values, SummaryScratch& scratch);

// Count, mean, P10, P50 and P90 only (the breakdown and the year table).
Summary central_summary(std::span<const double> values, SummaryScratch& scratch);
Summary central_summary(std::span<const float> values, SummaryScratch& scratch);

// Percentiles p ∈ [0, 1] (ascending) of the defined values, by linear
// interpolation between order statistics as percentile_of_sorted; NaN when
// no value is defined.
std::vector<double> column_percentiles(std::span<const double> values, std::span<const double> levels,
                                       SummaryScratch& scratch);
std::vector<double> column_percentiles(std::span<const float> values, std::span<const double> levels,
                                       SummaryScratch& scratch);

}  // namespace sim

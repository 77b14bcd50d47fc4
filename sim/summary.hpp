#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace sim {

// The percentiles every summary reports.
inline constexpr std::array<double, 7> summary_percentiles = {0.05, 0.10, 0.25, 0.50,
                                                               0.75, 0.90, 0.95};

// One output's distribution over the paths where it is defined (NaN = undefined).
struct Summary {
    std::uint64_t count = 0;      // defined values
    std::uint64_t undefined = 0;  // NaN values, excluded from everything else
    double mean = 0, sd = 0;      // sd with n − 1
    double mean_ci_low = 0, mean_ci_high = 0;  // mean ± 1.96·sd/√n
    std::array<double, summary_percentiles.size()> percentiles{};
    double prob_positive = 0;         // share > 0
    double expected_shortfall_5 = 0;  // mean of the ⌈0.05·n⌉ lowest values
    double min = 0, max = 0;

    double undefined_share() const noexcept {
        const auto total = count + undefined;
        return total ? static_cast<double>(undefined) / static_cast<double>(total) : 0.0;
    }
    // The summary percentile p (one of summary_percentiles).
    double percentile(double p) const;
};

// Percentile p ∈ [0, 1] of sorted values by linear interpolation between
// order statistics, position p·(n − 1): NumPy's default ("linear", type 7).
double percentile_of_sorted(std::span<const double> sorted, double p);

// Summarises values; the argument is consumed (sorted in place).
Summary summarize(std::vector<double> values);

}  // namespace sim

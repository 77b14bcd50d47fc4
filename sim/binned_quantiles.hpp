#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace sim {

// Percentiles of a stream too long to keep: counts in bins whose edges are
// the quantiles of a pilot sample (equal-probability bins), so every bin holds
// about 1/bins of the values whatever the distribution's shape. Counts are
// integers, so merging in any order gives the same result.
//
// A percentile is found in its bin and interpolated between the bin's
// smallest and largest values; its rank is therefore off by at most that
// bin's share of the values (none for a bin of equal values), and
// largest_bin_share() bounds the rank error of every percentile (about
// 1/bins, plus the pilot's sampling error). +∞ (a censored time) is counted
// apart and NaN as undefined.
class BinnedQuantiles {
public:
    BinnedQuantiles() = default;
    // Edges at the pilot's quantiles k/bins, k = 1 … bins − 1 (repeats merged).
    BinnedQuantiles(std::span<const double> pilot, std::size_t bins);

    void add(double x) noexcept;
    void merge(const BinnedQuantiles& other);  // same edges

    std::uint64_t count() const noexcept { return finite_ + infinite_; }  // defined values
    std::uint64_t undefined() const noexcept { return undefined_; }
    double min() const noexcept { return min_; }
    double max() const noexcept { return max_; }

    // Percentile p ∈ [0, 1] at rank position p·(n − 1) like NumPy's linear rule;
    // +∞ when that rank falls among the infinite values, NaN when empty.
    double percentile(double p) const;
    // The largest share of the values in one bin: the rank error bound.
    double largest_bin_share() const;

private:
    struct Bin {
        std::uint64_t count;
        double low, high;  // smallest and largest value seen in the bin
    };
    std::size_t cell(double x) const noexcept;
    std::size_t bin_of(double x) const noexcept;

    std::vector<double> edges_;  // strictly increasing
    std::vector<Bin> bins_;      // edges_.size() + 1: below e0, [e0, e1), …, at or above the last
    double grid_low_ = 0, grid_scale_ = 0;
    std::vector<std::uint32_t> first_in_cell_;  // index of the first edge in each grid cell
    std::uint64_t finite_ = 0, infinite_ = 0, undefined_ = 0;
    double min_ = 0, max_ = 0;
};

}  // namespace sim

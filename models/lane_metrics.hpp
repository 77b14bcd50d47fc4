#pragma once
// path_metrics() for a block of paths at once, in SIMD lanes: the flows of up
// to lane_block paths month-major (paths side by side), the sums, paybacks,
// cumulative flows and IRRs computed for a vector of paths per instruction.
// The instruction set (AVX-512, AVX2, SSE4, … or none) is chosen at run time
// by Google Highway; the numbers are the same on every one of them (no fused
// multiply-add, the same operations in the same order, each path alone in its
// lane), and the same as path_metrics() gives, up to the rounding of the IRR
// root (Newton on another function of the same root, see lane_metrics.cpp).

#include <cstddef>
#include <cstdint>
#include <span>

namespace models {

// Paths per lane block: a multiple of every vector width (8 doubles for
// AVX-512), small enough that a block's flows stay in the L2 cache.
inline constexpr std::size_t lane_block = 64;

// Month t of path k of the block at [t·lane_block + k], t = 0 … H.
struct LaneFlows {
    std::span<const double> cost, benefit, soft;
};

// Path k's results: metric m of horizon h at metrics[(h·metric_count + m)·lane_block + k],
// CCF(t) at cumulative[(t − 1)·lane_block + k], t = 1 … H.
struct LaneMetrics {
    std::span<double> metrics;                      // horizons · metric_count · lane_block
    std::span<double> payback, discounted_payback;  // lane_block each
    std::span<float> cumulative;                    // H · lane_block
};

// Doubles of scratch lane_metrics() needs for H months and this many horizons.
std::size_t lane_scratch_size(int months, std::size_t horizons);

// The results of paths 0 … paths − 1 (paths ≤ lane_block; the lanes after
// them are read as zero flows and their results are to be ignored). Without
// `irr` the IRRs are NaN, not solved.
void lane_metrics(LaneFlows flows, std::size_t paths, std::span<const double> discount,
                  std::span<const int> horizon_months, std::span<double> scratch, LaneMetrics out, bool irr);

// p(x) = Σ cf(t)·x^(n−1−t) at every x[j] into out[j], the rates in lanes:
// the IRR solver's grid of rates (financial_metrics.cpp) at a vector of
// rates per instruction, to the bit what sim::polynomial gives one at a time.
void scaled_npv_at(std::span<const double> cf, std::span<const double> x, std::span<double> out);

// The Highway target (HWY_AVX3, HWY_AVX2, …) lane_metrics() runs on now.
std::int64_t lane_metrics_target();

}  // namespace models

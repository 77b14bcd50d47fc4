#pragma once

#include <cstdint>

#include "models/path_store.hpp"
#include "models/results.hpp"
#include "models/scenario.hpp"
#include "models/simulation.hpp"

namespace models {

// How a run too large to keep was summarised.
struct StreamingInfo {
    std::uint64_t pilot_paths = 0;
    std::size_t bins = 0;
    double largest_bin_share = 0;  // bounds every percentile's rank error (see sim::BinnedQuantiles)
};

struct StreamingSettings {
    std::uint64_t pilot_paths = 1 << 16;  // a separate run of this many paths sets the bins
    std::size_t bins = 4096;
};

// Every summary of summarize() without storing the paths: a pilot run sets
// equal-probability bins per output, then the main run streams through them
// block by block. Means, SDs, shares, CDFs and chart histograms are exact
// (up to summation order); percentiles are within largest_bin_share in rank;
// expected_shortfall_5 takes the values beyond the pilot's P5 exactly and
// approximates the few between it and the run's own P5 by that P5.
// Deterministic: bit-identical for any thread count.
Results summarize_streaming(const Scenario& s, const RunSettings& settings, const PathStore& pilot,
                            StreamingInfo& info, const StreamingSettings& streaming = {});

// Whether a run should be summarised as it goes rather than stored: when its
// store would exceed 4 GiB, or half of `available` bytes (0: unknown). A
// stored run is exact and, on the v2 model's breakdown, faster (10^6 paths on
// 2 threads: 12.4 s stored, 16.9 s streamed), so it is kept while memory allows.
inline bool prefer_streaming(std::uint64_t store_bytes, std::uint64_t available) {
    return store_bytes > (std::uint64_t{4} << 30) || (available && store_bytes > available / 2);
}

// Memory summarize_streaming holds beyond the pilot, for a check before running.
std::uint64_t streaming_bytes_needed(const Scenario& s, std::uint64_t paths, std::size_t block_size, unsigned threads,
                                     const StreamingSettings& streaming = {});

}  // namespace models

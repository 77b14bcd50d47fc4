#pragma once

#include <cstdint>
#include <vector>

#include "models/path_store.hpp"

namespace models {

// The key metrics of every kept path of a run, to pair path by path with
// another run of the same seed and paths (a variant against its base).
struct KeyPaths {
    std::uint64_t paths = 0;
    std::size_t options = 0, horizons = 0;
    std::vector<double> npv;      // [(option · horizons + horizon) · paths + path]
    std::vector<double> payback;  // [option · paths + path]; +∞ where not reached
};

KeyPaths key_paths(const PathStore& store);

// How a variant moves one option at one horizon, over the paired paths.
struct HorizonChange {
    double mean = 0, p10 = 0, p50 = 0, p90 = 0;  // of the variant's NPV minus the base's
    double prob_worse = 0;                       // share of paths where the variant's NPV is lower
};

struct OptionChange {
    std::vector<HorizonChange> horizons;
    // Share of paths where the variant pays back later than the base (or not
    // at all where the base does).
    double prob_payback_later = 0;
};

struct PairedChange {
    std::uint64_t paths = 0;  // paths paired: the fewer of the two runs' kept paths
    std::vector<OptionChange> options;
};

// The variant against the base on their common first paths. Both must have
// the same options and horizons (a variant changes values, not the shape).
PairedChange paired_change(const KeyPaths& base, const KeyPaths& variant);

}  // namespace models

#pragma once

#include <string>
#include <vector>

#include "models/input_table.hpp"
#include "models/scenario_edit.hpp"

namespace models {

// An input drawn from a band of its percentiles (docs/model.md, "Variants").
struct Stress {
    std::string address;
    PercentileBand band;
};

// A what-if version of a scenario: its document with `set` applied, and some
// inputs stressed. Run on the base's seed and paths, so that the difference
// to base is the change, not noise.
struct Variant {
    std::string name, description;
    std::vector<Edit> set;
    std::vector<Stress> stress;
};

}  // namespace models

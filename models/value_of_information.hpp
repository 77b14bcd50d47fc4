#pragma once

#include <atomic>

#include <optional>
#include <string>
#include <vector>

#include "models/path_store.hpp"
#include "models/scenario.hpp"
#include "sim/sensitivity/ranking.hpp"
#include "sim/sensitivity/value_of_information.hpp"

namespace models {

// Value of information for the decision among the scenario's options and
// doing nothing (NPV 0), per horizon, judged on NPV.
struct HorizonValueOfInformation {
    sim::Evpi evpi;
    std::string best;                         // chosen on expected NPV ("do_nothing" possible)
    std::vector<sim::Importance> partial;     // EVPPI per input (by dimension), when computed
};

struct ValueOfInformation {
    std::vector<HorizonValueOfInformation> horizons;
    std::string method;
};

// partial: also EVPPI per input, which needs the main run's input values.
// Throws Cancelled when `cancel` is set (checked per horizon).
ValueOfInformation value_of_information(const Scenario& s, const PathStore& main, bool partial,
                                        const std::atomic<bool>* cancel = nullptr);

}  // namespace models

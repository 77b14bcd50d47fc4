#pragma once

#include <string>
#include <vector>

#include "models/path_store.hpp"
#include "models/results.hpp"
#include "models/scenario.hpp"

namespace models {

// A statistic a reader takes away, with the half-width of its 95 % interval.
struct HeadlineStatistic {
    std::string name;  // e.g. "custom.npv_mean.36"
    double value = 0, half_width = 0;
    bool met = false;  // half_width <= target · |value|
};

struct ConvergenceStep {
    std::uint64_t paths = 0;
    std::vector<HeadlineStatistic> statistics;
};

struct Convergence {
    double target = 0;  // relative half-width asked for
    std::uint64_t max_paths = 0;
    bool met = false;
    std::vector<ConvergenceStep> trace;
    std::vector<std::string> notes;
};

// Mean NPV (CI from the standard error) and P50 ROI per option and horizon,
// and P50 payback per option (order-statistic intervals). A median payback
// that is censored (not reached) cannot meet a relative target and says so.
std::vector<HeadlineStatistic> headline_statistics(const Scenario& s, const Results& r, const PathStore& store,
                                                   double target);

}  // namespace models

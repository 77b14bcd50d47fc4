#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/path_store.hpp"
#include "models/scenario.hpp"
#include "models/simulation.hpp"
#include "sim/sensitivity/ranking.hpp"
#include "sim/sensitivity/tornado.hpp"

namespace models {

// voi: the expected value of partial perfect information per input; tail:
// what sets the worst 10 % of the main run's paths apart (sim/sensitivity/tail_contrast.hpp).
enum class SensitivityMethod { tornado, spearman, src, sobol, voi, tail };

// "tornado,spearman,src,sobol,voi,tail" (any subset, any order); nullopt names the bad word in `bad`.
std::optional<std::vector<SensitivityMethod>> parse_sensitivity_methods(std::string_view list, std::string& bad);

// One method's ranking of the inputs for one metric. Importance::input is a
// dimension of the scenario's design (see Scenario::inputs.uncertain()).
struct MethodRanking {
    std::string method;  // tornado, spearman, src, sobol_first, sobol_total, tail
    std::vector<sim::Importance> ranking;
};

struct MetricSensitivity {
    std::string metric;  // npv, roi, payback_months; npv_difference for a pair of options
    std::vector<MethodRanking> methods;
    std::optional<double> src_r_squared;
    std::optional<double> tornado_base;
    std::vector<sim::TornadoBar> tornado_bars;  // the metric at each input's P10 and P90 (input: a dimension)
};

// An option, or a pair of options a < b named "a_vs_b" (as in the results
// file's comparison) whose one metric is npv_difference = NPV_a − NPV_b.
struct OptionSensitivity {
    std::string name;
    std::vector<std::vector<MetricSensitivity>> horizons;  // per scenario horizon
};

struct Sensitivity {
    std::vector<OptionSensitivity> options;  // each option in scenario order, then each pair (0, 1), (0, 2), …
    std::vector<std::string> notes;  // what each method assumed, stated for the reader
    std::uint64_t sobol_base_rows = 0, sobol_paths = 0;
};

struct SensitivitySettings {
    std::vector<SensitivityMethod> methods;
    std::uint64_t sobol_base_rows = 4096;  // N of the Saltelli design: N·(d + 2) model runs
};

// Per option, horizon and metric (npv, roi; payback_months under the last
// horizon), over the inputs that can affect that option: the baseline's and
// its own. Per pair of options and horizon, npv_difference over the inputs
// of either. Spearman, SRC and tail read the main run (which must have kept
// its inputs); tornado and Sobol run designs of their own. Every option is
// simulated on the same draws in each of them, so a difference is path by path.
Sensitivity analyse_sensitivity(const Scenario& s, const RunSettings& run, const PathStore& main,
                                const SensitivitySettings& settings);

bool needs_inputs(const SensitivitySettings& settings);

}  // namespace models

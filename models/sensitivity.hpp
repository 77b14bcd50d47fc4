#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/path_store.hpp"
#include "models/scenario.hpp"
#include "models/simulation.hpp"
#include "sim/sensitivity/ranking.hpp"

namespace models {

// voi: the expected value of partial perfect information per input.
enum class SensitivityMethod { tornado, spearman, src, sobol, voi };

// "tornado,spearman,src,sobol,voi" (any subset, any order); nullopt names the bad word in `bad`.
std::optional<std::vector<SensitivityMethod>> parse_sensitivity_methods(std::string_view list, std::string& bad);

// One method's ranking of the inputs for one metric. Importance::input is a
// dimension of the scenario's design (see Scenario::inputs.uncertain()).
struct MethodRanking {
    std::string method;  // tornado, spearman, src, sobol_first, sobol_total
    std::vector<sim::Importance> ranking;
};

struct MetricSensitivity {
    std::string metric;  // npv, roi, payback_months
    std::vector<MethodRanking> methods;
    std::optional<double> src_r_squared;
    std::optional<double> tornado_base;
};

struct OptionSensitivity {
    std::string name;
    std::vector<std::vector<MetricSensitivity>> horizons;  // per scenario horizon
};

struct Sensitivity {
    std::vector<OptionSensitivity> options;
    std::vector<std::string> notes;  // what each method assumed, stated for the reader
    std::uint64_t sobol_base_rows = 0, sobol_paths = 0;
};

struct SensitivitySettings {
    std::vector<SensitivityMethod> methods;
    std::uint64_t sobol_base_rows = 4096;  // N of the Saltelli design: N·(d + 2) model runs
};

// Per option, horizon and metric (npv, roi; payback_months under the last
// horizon), over the inputs that can affect that option: the baseline's and
// its own. Spearman and SRC read the main run (which must have kept its
// inputs); tornado and Sobol run designs of their own.
Sensitivity analyse_sensitivity(const Scenario& s, const RunSettings& run, const PathStore& main,
                                const SensitivitySettings& settings);

bool needs_inputs(const SensitivitySettings& settings);

}  // namespace models

#pragma once

#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/results_document.hpp"
#include "models/forecast.hpp"
#include "models/scenario.hpp"
#include "models/scenario_edit.hpp"

namespace app {

// What `roicast run` simulates: the base scenario (edits applied) and the
// variants it was asked for, each built from the same document. The one
// path from a scenario document to a results document, for the command
// line and the server alike.
struct ScenarioRuns {
    models::Scenario base;
    std::vector<const models::Variant*> chosen;  // into base.variants
    std::vector<models::Scenario> variants;      // one per chosen variant
    std::vector<models::Edit> sets;
};

// Builds and validates every scenario of a run; throws ScenarioError.
// `fallback_name` names a scenario that has no "name" (a file's stem).
ScenarioRuns scenario_runs(const nlohmann::ordered_json& document, const std::string& fallback_name,
                           std::vector<models::Edit> sets, std::span<const std::string> variant_names);

// Forecasts the base and each variant on the base's seed and paths, and
// gathers them into one results document (what `run --json` writes). The
// settings' progress counts up to plan.progress_total × (1 + variants).
ResultsDocument run_scenarios(const ScenarioRuns& runs, models::ForecastSettings settings);

}  // namespace app

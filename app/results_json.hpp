#pragma once

#include <nlohmann/json.hpp>

#include "app/run_report.hpp"

namespace app {

// The results file of MODEL.md §5 (plus the inputs table, correlations and notes).
nlohmann::ordered_json results_json(const RunReport& report);

// The uncertain-input table: address, distribution, mean, P5, P50, P95, source.
nlohmann::ordered_json inputs_json(const models::Scenario& s);

}  // namespace app

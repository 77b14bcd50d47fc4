#pragma once

#include "app/results_document.hpp"
#include "models/forecast.hpp"
#include "models/scenario.hpp"

namespace app {

// The results document of a finished forecast of scenario s.
ResultsDocument results_document(const models::Scenario& s, const models::Forecast& f);

// The uncertain-input table: address, distribution, mean, P5, P50, P95, source.
std::vector<InputSummary> input_summaries(const models::Scenario& s);

}  // namespace app

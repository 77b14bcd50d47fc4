#pragma once

#include <span>

#include "app/results_document.hpp"
#include "models/forecast.hpp"
#include "models/scenario.hpp"

namespace app {

// The results document of a finished forecast of scenario s.
ResultsDocument results_document(const models::Scenario& s, const models::Forecast& f);

// The edits a run applied, path → value, in order (a later edit of the same path wins).
nlohmann::ordered_json set_record(std::span<const models::Edit> edits);

// A variant's results beside the base's, with how it moves the base path by
// path (when both forecasts kept their key paths).
VariantResult variant_result(const models::Variant& v, std::span<const models::Edit> extra,
                             const models::Scenario& scenario, const models::Forecast& variant,
                             const models::Forecast& base);

// The uncertain-input table: address, distribution, mean, P5, P50, P95, source.
std::vector<InputSummary> input_summaries(const models::Scenario& s);

}  // namespace app

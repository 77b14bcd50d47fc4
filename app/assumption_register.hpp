#pragma once

#include <vector>

#include "app/results_document.hpp"
#include "models/scenario.hpp"

namespace app {

// The assumptions register of a scenario: every numeric input, constants and
// defaults included, grouped by baseline and option in file order, each with
// a label a reader understands (the user's label, else the line's label or
// name and what the figure is), its value or distribution in words in its
// unit (app/distribution_text.hpp), mean, P10, P50, P90 and source. A risk
// is its probability and its cost; the draw that decides whether it happens
// is not an assumption.
std::vector<Assumption> assumption_register(const models::Scenario& s);

// The register's label of an input address, or a name made from the
// address (report_text's input_label_with_option) when it has none.
std::string input_name(const ResultsDocument& r, const std::string& address);

}  // namespace app

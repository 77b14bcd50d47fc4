#pragma once

#include <ostream>
#include <string>

#include "app/results_document.hpp"
#include "models/scenario.hpp"
#include "models/scenario_error.hpp"
#include "sim/gaussian_copula.hpp"

namespace app {

// The terminal summary of a run, for a finance lead.
void print_summary(std::ostream& out, const ResultsDocument& results);

// Every string these print (names, sources, addresses, messages that quote a
// file) passes through terminal_text (app/escaped_stream.hpp).

// "error: FILE: ADDRESS: message", a line per problem of a refused scenario.
void print_scenario_error(std::ostream& err, const std::string& label, const models::ScenarioError& e);

// One warning line per correlation the copula had to move.
void print_repairs(std::ostream& err, const std::string& label, const models::Scenario& s,
                   const std::vector<sim::CorrelationRepair>& repairs);

// "warning: FILE: ADDRESS: message", a line per implausible value (models/plausibility.hpp).
void print_warnings(std::ostream& err, const std::string& label, const std::vector<models::Issue>& warnings);

// The table `roicast validate` prints: every uncertain input with its
// distribution, mean and P5–P95.
void print_inputs(std::ostream& out, const models::Scenario& s);

}  // namespace app

#pragma once

#include <ostream>
#include <string>

#include "app/run_report.hpp"

namespace app {

// The terminal summary of a run, for a finance lead.
void print_summary(std::ostream& out, const RunReport& report);

// One warning line per correlation the copula had to move.
void print_repairs(std::ostream& err, const std::string& label, const models::Scenario& s,
                   const sim::GaussianCopula& copula);

// The table `roicast validate` prints: every uncertain input with its
// distribution, mean and P5–P95.
void print_inputs(std::ostream& out, const models::Scenario& s);

}  // namespace app

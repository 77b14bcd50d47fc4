#pragma once

#include <vector>

#include "models/scenario.hpp"
#include "models/scenario_error.hpp"

namespace models {

// Values that are valid but most likely a slip, each at its address with what
// it means and the value probably intended: "discount_rate: 9 is 900 % a year;
// did you mean 0.09?". A distribution is judged by its median. Shares and
// rates written as percentages (5 for 5 %), a yearly figure where a monthly one
// belongs, weeks where months belong. Runs go ahead; the command line prints
// these on stderr and the results file keeps them (`warnings`).
std::vector<Issue> implausible_values(const Scenario& s);

}  // namespace models

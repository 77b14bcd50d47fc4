#pragma once

#include <vector>

#include "models/scenario.hpp"

namespace models {

// What an input measures, so that a number can be shown as people read it
// (€250k, 15 %, 6 months) and judged for plausibility.
enum class Quantity {
    money,   // an amount in the scenario's currency
    share,   // a fraction, 0.15 = 15 % (of a rate, a cost, the users, …)
    months,  // a duration
    count,   // users, leads, customers
    factor,  // a multiplier (the overrun, 1.2 = 20 % over)
    rate,    // a curve's speed per month (steepness, Bass p and q)
};

// The quantity of every input of the scenario, by InputId. A money line's
// amount is money, except a build_fraction_per_year amount, a share of the build.
std::vector<Quantity> input_quantities(const Scenario& s);

}  // namespace models

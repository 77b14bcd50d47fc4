#pragma once

#include <span>

#include "models/scenario.hpp"

namespace models {

// Monthly flows of one option on one path, t = 0 … H (index t), MODEL.md §4.
struct MonthlyFlows {
    std::span<double> cost, benefit, adoption;  // each of size H + 1
};

// Fills the flows of option o given the path's input values: value(id) for
// every InputId, cheap, since it is called a few dozen times per path.
template <class ValueOf>
void option_flows(const Scenario& s, const Option& o, const ValueOf& value, MonthlyFlows flows);

}  // namespace models

#include "models/option_flows_impl.hpp"

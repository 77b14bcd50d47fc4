#pragma once

#include <span>

#include "models/breakdown.hpp"
#include "models/scenario.hpp"

namespace models {

// Monthly flows of one option on one path, t = 0 … H (index t), docs/model.md.
struct MonthlyFlows {
    std::span<double> cost, benefit, adoption;  // each of size H + 1; adoption is A_ρ(t)
    std::span<double> soft;                     // H + 1: the part of `benefit` that is not cash
    std::span<double> parts;  // breakdown_layout(o).size() rows of H + 1, row-major
};

// Fills the flows of option o given the path's input values: value(id) for
// every InputId, cheap, since it is called a few dozen times per path. Each
// component goes to its row of `parts`; cost and benefit are their rows' sums.
template <class ValueOf>
void option_flows(const Scenario& s, const Option& o, const ValueOf& value, MonthlyFlows flows);

}  // namespace models

#include "models/option_flows_impl.hpp"

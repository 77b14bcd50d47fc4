#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "models/scenario.hpp"

namespace models {

// Where an option's money comes from and goes: the rows of its monthly flows,
// one per component. Benefits first (the five customer effects split as in
// docs/model.md, "Where the money comes from", then productivity, each
// savings line and each benefit line), then costs (each cost line, the
// productivity dip when the option has one, each risk). The benefits are the
// sum of the benefit rows, the costs the sum of the cost rows.
struct BreakdownLayout {
    static constexpr std::size_t conversion = 0, sales_cycle = 1, retention = 2, revenue_per_customer = 3,
                                 interaction = 4, productivity = 5, effects = 6;
    std::size_t savings = 0, benefit_lines = 0, cost_lines = 0, risks = 0;
    bool dip = false;

    std::size_t first_saving() const { return effects; }
    std::size_t first_benefit_line() const { return effects + savings; }
    std::size_t benefit_rows() const { return effects + savings + benefit_lines; }
    std::size_t first_cost_line() const { return benefit_rows(); }
    std::size_t dip_row() const { return benefit_rows() + cost_lines; }
    std::size_t first_risk() const { return dip_row() + (dip ? 1 : 0); }
    std::size_t size() const { return first_risk() + risks; }
};

BreakdownLayout breakdown_layout(const Option& o);

// A row's place in the results file's breakdown: group ("benefits" or
// "costs"), subgroup ("savings", "lines", "risks" or empty) and name.
struct BreakdownKey {
    std::string group, subgroup, name;
};

// The key of every row of the option's layout, in row order.
std::vector<BreakdownKey> breakdown_keys(const Option& o);

}  // namespace models

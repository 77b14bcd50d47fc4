#include "models/breakdown.hpp"

namespace models {

BreakdownLayout breakdown_layout(const Option& o) {
    BreakdownLayout l;
    l.savings = o.effects.savings.size();
    l.benefit_lines = o.benefits.size();
    l.cost_lines = o.costs.size();
    l.risks = o.risks.size();
    l.dip = o.dip.has_value();
    return l;
}

std::vector<BreakdownKey> breakdown_keys(const Option& o) {
    std::vector<BreakdownKey> keys;
    for (const char* effect : {"conversion", "sales_cycle", "retention", "revenue_per_customer", "interaction",
                               "productivity"})
        keys.push_back({"benefits", "", effect});
    for (const auto& s : o.effects.savings) keys.push_back({"benefits", "savings", s.name});
    for (const auto& line : o.benefits) keys.push_back({"benefits", "lines", line.name});
    for (const auto& line : o.costs) keys.push_back({"costs", "lines", line.name});
    if (o.dip) keys.push_back({"costs", "", "productivity_dip"});
    for (const auto& r : o.risks) keys.push_back({"costs", "risks", r.name});
    return keys;
}

}  // namespace models

#include "app/money_breakdown.hpp"

#include <algorithm>

namespace app {

namespace {

// The register's label of a line's amount without its "Cost: " prefix; else its name spelled out.
std::string line_label(const ResultsDocument& r, const std::string& option, const std::string& group,
                       const std::string& name, const std::string& field) {
    const std::string address = "options." + option + "." + group + "." + name + "." + field;
    for (const auto& a : r.assumptions)
        if (a.address == address) {
            const auto colon = a.label.find(": ");
            std::string label = colon == std::string::npos ? a.label : a.label.substr(colon + 2);
            const auto comma = label.rfind(", ");
            return field == "amount" || comma == std::string::npos ? label : label.substr(0, comma);
        }
    std::string spelled = name;
    std::replace(spelled.begin(), spelled.end(), '_', ' ');
    if (!spelled.empty() && spelled[0] >= 'a' && spelled[0] <= 'z') spelled[0] = static_cast<char>(spelled[0] - 32);
    return spelled;
}

const Breakdown* first_breakdown(const OptionResult& o) {
    return o.horizons.empty() || !o.horizons[0].breakdown ? nullptr : &*o.horizons[0].breakdown;
}

// The entry of that name in a keyed list, or null.
const Quantiles* named(const std::vector<NamedQuantiles>& list, const std::string& name) {
    for (const auto& q : list)
        if (q.name == name) return &q.quantiles;
    return nullptr;
}

}  // namespace

std::vector<MoneyComponent> benefit_components(const ResultsDocument& r, const OptionResult& o) {
    using B = const Breakdown&;
    std::vector<MoneyComponent> list{
        {"conversion", "More leads converted", false, [](B b) { return &b.benefits.conversion; }},
        {"sales_cycle", "Shorter sales cycle", false, [](B b) { return &b.benefits.sales_cycle; }},
        {"retention", "Lower churn", false, [](B b) { return &b.benefits.retention; }},
        {"revenue_per_customer", "More revenue per customer", false, [](B b) { return &b.benefits.revenue_per_customer; }},
        {"interaction", "Effects combined", false, [](B b) { return &b.benefits.interaction; }},
        {"productivity", "Time saved (soft)", true, [](B b) { return &b.benefits.productivity; }},
    };
    const Breakdown* first = first_breakdown(o);
    if (!first) return list;
    for (const auto& s : first->benefits.savings)
        list.push_back({"savings." + s.name, "Saving: " + line_label(r, o.name, "effects.savings", s.name, "reduction"),
                        false, [n = s.name](B b) { return named(b.benefits.savings, n); }});
    for (const auto& l : first->benefits.lines) {
        const bool soft = l.soft.value_or(false);
        list.push_back({"lines." + l.name, line_label(r, o.name, "benefits", l.name, "amount") + (soft ? " (soft)" : ""),
                        soft, [n = l.name](B b) { return named(b.benefits.lines, n); }});
    }
    return list;
}

std::vector<MoneyComponent> cost_components(const ResultsDocument& r, const OptionResult& o) {
    using B = const Breakdown&;
    std::vector<MoneyComponent> list;
    const Breakdown* first = first_breakdown(o);
    if (!first) return list;
    for (const auto& l : first->costs.lines)
        list.push_back({"lines." + l.name, line_label(r, o.name, "costs", l.name, "amount"), false,
                        [n = l.name](B b) { return named(b.costs.lines, n); }});
    if (first->costs.productivity_dip)
        list.push_back({"productivity_dip", "Productivity dip", false,
                        [](B b) { return b.costs.productivity_dip ? &*b.costs.productivity_dip : nullptr; }});
    for (const auto& k : first->costs.risks)
        list.push_back({"risks." + k.name, "Risk: " + line_label(r, o.name, "risks", k.name, "cost"), false,
                        [n = k.name](B b) { return named(b.costs.risks, n); }});
    return list;
}

}  // namespace app

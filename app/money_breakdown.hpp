#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/results_document.hpp"

namespace app {

// The components of an option's breakdown (docs/model.md, "Where the money
// comes from") as every output names them: the terminal, the HTML waterfalls
// and stacks, the workbook's Breakdown sheet and breakdown.csv.
struct MoneyComponent {
    std::string key;    // "conversion", "savings.support", "lines.build", "risks.rework": its key under breakdown.<group>
    std::string label;  // "More leads converted", "Saving: Support", "Build" (the line's label when the register has one)
    bool soft = false;  // a soft benefit: capacity, not cash
    std::function<const Quantiles*(const Breakdown&)> pick;  // null where that horizon's breakdown lacks it
};

// The benefit components in the order of docs/model.md (customer effects, what
// they add together, time saved, savings lines, benefit lines), then the cost
// components (each cost line, the productivity dip, each risk), of an option.
std::vector<MoneyComponent> benefit_components(const ResultsDocument& r, const OptionResult& o);
std::vector<MoneyComponent> cost_components(const ResultsDocument& r, const OptionResult& o);

}  // namespace app

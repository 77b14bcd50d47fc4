#pragma once
// Helpers for model tests: build a scenario from JSON text and evaluate it.

#include <gtest/gtest.h>

#include <span>
#include <string>
#include <vector>

#include "models/financial_metrics.hpp"
#include "models/option_flows.hpp"
#include "models/scenario_loader.hpp"
#include "models/simulation.hpp"

namespace test {

inline models::Scenario scenario(const std::string& json) {
    try {
        return models::parse_scenario(json);
    } catch (const models::ScenarioError& e) {
        std::string all;
        for (const auto& i : e.issues()) all += i.address + ": " + i.message + "\n";
        ADD_FAILURE() << "scenario rejected:\n" << all;
        throw;
    }
}

// Every input at a fixed value: its constant, or its mean when uncertain.
inline auto at_means(const models::Scenario& s) {
    return [&s](models::InputId id) { return sim::mean(s.inputs[id].distribution); };
}

// One option's monthly flows, t = 0 … H, and its breakdown rows.
struct Flows {
    std::vector<double> cost, benefit, adoption, soft, parts;
    std::size_t months = 0;
    // Row r of breakdown_layout(option), t = 0 … H.
    std::span<const double> row(std::size_t r) const { return {parts.data() + r * months, months}; }
};

inline Flows flows_at_means(const models::Scenario& s, std::size_t option = 0) {
    const auto n = static_cast<std::size_t>(s.simulated_months()) + 1;
    const auto rows = models::breakdown_layout(s.options[option]).size();
    Flows f{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n), std::vector<double>(n),
            std::vector<double>(rows * n), n};
    models::option_flows(s, s.options[option], at_means(s),
                         models::MonthlyFlows{f.cost, f.benefit, f.adoption, f.soft, f.parts});
    return f;
}

}  // namespace test

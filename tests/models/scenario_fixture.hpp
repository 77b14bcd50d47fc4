#pragma once
// Helpers for model tests: build a scenario from JSON text and evaluate it.

#include <gtest/gtest.h>

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

struct Flows {
    std::vector<double> cost, benefit, adoption;
};

inline Flows flows_at_means(const models::Scenario& s, std::size_t option = 0) {
    const auto n = static_cast<std::size_t>(s.simulated_months()) + 1;
    Flows f{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n)};
    models::option_flows(s, s.options[option], at_means(s), models::MonthlyFlows{f.cost, f.benefit, f.adoption});
    return f;
}

}  // namespace test

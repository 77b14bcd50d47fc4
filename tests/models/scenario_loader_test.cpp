// Invalid scenarios: every problem is reported, at its address, all at once.
#include "models/scenario_loader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

std::vector<models::Issue> issues_of(const std::string& json) {
    try {
        models::parse_scenario(json);
    } catch (const models::ScenarioError& e) {
        return e.issues();
    }
    return {};
}

const char* valid = R"({"options": {"o": {"implementation": {"months": 3}, "adoption": {"model": "logistic", "midpoint_months": 2, "steepness": 1}}}})";

TEST(ScenarioLoader, AcceptsAMinimalScenarioWithDefaults) {
    const auto s = models::parse_scenario(valid);
    ASSERT_EQ(s.horizons.size(), 3u);
    EXPECT_EQ(s.horizons[2].months, 60);
    EXPECT_EQ(s.discount_rate, 0.10);
    EXPECT_EQ(s.simulation.paths, 10000u);
    EXPECT_EQ(s.simulation.seed, 1u);
    EXPECT_EQ(s.simulation.sampling, sim::Sampling::lhs);
    EXPECT_EQ(s.inputs.dimensions(), 0u);
}

TEST(ScenarioLoader, ReportsEveryProblemAtOnce) {
    const auto issues = issues_of(R"({
      "horizons": {"short": 0},
      "baseline": {"conversion_rate": 1.5, "usres": 10},
      "options": {"custom": {"implementation": {"months": 3},
        "adoption": {"model": "logistic", "midpoint_months": 2, "steepness": 1},
        "costs": {"build": {"amount": {"dist": "pert", "min": 20000, "mode": 10000, "max": 150000}, "unit": "once"}}}}})");
    ASSERT_EQ(issues.size(), 4u);
    EXPECT_EQ(issues[0].address, "horizons.short");
    EXPECT_EQ(issues[1].address, "baseline.usres");
    EXPECT_NE(issues[1].message.find("did you mean \"users\""), std::string::npos) << issues[1].message;
    EXPECT_EQ(issues[2].address, "baseline.conversion_rate");
    EXPECT_NE(issues[2].message.find("1.5"), std::string::npos);
    EXPECT_EQ(issues[3].address, "options.custom.costs.build.amount");
    EXPECT_NE(issues[3].message.find("PERT needs min <= mode <= max, got min=20,000, mode=10,000, max=150,000"),
              std::string::npos) << issues[3].message;
}

TEST(ScenarioLoader, KeepsSourcesAndNotes) {
    const auto s = models::parse_scenario(R"({"notes": "why", "baseline": {"users": {"value": 12, "source": "HR"},
      "gross_margin": {"dist": "uniform", "min": 0.6, "max": 0.8, "source": "finance"}},
      "options": {"o": {"implementation": {"months": 3}, "adoption": {"model": "bass", "p": 0.1, "q": 0.3}}}})");
    EXPECT_EQ(s.notes, std::vector<std::string>{"why"});
    EXPECT_EQ(s.inputs[s.baseline.users].source, "HR");
    EXPECT_EQ(s.inputs[s.baseline.gross_margin].source, "finance");
    EXPECT_EQ(s.inputs.dimensions(), 1u);
}

// §6.1: a right-skewed share could not be written before (an untruncated
// lognormal reaches past 1); with max it loads and stays inside its range.
TEST(ScenarioLoader, TruncatedLognormalAndGammaLoad) {
    const auto s = models::parse_scenario(R"({"options": {"o": {"implementation": {"months": 3},
      "adoption": {"model": "bass", "p": 0.1, "q": 0.3},
      "effects": {"time_saved_fraction": {"dist": "lognormal", "median": 0.08, "p90": 0.2, "max": 0.5}},
      "costs": {"build": {"amount": {"dist": "gamma", "shape": 4, "scale": 50000, "min": 100000}, "unit": "once"}}}}})");
    const auto& share = s.inputs[s.options[0].effects.time_saved_fraction].distribution;
    EXPECT_EQ(sim::support(share).high, 0.5);
    EXPECT_LE(sim::quantile(share, 1 - 0x1p-53), 0.5);
    EXPECT_NEAR(sim::quantile(share, 0.5), 0.08, 0.01);  // the cut moves the median only a little
    const auto& build = s.inputs[*s.inputs.find("options.o.costs.build.amount")].distribution;
    EXPECT_EQ(sim::support(build).low, 100000);
    EXPECT_GE(sim::quantile(build, 0x1p-54), 100000);
    // Without bounds the kinds are the plain ones, so v1 scenarios draw the same numbers.
    const auto plain = models::parse_scenario(R"({"baseline": {"users": {"dist": "gamma", "shape": 4, "scale": 25}},
      "options": {"o": {"implementation": {"months": 3}, "adoption": {"model": "bass", "p": 0.1, "q": 0.3}}}})");
    EXPECT_TRUE(std::holds_alternative<sim::Gamma>(plain.inputs[plain.baseline.users].distribution));
}

TEST(ScenarioLoader, OptionOrderIsFileOrder) {
    const auto s = models::parse_scenario(R"({"options": {
      "zeta": {"implementation": {"months": 3}, "adoption": {"model": "bass", "p": 0.1, "q": 0.3}},
      "alpha": {"implementation": {"months": 3}, "adoption": {"model": "bass", "p": 0.1, "q": 0.3}}}})");
    EXPECT_EQ(s.options[0].name, "zeta");
    EXPECT_EQ(s.options[1].name, "alpha");
}

TEST(ScenarioLoader, InvalidJsonSaysWhere) {
    const auto issues = issues_of("{\"options\": {,}}");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_NE(issues[0].message.find("line 1"), std::string::npos) << issues[0].message;
}

}  // namespace

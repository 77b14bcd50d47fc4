// A catalogue of invalid scenarios: each exits with code 2, names the address
// of the problem as "error: FILE: ADDRESS: …", and writes no results file.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "run_roicast.hpp"

namespace {

struct Bad {
    std::string name, json, address, says;  // says: a piece of the message
};

void PrintTo(const Bad& b, std::ostream* os) { *os << b.name; }

// Variations on a valid scenario. Built by appending: GCC 12 gives a false
// -Wrestrict on "literal" + std::string (bug 105329).
std::string with_option(const std::string& extra) {
    std::string s = R"({"options": {"o": {"implementation": {"months": 3}, "adoption": {"model": "logistic", "midpoint_months": 2, "steepness": 1})";
    if (!extra.empty()) s.append(", ").append(extra);
    return s.append("}}}");
}
std::string with_top(const std::string& extra) {
    std::string s = "{";
    return s.append(extra).append(R"(, "options": {"o": {"implementation": {"months": 3}, "adoption": {"model": "bass", "p": 0.1, "q": 0.3}}}})");
}
std::string with_cost(const std::string& line) {
    std::string s = R"("costs": {"build": )";
    return with_option(s.append(line).append("}"));
}
const std::string uncertain_users = R"("baseline": {"users": {"dist": "uniform", "min": 5, "max": 10}, "leads_per_month": {"dist": "uniform", "min": 5, "max": 10}, "customers": 3})";

std::vector<Bad> catalogue() {
    return {
        {"no_options", R"({"name": "x"})", "options", "missing required field"},
        {"empty_options", R"({"options": {}})", "options", "at least one option"},
        {"options_not_object", R"({"options": [1]})", "options", "expected an object"},
        {"top_level_array", "[1, 2]", "", "a scenario is a JSON object"},
        {"invalid_json", R"({"options": {,}})", "", "not valid JSON"},
        {"number_overflow", with_top(R"("discount_rate": 1e3000)"), "", "number overflow"},
        {"unknown_top_field", with_top(R"("horizon": {"h": 12})"), "horizon", "did you mean \"horizons\""},
        {"horizon_zero", with_top(R"("horizons": {"short": 0})"), "horizons.short", "from 1 to 600"},
        {"horizon_too_long", with_top(R"("horizons": {"long": 601})"), "horizons.long", "from 1 to 600"},
        {"horizon_fraction", with_top(R"("horizons": {"h": 12.5})"), "horizons.h", "whole number"},
        {"discount_negative", with_top(R"("discount_rate": -0.1)"), "discount_rate", "must be in [0, 10]"},
        {"amount_absurd", with_cost(R"({"amount": 1e300, "unit": "once"})"), "options.o.costs.build.amount", "at most 1e+15"},
        {"nested_too_deep", "{\"options\": " + std::string(200, '[') + std::string(200, ']') + "}", "", "nested more than 64 levels"},
        {"sampling_unknown", with_top(R"("simulation": {"sampling": "random"})"), "simulation.sampling", "mc, lhs, sobol"},
        {"paths_zero", with_top(R"("simulation": {"paths": 0})"), "simulation.paths", "from 1"},
        {"conversion_above_one", with_top(R"("baseline": {"conversion_rate": 1.5})"), "baseline.conversion_rate", "got 1.5"},
        {"users_negative", with_top(R"("baseline": {"users": -3})"), "baseline.users", "got -3"},
        {"baseline_typo", with_top(R"("baseline": {"usres": 3})"), "baseline.usres", "did you mean \"users\""},
        {"churn_unbounded", with_top(R"("baseline": {"monthly_churn": {"dist": "normal", "mean": 0.02, "sd": 0.01}})"),
         "baseline.monthly_churn", "give it min and max"},
        {"no_implementation", R"({"options": {"o": {"adoption": {"model": "bass", "p": 0.1, "q": 0.2}}}})",
         "options.o.implementation", "missing required field"},
        {"no_adoption", R"({"options": {"o": {"implementation": {"months": 3}}}})", "options.o.adoption", "missing required field"},
        {"adoption_model_unknown", R"({"options": {"o": {"implementation": {"months": 3}, "adoption": {"model": "sigmoid"}}}})",
         "options.o.adoption.model", "logistic, bass"},
        {"logistic_no_steepness", R"({"options": {"o": {"implementation": {"months": 3}, "adoption": {"model": "logistic", "midpoint_months": 2}}}})",
         "options.o.adoption.steepness", "missing required field"},
        {"months_zero", R"({"options": {"o": {"implementation": {"months": 0}, "adoption": {"model": "bass", "p": 0.1, "q": 0.2}}}})",
         "options.o.implementation.months", "> 0"},
        {"months_string", R"({"options": {"o": {"implementation": {"months": "six"}, "adoption": {"model": "bass", "p": 0.1, "q": 0.2}}}})",
         "options.o.implementation.months", "got a string \"six\""},
        {"option_name_dot", R"({"options": {"a.b": {"implementation": {"months": 3}, "adoption": {"model": "bass", "p": 0.1, "q": 0.2}}}})",
         "options.a.b", "must start with a letter and hold only letters, digits, '_' or '-'"},
        {"option_name_vs", R"({"options": {"a_vs_b": {"implementation": {"months": 3}, "adoption": {"model": "bass", "p": 0.1, "q": 0.2}}}})",
         "options.a_vs_b", "may not contain \"_vs_\""},
        {"until_before_from", with_cost(R"({"amount": 5, "unit": "per_month", "from": {"month": 6}, "until": {"month": 3}})"),
         "options.o.costs.build.until", "ends before the line starts"},
        {"until_on_one_off", with_cost(R"({"amount": 5, "unit": "once", "until": {"month": 3}})"),
         "options.o.costs.build.until", "until is for recurring lines"},
        {"from_month_zero", with_cost(R"({"amount": 5, "unit": "per_year", "from": {"month": 0}})"),
         "options.o.costs.build.from.month", "must be from 1 to 600, got 0"},
        {"rollout_shares_down", with_option(R"("rollout": [{"month": 0, "share": 0.5}, {"month": 3, "share": 0.4}])"),
         "options.o.rollout[1].share", "must increase, got 0.4 after 0.5"},
        {"rollout_months_same", with_option(R"("rollout": [{"month": 2, "share": 0.5}, {"month": 2, "share": 1}])"),
         "options.o.rollout[1].month", "increasing months, got 2 after 2"},
        {"rollout_share_zero", with_option(R"("rollout": [{"month": 0, "share": 0}])"),
         "options.o.rollout[0].share", "got 0"},
        {"line_name_space", with_option(R"("costs": {"two words": {"amount": 5, "unit": "once"}})"),
         "options.o.costs.two words", "must start with a letter"},
        {"pert_mode_outside", with_cost(R"({"amount": {"dist": "pert", "min": 20000, "mode": 10000, "max": 150000}, "unit": "once"})"),
         "options.o.costs.build.amount", "PERT needs min <= mode <= max, got min=20000, mode=10000, max=150000"},
        {"dist_unknown", with_cost(R"({"amount": {"dist": "poisson", "mean": 3}, "unit": "once"})"),
         "options.o.costs.build.amount.dist", "unknown distribution \"poisson\""},
        {"dist_param_typo", with_cost(R"({"amount": {"dist": "pert", "min": 1, "mod": 2, "max": 3}, "unit": "once"})"),
         "options.o.costs.build.amount.mod", "did you mean \"mode\""},
        {"normal_sd_zero", with_cost(R"({"amount": {"dist": "normal", "mean": 5, "sd": 0, "min": 0}, "unit": "once"})"),
         "options.o.costs.build.amount", "sd > 0, got sd=0"},
        {"lognormal_two_forms", with_cost(R"({"amount": {"dist": "lognormal", "median": 5, "p90": 8, "mean": 6, "sd": 1}, "unit": "once"})"),
         "options.o.costs.build.amount", "exactly one of"},
        {"lognormal_truncation_keeps_nothing",
         with_cost(R"({"amount": {"dist": "lognormal", "median": 5, "p90": 8, "max": -1}, "unit": "once"})"),
         "options.o.costs.build.amount", "keeps no probability mass"},
        {"gamma_min_above_max", with_cost(R"({"amount": {"dist": "gamma", "shape": 2, "scale": 3, "min": 5, "max": 4}, "unit": "once"})"),
         "options.o.costs.build.amount", "min < max, got min=5, max=4"},
        {"discrete_negative_weight", with_cost(R"({"amount": {"dist": "discrete", "values": [1, 2], "weights": [1, -1]}, "unit": "once"})"),
         "options.o.costs.build.amount", "weights[1]=-1"},
        {"unit_unknown", with_cost(R"({"amount": 5, "unit": "yearly"})"), "options.o.costs.build.unit", "unknown unit"},
        {"unit_missing", with_cost(R"({"amount": 5})"), "options.o.costs.build.unit", "missing required field"},
        {"amount_missing", with_cost(R"({"unit": "once"})"), "options.o.costs.build.amount", "missing required field"},
        {"timing_unknown", with_cost(R"({"amount": 5, "unit": "once", "timing": "later"})"), "options.o.costs.build.timing",
         "\"implementation\", \"go_live\""},
        {"recurring_with_timing", with_cost(R"({"amount": 5, "unit": "per_month", "timing": "go_live"})"),
         "options.o.costs.build.timing", "recurring line"},
        {"from_unknown", with_cost(R"({"amount": 5, "unit": "per_month", "from": "signature"})"), "options.o.costs.build.from",
         "\"contract\", \"go_live\" or {\"month\": k}"},
        {"cost_negative", with_cost(R"({"amount": -5, "unit": "once"})"), "options.o.costs.build.amount", ">= 0"},
        {"risk_probability", with_option(R"("risks": {"r": {"probability": 1.2, "cost": 5}})"), "options.o.risks.r.probability", "got 1.2"},
        {"risk_no_cost", with_option(R"("risks": {"r": {"probability": 0.2}})"), "options.o.risks.r.cost", "missing required field"},
        {"dip_fraction", with_option(R"("productivity_dip": {"fraction": 2, "months": 3})"), "options.o.productivity_dip.fraction", "got 2"},
        {"effect_typo", with_option(R"("effects": {"conversion_uplfit": 0.1})"), "options.o.effects.conversion_uplfit",
         "did you mean \"conversion_uplift\""},
        {"benefit_amount_string", with_option(R"("benefits": {"b": {"amount": "lots", "unit": "per_month"}})"),
         "options.o.benefits.b.amount", "expected a number or a distribution"},
        {"duplicate_option", R"({"options": {"o": {"implementation": {"months": 3}, "adoption": {"model": "bass", "p": 0.1, "q": 0.3}},
                                 "o": {"implementation": {"months": 4}, "adoption": {"model": "bass", "p": 0.1, "q": 0.3}}}})",
         "options.o", "appears twice"},
        {"duplicate_field", with_top(R"("discount_rate": 0.1, "discount_rate": 0.2)"), "discount_rate", "appears twice"},
        {"correlation_unknown_input", with_top(uncertain_users + R"(, "correlations": [{"between": ["baseline.usres", "baseline.leads_per_month"], "rank": 0.5}])"),
         "correlations[0].between", "did you mean \"baseline.users\""},
        {"correlation_constant", with_top(uncertain_users + R"(, "correlations": [{"between": ["baseline.users", "baseline.customers"], "rank": 0.5}])"),
         "correlations[0].between", "is a constant"},
        {"correlation_rank", with_top(uncertain_users + R"(, "correlations": [{"between": ["baseline.users", "baseline.leads_per_month"], "rank": 2}])"),
         "correlations[0].rank", "in [-1, 1]"},
        {"correlation_self", with_top(uncertain_users + R"(, "correlations": [{"between": ["baseline.users", "baseline.users"], "rank": 0.3}])"),
         "correlations[0].between", "with itself"},
        {"correlation_duplicate", with_top(uncertain_users + R"(, "correlations": [{"between": ["baseline.users", "baseline.leads_per_month"], "rank": 0.3}, {"between": ["baseline.leads_per_month", "baseline.users"], "rank": 0.1}])"),
         "correlations[1].between", "already correlated"},
    };
}

class InvalidScenario : public testing::TestWithParam<Bad> {};

TEST_P(InvalidScenario, ExitsTwoNamesTheAddressWritesNothing) {
    const Bad& b = GetParam();
    const auto dir = test::scratch_folder(b.name);
    const auto file = dir / "scenario.json";
    std::ofstream(file) << b.json;
    const auto results = dir / "results.json";
    const auto o = test::roicast("run " + file.string() + " --json " + results.string() + " --paths 100");
    EXPECT_EQ(o.exit_code, 2) << o.err;
    const std::string prefix = "error: " + file.string() + ": " + (b.address.empty() ? "" : b.address + ": ");
    EXPECT_NE(o.err.find(prefix), std::string::npos) << "stderr lacks '" << prefix << "':\n" << o.err;
    EXPECT_NE(o.err.find(b.says), std::string::npos) << "stderr lacks '" << b.says << "':\n" << o.err;
    EXPECT_FALSE(std::filesystem::exists(results));
    EXPECT_TRUE(o.out.empty()) << o.out;
    // `validate` agrees.
    EXPECT_EQ(test::roicast("validate " + file.string()).exit_code, 2);
    std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, InvalidScenario, testing::ValuesIn(catalogue()),
                         [](const testing::TestParamInfo<Bad>& i) { return i.param.name; });

TEST(InvalidScenario, CatalogueIsLargeAndDistinct) {
    const auto all = catalogue();
    EXPECT_GE(all.size(), 40u);
    std::set<std::string> texts;
    for (const auto& b : all) texts.insert(b.json);
    EXPECT_EQ(texts.size(), all.size());
}

}  // namespace

namespace {

// Inputs the fuzzer or a review found hostile (fuzz/regressions/): each is
// either a valid scenario or refused with exit code 2, never a crash.
TEST(FuzzRegressions, EveryFileLoadsOrIsRefused) {
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(ROICAST_SOURCE_DIR) + "/fuzz/regressions")) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        const auto o = test::roicast("run " + entry.path().string() + " --paths 50 --quiet");
        EXPECT_TRUE(o.exit_code == 0 || o.exit_code == 2) << entry.path() << " exit " << o.exit_code << "\n" << o.err;
    }
    EXPECT_GE(files, 3u);
}

}  // namespace

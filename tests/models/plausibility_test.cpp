// Valid values that are most likely a slip are named at their address with
// the value probably meant; the shipped scenarios have none.
#include "models/plausibility.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "models/scenario_loader.hpp"
#include "scenario_fixture.hpp"

namespace {

// Scenario text whose values a case swaps: with("", "", …).swap("0.01", "0.25").
struct Text : std::string {
    Text swap(const std::string& from, const std::string& to) const {
        Text t = *this;
        const auto at = t.find(from);
        if (at == npos) ADD_FAILURE() << "no " << from << " in " << t;
        else t.std::string::replace(at, from.size(), to);
        return t;
    }
};

// A plausible scenario with a fragment added at the top level, to the baseline and to the option.
Text with(const std::string& top, const std::string& baseline, const std::string& option) {
    return Text{R"({)" + top + R"( "baseline": {"users": 20, "loaded_cost_per_user_month": 6000, "monthly_churn": 0.01)" +
           baseline + R"(}, "options": {"o": {"implementation": {"months": 4)" + option + R"(}}})"};
}

struct Slip {
    const char* name;
    std::string json, address, says;
};

void PrintTo(const Slip& s, std::ostream* os) { *os << s.name; }

const std::string adoption = R"(, "adoption": {"model": "logistic", "midpoint_months": 3, "steepness": 1})";

std::vector<Slip> slips() {
    return {
        {"discount_rate_as_percent", with(R"("discount_rate": 9,)", "", "}" + adoption), "discount_rate",
         "9 is 900 % a year; did you mean 0.09 (9 %)?"},
        {"annual_increase_as_percent",
         with("", "", R"(}, "costs": {"lic": {"amount": 50, "unit": "per_user_month", "annual_increase": 5}})" + adoption),
         "options.o.costs.lic.annual_increase", "5 is +500 % a year; did you mean 0.05 (5 %)?"},
        {"annual_increase_distribution",
         with("", "", R"(}, "costs": {"lic": {"amount": 50, "unit": "per_user_month", "annual_increase": {"dist": "uniform", "min": 2, "max": 4}}})" + adoption),
         "options.o.costs.lic.annual_increase", "median 3 is +300 % a year; did you mean 0.03 (3 %)?"},
        {"maintenance_as_percent",
         with("", "", R"(}, "costs": {"build": {"amount": 1000, "unit": "once"}, "maint": {"amount": 18, "unit": "build_fraction_per_year"}})" + adoption),
         "options.o.costs.maint.amount", "18 is 1,800 % of the build cost every year; did you mean 0.18 (18 %)?"},
        {"overrun_as_percent", with("", "", R"(, "overrun": 20})" + adoption), "options.o.implementation.overrun",
         "did you mean 1.2 (20 % over budget)?"},
        {"implementation_in_weeks", with("", "", R"(})" + adoption).swap(R"("months": 4)", R"("months": 78)"),
         "options.o.implementation.months", "6.5 years; if it is in weeks, that is 18 months"},
        {"yearly_churn", with("", R"(, "customers": 100)", "}" + adoption).swap("0.01", "0.25"),
         "baseline.monthly_churn", "if it is a yearly churn, the monthly one is 0.02369"},
        {"yearly_loaded_cost", with("", "", "}" + adoption).swap("6000", "72000"), "baseline.loaded_cost_per_user_month",
         "if it is a yearly cost, the monthly one is 6,000"},
        {"sales_cycle_in_weeks", with("", R"(, "sales_cycle_months": 52)", "}" + adoption), "baseline.sales_cycle_months",
         "if it is in weeks, that is 12 months"},
        {"uplift_as_percent", with("", "", "}" + adoption + R"(, "effects": {"conversion_uplift": 15})"),
         "options.o.effects.conversion_uplift", "15 is +1,500 %, more than double; did you mean 0.15 (15 %)?"},
        {"time_saved_implausible", with("", "", "}" + adoption + R"(, "effects": {"time_saved_fraction": 0.8})"),
         "options.o.effects.time_saved_fraction", "saves 80 % of each user's working time; did you mean 0.008"},
        {"midpoint_beyond_horizon",
         with("", "", "}" + adoption).swap(R"("midpoint_months": 3)", R"("midpoint_months": 90)"),
         "options.o.adoption.midpoint_months", "after the longest horizon (60 months)"},
        {"dip_in_weeks", with("", "", R"(}, "productivity_dip": {"fraction": 0.1, "months": 26})" + adoption),
         "options.o.productivity_dip.months", "if it is in weeks, that is 6 months"},
    };
}

class ImplausibleValue : public testing::TestWithParam<Slip> {};

TEST_P(ImplausibleValue, IsNamedWithTheValueProbablyMeant) {
    const Slip& slip = GetParam();
    const auto warnings = models::implausible_values(test::scenario(slip.json));
    ASSERT_EQ(warnings.size(), 1u) << (warnings.empty() ? "none" : warnings[0].address + ": " + warnings[0].message);
    EXPECT_EQ(warnings[0].address, slip.address);
    EXPECT_NE(warnings[0].message.find(slip.says), std::string::npos) << warnings[0].message;
}

INSTANTIATE_TEST_SUITE_P(Each, ImplausibleValue, testing::ValuesIn(slips()),
                         [](const testing::TestParamInfo<Slip>& i) { return std::string(i.param.name); });

TEST(ImplausibleValue, PlausibleValuesAtTheThresholdsAreQuiet) {
    // 100 % a year, +50 % a year, 20 % a month, 50,000 a month, 5 years to go live: the edges are allowed.
    const auto s = test::scenario(
        with(R"("discount_rate": 1,)", "", R"(, "overrun": 3}, "costs": {"lic": {"amount": 50, "unit": "per_user_month", "annual_increase": 0.5}})" +
                                               adoption + R"(, "effects": {"conversion_uplift": 1, "time_saved_fraction": 0.5})")
            .swap("0.01", "0.2")
            .swap("6000", "50000")
            .swap(R"("months": 4)", R"("months": 60)"));
    const auto warnings = models::implausible_values(s);
    EXPECT_TRUE(warnings.empty()) << warnings[0].address + ": " + warnings[0].message;
}

TEST(ImplausibleValue, NoneInTheShippedScenarios) {
    for (const auto& file : std::filesystem::directory_iterator(std::string(ROICAST_SOURCE_DIR) + "/scenarios")) {
        if (file.path().filename() == "scenario.schema.json") continue;
        const auto warnings = models::implausible_values(models::load_scenario_file(file.path()));
        EXPECT_TRUE(warnings.empty()) << file.path() << ": " << warnings[0].address << ": " << warnings[0].message;
    }
}

}  // namespace

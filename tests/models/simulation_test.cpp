#include "models/simulation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "models/results.hpp"
#include "scenario_fixture.hpp"

namespace {

// NPV is linear in every uncertain input here (amounts of lines with fixed
// timing), so E[NPV] is the NPV at the means.
const char* linear = R"({
  "horizons": {"short": 12, "long": 36}, "discount_rate": 0.1,
  "options": {"o": {"implementation": {"months": 3}, "adoption": {"model": "bass", "p": 0.3, "q": 0.2},
    "costs": {"build": {"amount": {"dist": "pert", "min": 50000, "mode": 80000, "max": 150000}, "unit": "once"},
              "run":   {"amount": {"dist": "triangular", "min": 1000, "mode": 2000, "max": 4000}, "unit": "per_month", "from": "contract"}},
    "benefits": {"gain": {"amount": {"dist": "lognormal", "median": 9000, "p90": 14000}, "unit": "per_month", "from": "go_live"},
                 "grant": {"amount": {"dist": "normal", "mean": 5000, "sd": 2000}, "unit": "once", "timing": {"month": 6}}}}}})";

double npv_at_means(const models::Scenario& s, std::size_t horizon) {
    const auto f = test::flows_at_means(s);
    const auto df = models::discount_factors(s.discount_rate, s.simulated_months());
    double npv = 0;
    for (int t = 0; t <= s.horizons[horizon].months; ++t) npv += df[t] * (f.benefit[t] - f.cost[t]);
    return npv;
}

TEST(Simulation, MonteCarloMeanOfALinearModelIsItsValueAtTheMeans) {
    const auto s = test::scenario(linear);
    for (auto sampling : {sim::Sampling::mc, sim::Sampling::lhs, sim::Sampling::sobol}) {
        models::RunSettings settings;
        settings.paths = 20000;
        settings.sampling = sampling;
        const auto results = models::summarize(s, models::simulate(s, settings));
        for (std::size_t h = 0; h < 2; ++h) {
            const auto& npv = results.options[0].horizons[h][static_cast<std::size_t>(models::Metric::npv)];
            const double se = npv.sd / std::sqrt(static_cast<double>(npv.count));
            EXPECT_NEAR(npv.mean, npv_at_means(s, h), 4 * se) << sim::to_string(sampling) << " h=" << h;
        }
    }
}

// Byte-for-byte equality: NaN (an undefined metric) must match NaN too.
template <class T>
bool same_bits(const models::Column<T>& a, const models::Column<T>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

TEST(Simulation, BitIdenticalForAnyThreadCount) {
    const auto s = test::scenario(linear);
    models::RunSettings settings;
    settings.paths = 5000;
    settings.block_size = 64;
    settings.threads = 1;
    const auto one = models::simulate(s, settings);
    settings.threads = 2;
    const auto two = models::simulate(s, settings);
    settings.threads = 4;
    const auto four = models::simulate(s, settings);
    for (std::size_t h = 0; h < 2; ++h)
        for (auto m : models::all_metrics) {
            EXPECT_TRUE(same_bits(one.metric(0, h, m), two.metric(0, h, m)));
            EXPECT_TRUE(same_bits(one.metric(0, h, m), four.metric(0, h, m)));
        }
    EXPECT_TRUE(same_bits(one.payback(0, false), four.payback(0, false)));
    EXPECT_TRUE(same_bits(one.cumulative(0, 20), two.cumulative(0, 20)));
}

// A constant scenario run at two settings of one input; everything else equal.
double npv_with(const std::string& field, const std::string& value) {
    std::string json = R"({"horizons": {"h": 36}, "discount_rate": 0.1,
      "baseline": {"users": 50, "loaded_cost_per_user_month": 6000, "leads_per_month": 300, "conversion_rate": 0.05,
                   "revenue_per_customer_month": 800, "gross_margin": 0.7, "customers": 500, "monthly_churn": 0.02,
                   "sales_cycle_months": 2},
      "options": {"o": {"implementation": {"months": 4, "overrun": OVERRUN},
        "adoption": {"model": "logistic", "ceiling": 0.8, "midpoint_months": 3, "steepness": 0.7},
        "costs": {"build": {"amount": 200000, "unit": "once"}},
        "effects": {"conversion_uplift": CONV, "churn_reduction": CHURN, "time_saved_fraction": 0.05}}}})";
    const auto put = [&](const std::string& key, const std::string& v) { json.replace(json.find(key), key.size(), v); };
    for (const auto& [key, fallback] : {std::pair{std::string("OVERRUN"), "1.2"}, {"CONV", "0.1"}, {"CHURN", "0.1"}})
        put(key, key == field ? value : fallback);
    const auto s = test::scenario(json);
    models::RunSettings settings;
    settings.paths = 1;
    return models::simulate(s, settings).metric(0, 0, models::Metric::npv)[0];
}

TEST(Simulation, MoreUpliftMoreNpvMoreOverrunLessNpv) {
    EXPECT_GT(npv_with("CONV", "0.2"), npv_with("CONV", "0.1"));
    EXPECT_GT(npv_with("CHURN", "0.3"), npv_with("CHURN", "0.1"));
    EXPECT_LT(npv_with("OVERRUN", "1.5"), npv_with("OVERRUN", "1.2"));
    // Overrun is linear in cost: 0.3 more overrun on a 200 000 build spread
    // over months 1–4 costs 60 000 × the mean discount factor of those months.
    double df = 0;
    for (int t = 1; t <= 4; ++t) df += std::pow(1.1, -t / 12.0) / 4;
    EXPECT_NEAR(npv_with("OVERRUN", "1.2") - npv_with("OVERRUN", "1.5"), 60000 * df, 1e-6);
}

TEST(Simulation, OptionsShareBaselineDrawsSoDifferencesArePaired) {
    // Two identical options: every path's NPV difference is exactly zero.
    const auto s = test::scenario(R"({"horizons": {"h": 24},
      "baseline": {"leads_per_month": {"dist": "uniform", "min": 100, "max": 300}, "conversion_rate": 0.05,
                   "revenue_per_customer_month": 500, "gross_margin": 0.8},
      "options": {
        "a": {"implementation": {"months": 2}, "adoption": {"model": "bass", "p": 0.2, "q": 0.3}, "effects": {"conversion_uplift": 0.1},
              "costs": {"build": {"amount": 10000, "unit": "once"}}},
        "b": {"implementation": {"months": 2}, "adoption": {"model": "bass", "p": 0.2, "q": 0.3}, "effects": {"conversion_uplift": 0.1},
              "costs": {"build": {"amount": 10000, "unit": "once"}}}}})");
    models::RunSettings settings;
    settings.paths = 2000;
    const auto store = models::simulate(s, settings);
    const auto results = models::summarize(s, store);
    ASSERT_EQ(results.comparisons.size(), 1u);
    EXPECT_EQ(results.comparisons[0].npv_difference[0].sd, 0.0);
    EXPECT_EQ(results.comparisons[0].prob_a_better[0], 0.0);
    EXPECT_GT(results.options[0].horizons[0][static_cast<std::size_t>(models::Metric::npv)].sd, 0.0);
}

// Common random numbers across what-if variants: with mc and lhs an input's
// draws depend on the seed, the path and its address only, so a scenario with
// one more uncertain input (placed first in the file, shifting every
// dimension number) draws the others bit-identically.
TEST(Simulation, AnInputDrawsTheSameNumbersWhateverOtherInputsExist) {
    std::string more = linear;
    const std::string costs = R"("costs": {)";
    more.insert(more.find(costs) + costs.size(),
                R"("audit": {"amount": {"dist": "uniform", "min": 1000, "max": 3000}, "unit": "once"}, )");
    const auto base = test::scenario(linear), extended = test::scenario(more);
    ASSERT_EQ(extended.inputs.dimensions(), base.inputs.dimensions() + 1);
    for (auto sampling : {sim::Sampling::mc, sim::Sampling::lhs}) {
        models::RunSettings settings;
        settings.paths = 3000;
        settings.sampling = sampling;
        settings.keep_inputs = true;
        const auto a = models::simulate(base, settings), b = models::simulate(extended, settings);
        for (std::size_t d = 0; d < base.inputs.dimensions(); ++d) {
            const std::string& address = base.inputs.of_dimension(d).address;
            const std::size_t e = *extended.inputs[*extended.inputs.find(address)].dimension;
            EXPECT_NE(e, d) << address;  // the dimension number did move
            EXPECT_TRUE(a.inputs().col(static_cast<Eigen::Index>(d)) == b.inputs().col(static_cast<Eigen::Index>(e)))
                << address << " sampling " << static_cast<int>(sampling);
        }
    }
}

TEST(OvertakeMonth, OneAfterTheLastMonthBehind) {
    const std::vector<float> a = {-10, -5, 3, 1, 8}, b = {0, 0, 2, 2, 2};
    EXPECT_EQ(models::overtake_month(a, b), 5.0);  // behind in month 4, ahead from 5
    EXPECT_EQ(models::overtake_month(b, b), 1.0);  // never behind
    EXPECT_TRUE(std::isinf(models::overtake_month(b, a)));
}

}  // namespace

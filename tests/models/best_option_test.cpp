// The k-way "probability each option is best" against shares known in
// closed form: three options that differ only in a one-off cost, two of them
// drawn independently uniform on [0, 300], one fixed at 150.
#include "models/best_option.hpp"

#include <gtest/gtest.h>

#include "models/forecast.hpp"
#include "scenario_fixture.hpp"

namespace {

// No discounting; a benefit of 10 a month from go-live (month 2) to month 12
// and nothing else: NPV = 110 − setup cost, on every path.
std::string option_json(const std::string& setup) {
    return R"({"implementation": {"months": 1}, "adoption": {"model": "logistic", "ceiling": 1, "midpoint_months": 0, "steepness": 1},
               "costs": {"setup": {"amount": )" + setup + R"(, "unit": "once"}},
               "benefits": {"gain": {"amount": 10, "unit": "per_month", "from": "go_live"}}})";
}

models::Scenario three_options() {
    const std::string uniform = R"({"dist": "uniform", "min": 0, "max": 300})";
    return test::scenario(R"({"name": "three", "horizons": {"year": 12}, "discount_rate": 0,
        "baseline": {"users": 10, "loaded_cost_per_user_month": 5000},
        "options": {"a": )" + option_json(uniform) + R"(, "b": )" + option_json(uniform) + R"(, "c": )" +
                          option_json("150") + "}}");
}

models::Forecast run(const models::Scenario& s, bool stream) {
    models::ForecastSettings settings;
    settings.paths = 40'000;
    settings.seed = 5;
    settings.stream = stream;
    return models::forecast(s, settings);
}

TEST(BestOption, ThreeOptionsMatchTheClosedForm) {
    const models::Scenario s = three_options();
    const models::Forecast f = run(s, false);
    // The hand-computed NPV: 11 months × 10 − the setup cost (c's is 150).
    const auto& npv_c = f.results.options[2].horizons[0][static_cast<std::size_t>(models::Metric::npv)];
    ASSERT_DOUBLE_EQ(npv_c.mean, 110 - 150);

    ASSERT_EQ(f.results.best.size(), 1u);
    const models::BestChoice& b = f.results.best[0];
    // Among the options, lowest cost wins: c (150) when both draws exceed 150,
    // 1/4; a and b share the rest by symmetry, 3/8 each.
    const double se = 0.0025;  // binomial sd of a share near 1/2 over 40,000 paths
    EXPECT_NEAR(b.among_options[0], 0.375, 4 * se);
    EXPECT_NEAR(b.among_options[1], 0.375, 4 * se);
    EXPECT_NEAR(b.among_options[2], 0.25, 4 * se);
    // Counting not investing (NPV 0): c's NPV is −40, never best; a wins when
    // its cost is below 110 and below b's: ∫₀¹¹⁰ (300 − x) / 300² dx = 0.3144;
    // not investing when both costs are at least 110: (190/300)² = 0.4011.
    EXPECT_NEAR(b.counting_nothing[0], (300.0 * 110 - 110.0 * 110 / 2) / (300.0 * 300), 4 * se);
    EXPECT_NEAR(b.counting_nothing[1], (300.0 * 110 - 110.0 * 110 / 2) / (300.0 * 300), 4 * se);
    EXPECT_EQ(b.counting_nothing[2], 0.0);
    EXPECT_NEAR(b.nothing, (190.0 / 300) * (190.0 / 300), 4 * se);
    EXPECT_DOUBLE_EQ(b.among_options[0] + b.among_options[1] + b.among_options[2], 1.0);
    EXPECT_DOUBLE_EQ(b.counting_nothing[0] + b.counting_nothing[1] + b.counting_nothing[2] + b.nothing, 1.0);

    // Summarised as simulated (streamed), the count over the same paths is the same.
    const models::Forecast streamed = run(s, true);
    ASSERT_EQ(streamed.results.best.size(), 1u);
    EXPECT_EQ(streamed.results.best[0].among_options, b.among_options);
    EXPECT_EQ(streamed.results.best[0].counting_nothing, b.counting_nothing);
    EXPECT_EQ(streamed.results.best[0].nothing, b.nothing);
}

TEST(BestOption, TwoOptionsGiveThePairedShare) {
    const models::Scenario s = test::scenario(R"({"name": "two", "horizons": {"year": 12}, "discount_rate": 0,
        "baseline": {"users": 10, "loaded_cost_per_user_month": 5000},
        "options": {"a": )" + option_json(R"({"dist": "uniform", "min": 0, "max": 300})") + R"(, "b": )" +
                       option_json(R"({"dist": "pert", "min": 50, "mode": 150, "max": 250})") + "}}");
    const models::Forecast f = run(s, false);
    ASSERT_EQ(f.results.best.size(), 1u);
    // P(NPV a > NPV b) = P(cost a < cost b): the comparison's paired share, path for path.
    EXPECT_EQ(f.results.best[0].among_options[0], f.results.comparisons[0].prob_a_better[0]);
    EXPECT_DOUBLE_EQ(f.results.best[0].among_options[1], 1 - f.results.comparisons[0].prob_a_better[0]);
    EXPECT_GT(f.results.best[0].among_options[0], 0.3);  // both win often: the equality is not 0 = 0
    EXPECT_LT(f.results.best[0].among_options[0], 0.7);
}

// A store of hand-set NPVs: ties go to the option first in order, and an
// option beats not investing only with an NPV above 0.
TEST(BestOption, TiesGoToTheFirstOptionAndZeroIsNotInvesting) {
    models::StoreShape shape;
    shape.options = 3;
    shape.horizons = 1;
    shape.months = 12;
    shape.cumulative = false;
    models::PathStore store(shape, 4);
    const double npv[4][3] = {{5, 5, 1}, {-1, -2, 0}, {-3, 7, 7}, {0, -1, -2}};
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t o = 0; o < 3; ++o) store.metric(o, 0, models::Metric::npv)[i] = npv[i][o];
    models::BestChoiceCounts counts(1, 3);
    counts.add(store, 4);
    const auto shares = counts.shares(4);
    // Path 0: a (tie with b); 1: c (0 is highest, not investing counted); 2: b; 3: a (0), not investing counted.
    EXPECT_EQ(shares[0].among_options, (std::vector<double>{0.5, 0.25, 0.25}));
    EXPECT_EQ(shares[0].counting_nothing, (std::vector<double>{0.25, 0.25, 0}));
    EXPECT_EQ(shares[0].nothing, 0.5);
}

}  // namespace

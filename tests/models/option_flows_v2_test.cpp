// Monthly flows of the version-2 features (start and stop months, yearly
// units, staged rollout, soft benefits, the breakdown) on constant scenarios,
// against values worked out by hand (the arithmetic is in the comments).
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "models/breakdown.hpp"
#include "scenario_fixture.hpp"

namespace {

using models::BreakdownLayout;

// G = 2.5 (g = 3, φ(3) = ½), H = 24, U = 10; logistic with μ = 0, k = 1, so
// A(τ) = tanh(τ/2).
const char* lines_scenario = R"({
  "horizons": {"short": 12, "long": 24},
  "discount_rate": 0,
  "baseline": {"users": 10, "loaded_cost_per_user_month": 5000},
  "options": {"o": {
    "implementation": {"months": 2.5},
    "adoption": {"model": "logistic", "ceiling": 1, "midpoint_months": 0, "steepness": 1},
    "costs": {
      "consultant":   {"amount": 1000, "unit": "per_month", "from": {"month": 3}, "until": {"month": 12}},
      "legacy":       {"amount": 500, "unit": "per_month", "from": "contract", "until": "go_live"},
      "licence":      {"amount": 120, "unit": "per_user_year", "from": "go_live", "annual_increase": 0.1},
      "support":      {"amount": 600, "unit": "per_year", "from": "contract", "until": {"month": 12}},
      "legacy_year":  {"amount": 300, "unit": "per_year", "from": "contract", "until": "go_live"},
      "audit":        {"amount": 240, "unit": "per_year", "from": {"month": 5}},
      "handover":     {"amount": 80, "unit": "per_month", "from": {"month": 2}, "until": "go_live"}
    },
    "benefits": {
      "time":         {"amount": 100, "unit": "per_month", "from": "go_live", "soft": true},
      "rebate":       {"amount": 1200, "unit": "per_year", "from": "go_live", "adoption_scaled": true}
    }
  }}
})";

TEST(OptionFlowsV2, StartAndStopMonthsAndYearlyUnits) {
    const auto s = test::scenario(lines_scenario);
    const auto f = test::flows_at_means(s);
    // consultant 1000 in months 3 … 12 only.
    // legacy 500·(1 − φ): 500, 500, then 250 in month 3 (φ = ½), then nothing.
    // licence 120 × 10 users a year in advance from g = 3: 1200 in month 3 and
    //   1200 × 1.1^⌊14/12⌋ = 1320 in month 15 (27 is past H).
    // support 600 from month 1, stopped after month 12: only month 1.
    // legacy_year 300 in month 1 (φ(1) = 0); month 13 is after go-live.
    // audit 240 from month 5: months 5 and 17.
    // handover 80 from month 2 until go-live: 80 in month 2, 40 in month 3 (φ = ½).
    std::vector<double> expected(25, 0.0);
    expected[2] += 80;
    expected[3] += 40;
    for (int t = 3; t <= 12; ++t) expected[t] += 1000;
    expected[1] += 500 + 600 + 300;
    expected[2] += 500;
    expected[3] += 250 + 1200;
    expected[15] += 1320;
    expected[5] += 240;
    expected[17] += 240;
    for (int t = 0; t <= 24; ++t) EXPECT_NEAR(f.cost[t], expected[t], 1e-9) << "month " << t;

    // Benefits: time 100·φ (soft); rebate 1200·A at the charge months 3 and 15.
    EXPECT_NEAR(f.benefit[3], 50 + 1200 * std::tanh(0.25), 1e-9);
    EXPECT_NEAR(f.benefit[4], 100, 1e-9);
    EXPECT_NEAR(f.benefit[15], 100 + 1200 * std::tanh(12.5 / 2), 1e-9);
    for (int t = 0; t <= 24; ++t) EXPECT_NEAR(f.soft[t], t < 3 ? 0.0 : t == 3 ? 50.0 : 100.0, 1e-9) << t;

    // Each line has its own breakdown row; the rows add up to the totals.
    const BreakdownLayout l = models::breakdown_layout(s.options[0]);
    const auto consultant = f.row(l.first_cost_line()), licence = f.row(l.first_cost_line() + 2);
    EXPECT_DOUBLE_EQ(std::accumulate(consultant.begin(), consultant.end(), 0.0), 10'000);
    EXPECT_DOUBLE_EQ(std::accumulate(licence.begin(), licence.end(), 0.0), 2520);
    for (int t = 0; t <= 24; ++t) {
        double cost = 0, benefit = 0;
        for (std::size_t r = 0; r < l.size(); ++r) (r < l.benefit_rows() ? benefit : cost) += f.row(r)[t];
        EXPECT_DOUBLE_EQ(cost, f.cost[t]) << t;
        EXPECT_DOUBLE_EQ(benefit, f.benefit[t]) << t;
    }
}

// G = 2, U = 100, w = 5000; stage 1 (¼ of the users) at month 2, stage 2 (the
// other ¾) six months later at month 8.
const char* rollout_scenario = R"({
  "horizons": {"h": 24},
  "discount_rate": 0,
  "baseline": {"users": 100, "loaded_cost_per_user_month": 5000},
  "options": {"o": {
    "implementation": {"months": 2},
    "adoption": {"model": "logistic", "ceiling": 1, "midpoint_months": 0, "steepness": 1},
    "costs": {
      "seat":     {"amount": 10, "unit": "per_user_month", "from": "go_live"},
      "training": {"amount": 50, "unit": "per_user_once", "timing": "go_live"},
      "licence":  {"amount": 120, "unit": "per_user_year", "from": "go_live"},
      "hosting":  {"amount": 7, "unit": "per_month", "from": "go_live"}
    },
    "productivity_dip": {"fraction": 0.1, "months": 4},
    "effects": {"time_saved_fraction": 0.02}
  }}
})";

TEST(OptionFlowsV2, StagedRolloutChargesEachStageFromItsOwnGoLive) {
    auto s = test::scenario(rollout_scenario);
    s.options[0].rollout = {{0, 0.25}, {6, 1.0}};
    const auto f = test::flows_at_means(s);
    // seat 10·100·ρ(t), ρ = ¼·φ₁ + ¾·φ₂: 250 in months 3 … 8, 1000 from 9.
    // training 50·100·Δs at each stage's go-live: 1250 in month 2, 3750 in month 8.
    // licence 120·100·Δs a year: 3000 in months 2 and 14, 9000 in months 8 and 20.
    // hosting is not per user: 7·φ(t) from the system's go-live, month 3 on.
    // dip 100·5000·0.1·Σ Δs·max(0, 1 − τ_k/4): month 3 ¼·¾ → 9375, 4 → 6250,
    //   5 → 3125; month 9 ¾·¾ → 28125, 10 → 18750, 11 → 9375.
    std::vector<double> expected(25, 0.0);
    for (int t = 3; t <= 24; ++t) expected[t] += (t <= 8 ? 250 : 1000) + 7;
    expected[2] += 1250 + 3000;
    expected[8] += 3750 + 9000;
    expected[14] += 3000;
    expected[20] += 9000;
    for (auto [t, dip] : {std::pair{3, 9375.0}, {4, 6250.0}, {5, 3125.0}, {9, 28125.0}, {10, 18750.0}, {11, 9375.0}})
        expected[t] += dip;
    for (int t = 0; t <= 24; ++t) EXPECT_NEAR(f.cost[t], expected[t], 1e-9) << "month " << t;

    // A_ρ(t) = ¼·tanh((t − 2)/2) + ¾·tanh((t − 8)/2), each from its go-live;
    // productivity U·w·f·A = 10,000·A_ρ.
    for (int t = 0; t <= 24; ++t) {
        const double a = 0.25 * (t > 2 ? std::tanh((t - 2) / 2.0) : 0) + 0.75 * (t > 8 ? std::tanh((t - 8) / 2.0) : 0);
        EXPECT_NEAR(f.adoption[t], a, 1e-12) << t;
        EXPECT_NEAR(f.benefit[t], 10'000 * a, 1e-8) << t;
        EXPECT_NEAR(f.soft[t], 10'000 * a, 1e-8) << t;
    }
}

TEST(OptionFlowsV2, OneStageAtGoLiveForEveryUserIsNoRollout) {
    auto staged = test::scenario(rollout_scenario);
    staged.options[0].rollout = {{0, 1.0}};
    const auto plain = test::scenario(rollout_scenario);
    const auto a = test::flows_at_means(staged), b = test::flows_at_means(plain);
    EXPECT_EQ(a.cost, b.cost);
    EXPECT_EQ(a.benefit, b.benefit);
    EXPECT_EQ(a.adoption, b.adoption);
    // And that is the v1 rule: 10·100·φ(t), training in month g, the dip from G.
    EXPECT_DOUBLE_EQ(b.cost[3], 1000 + 7 + 100 * 5000 * 0.1 * 0.75);
    EXPECT_DOUBLE_EQ(b.cost[2], 5000 + 12'000);
}

// L·c₀ = 10 new customers a month, r = 100, m = 0.5, N₀ = 1000, churn 5 %,
// D₀ = 2 months; G = 1 and Bass with p = ln 2, q = 0: A(2) = ½, A(3) = ¾.
std::string customers_scenario(const std::string& effects) {
    return R"({"horizons": {"h": 3}, "discount_rate": 0,
      "baseline": {"leads_per_month": 100, "conversion_rate": 0.1, "revenue_per_customer_month": 100,
                   "gross_margin": 0.5, "customers": 1000, "sales_cycle_months": 2, "monthly_churn": 0.05},
      "options": {"o": {"implementation": {"months": 1},
        "adoption": {"model": "bass", "p": 0.6931471805599453, "q": 0},
        "effects": )" + effects + "}}}";
}

double row_sum(const test::Flows& f, std::size_t r) {
    const auto row = f.row(r);
    return std::accumulate(row.begin(), row.end(), 0.0);
}

TEST(OptionFlowsV2, OneEffectAloneIsItsOwnComponent) {
    // Conversion uplift alone: the whole gain is "conversion"; the stock N^c is N_o.
    // Month 2: N_b = 1000·0.95 + 10 = 960, then 922; N_o: 960 + (11 − 10) = 961 (A = ½ → n = 11),
    //   month 3: 961·0.95 + 11.5 = 924.45 → gains 0.5·100·(1, 2.45) = 50, 122.5.
    const auto conversion = test::flows_at_means(test::scenario(customers_scenario(R"({"conversion_uplift": 0.2})")));
    EXPECT_NEAR(row_sum(conversion, BreakdownLayout::conversion), 172.5, 1e-9);
    for (auto r : {BreakdownLayout::sales_cycle, BreakdownLayout::retention, BreakdownLayout::revenue_per_customer})
        EXPECT_EQ(row_sum(conversion, r), 0.0) << r;
    EXPECT_NEAR(row_sum(conversion, BreakdownLayout::interaction), 0.0, 1e-9);

    // Churn reduction alone: all "retention". h_o = 0.05·(1 − 0.5·A): month 2 0.0375, month 3 0.03125.
    // N_o: 960 (month 1, A = 0), 960·0.9625 + 10 = 934, 934·0.96875 + 10 = 914.8125;
    // N_b: 960, 922, 885.9 → gains 0.5·100·(12, 28.9125) = 600, 1445.625.
    const auto churn = test::flows_at_means(test::scenario(customers_scenario(R"({"churn_reduction": 0.5})")));
    EXPECT_NEAR(row_sum(churn, BreakdownLayout::retention), 2045.625, 1e-9);
    EXPECT_EQ(row_sum(churn, BreakdownLayout::conversion), 0.0);
    EXPECT_EQ(row_sum(churn, BreakdownLayout::sales_cycle), 0.0);
    EXPECT_NEAR(row_sum(churn, BreakdownLayout::interaction), 0.0, 1e-9);

    // Revenue per customer alone: m·r·u_r·N_b·A = 50·0.1·(960·½ + 885.9·¾)... with N_b(2) = 922: 0.5·100·0.1·(922·½ + 885.9·¾).
    const auto revenue = test::flows_at_means(test::scenario(customers_scenario(R"({"revenue_per_customer_uplift": 0.1})")));
    EXPECT_NEAR(row_sum(revenue, BreakdownLayout::revenue_per_customer), 5 * (922 * 0.5 + 885.9 * 0.75), 1e-9);
    EXPECT_NEAR(row_sum(revenue, BreakdownLayout::interaction), 0.0, 1e-9);

    // All at once: the parts still add up to the customer benefit, month by month.
    const auto all = test::flows_at_means(test::scenario(customers_scenario(
        R"({"conversion_uplift": 0.2, "churn_reduction": 0.5, "revenue_per_customer_uplift": 0.1, "sales_cycle_reduction": 0.5})")));
    for (int t = 0; t <= 3; ++t) {
        double parts = 0;
        for (std::size_t r = 0; r < BreakdownLayout::productivity; ++r) parts += all.row(r)[t];
        EXPECT_NEAR(parts, all.benefit[t], 1e-9) << t;
    }
    EXPECT_GT(row_sum(all, BreakdownLayout::interaction), 0.0);  // the effects compound
}

}  // namespace

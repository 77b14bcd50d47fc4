// Monthly cash flows of the model (docs/model.md, "The equations") on constant scenarios, against values
// worked out by hand from the formulas (the arithmetic is in the comments).
#include <gtest/gtest.h>

#include <cmath>

#include "scenario_fixture.hpp"

namespace {

// G = 2.5 months, so g = 3, φ(3) = 0.5, φ(t ≥ 4) = 1. U = 10 users, w = 5000.
// The effects are all zero here, so benefits are only the benefit lines.
const char* costs_scenario = R"({
  "horizons": {"short": 12, "long": 24},
  "discount_rate": 0,
  "baseline": {"users": 10, "loaded_cost_per_user_month": 5000},
  "options": {"o": {
    "implementation": {"months": 2.5, "overrun": 1.5},
    "adoption": {"model": "logistic", "ceiling": 1, "midpoint_months": 0, "steepness": 1},
    "costs": {
      "build":      {"amount": 1200, "unit": "once"},
      "seats":      {"amount": 100, "unit": "per_user_once", "timing": "implementation", "overrun": false},
      "signature":  {"amount": 500, "unit": "once", "timing": {"month": 0}},
      "late":       {"amount": 70, "unit": "once", "timing": {"month": 30}},
      "training":   {"amount": 40, "unit": "per_user_once", "timing": "go_live"},
      "licence":    {"amount": 100, "unit": "per_month", "from": "contract", "annual_increase": 0.1},
      "seat_fee":   {"amount": 10, "unit": "per_user_month", "from": "go_live"},
      "upkeep":     {"amount": 0.12, "unit": "build_fraction_per_year"},
      "escalating": {"amount": 10, "unit": "per_month", "from": "go_live", "overrun": true}
    },
    "risks": {
      "certain": {"probability": 1, "cost": 300},
      "never":   {"probability": 0, "cost": 1e9},
      "at_five": {"probability": 1, "cost": 50, "timing": {"month": 5}}
    },
    "productivity_dip": {"fraction": 0.1, "months": 2},
    "benefits": {
      "avoided":  {"amount": 1000, "unit": "per_month", "from": "go_live"},
      "scaled":   {"amount": 200, "unit": "per_month", "from": "go_live", "adoption_scaled": true},
      "grant":    {"amount": 5000, "unit": "once", "timing": {"month": 0}}
    }
  }}
})";

TEST(OptionFlows, EveryCostUnitAndTiming) {
    const auto s = test::scenario(costs_scenario);
    const auto f = test::flows_at_means(s);
    // build 1200 × ω 1.5 = 1800 over months 1…3: shares 1/2.5, 1/2.5, 0.5/2.5 → 720, 720, 360.
    // seats 100 × 10 users = 1000, no overrun: 400, 400, 200.
    // signature 500 in month 0; "late" (month 30) is past H = 24 and dropped.
    // training 40 × 10 = 400 in month g = 3.
    // licence 100 from month 1, ×1.1 from month 13.
    // seat_fee 10 × 10 × φ: 50 in month 3, then 100.
    // upkeep: B = 1800 + 1000 = 2800 (lines timed implementation, after
    //   overrun); 0.12 × 2800 / 12 = 28 a month × φ: 14 in month 3, then 28.
    // escalating: 10 × ω = 15 × φ: 7.5 in month 3, then 15.
    // risks: 300 at go-live (month 3), 50 in month 5; "never" never.
    // dip: U·w·δ·max(0, 1 − τ/M) = 5000 × (1 − τ/2): τ(3) = 0.5 → 3750,
    //   τ(4) = 1.5 → 1250, τ(5) = 2.5 → 0.
    const double expected_cost[] = {
        500,                                              // month 0
        720 + 400 + 100,                                  // 1
        720 + 400 + 100,                                  // 2
        360 + 200 + 400 + 100 + 50 + 14 + 7.5 + 300 + 3750,  // 3
        100 + 100 + 28 + 15 + 1250,                       // 4
        100 + 100 + 28 + 15 + 50,                         // 5
    };
    for (int t = 0; t <= 5; ++t) EXPECT_NEAR(f.cost[t], expected_cost[t], 1e-9) << "month " << t;
    for (int t = 6; t <= 12; ++t) EXPECT_NEAR(f.cost[t], 100 + 100 + 28 + 15, 1e-9) << "month " << t;
    for (int t = 13; t <= 24; ++t) EXPECT_NEAR(f.cost[t], 110 + 100 + 28 + 15, 1e-9) << "month " << t;

    // Logistic with μ = 0 reduces to A = a·tanh(kτ/2): A(3) = tanh(0.25).
    for (int t = 0; t <= 2; ++t) EXPECT_EQ(f.adoption[t], 0.0);
    for (int t = 3; t <= 24; ++t) EXPECT_NEAR(f.adoption[t], std::tanh((t - 2.5) / 2), 1e-12) << t;
    // Benefits: grant 5000 at month 0; avoided 1000·φ; scaled 200·φ·A.
    EXPECT_NEAR(f.benefit[0], 5000, 1e-9);
    EXPECT_EQ(f.benefit[2], 0.0);
    EXPECT_NEAR(f.benefit[3], 500 + 100 * std::tanh(0.25), 1e-9);
    EXPECT_NEAR(f.benefit[10], 1000 + 200 * std::tanh(3.75), 1e-9);
}

// Customer stocks with round numbers. No churn, L·c₀ = 100·0.1 = 10 new
// customers a month; r = 100, m = 0.5, N₀ = 1000, G = 1 so A(t) = a(1 − e^{−pτ})
// (Bass with q = 0), p = ln 2: A(2) = a/2, A(3) = 3a/4 with a = 1.
TEST(OptionFlows, ConversionUpliftAndSalesCycleOnCustomerStocks) {
    const auto s = test::scenario(R"({
      "horizons": {"h": 3}, "discount_rate": 0,
      "baseline": {"leads_per_month": 100, "conversion_rate": 0.1, "revenue_per_customer_month": 100,
                   "gross_margin": 0.5, "customers": 1000, "sales_cycle_months": 2},
      "options": {"o": {"implementation": {"months": 1},
        "adoption": {"model": "bass", "p": 0.6931471805599453, "q": 0},
        "effects": {"conversion_uplift": 0.2, "sales_cycle_reduction": 0.5}}}})");
    const auto f = test::flows_at_means(s);
    // Month 1: A = 0 → same stocks, no benefit.
    // Month 2: A = ½, ΔA = ½: n_o = 10·(1 + 0.2·½)·(1 + 0.5·2·½) = 10·1.1·1.5 = 16.5
    //   N_b = 1010 + 10 = 1020, N_o = 1010 + 16.5 = 1026.5 → benefit 0.5·100·6.5 = 325.
    // Month 3: A = ¾, ΔA = ¼: n_o = 10·1.15·1.25 = 14.375
    //   N_b = 1030, N_o = 1040.875 → benefit 0.5·100·10.875 = 543.75.
    EXPECT_NEAR(f.benefit[1], 0, 1e-9);
    EXPECT_NEAR(f.benefit[2], 325, 1e-9);
    EXPECT_NEAR(f.benefit[3], 543.75, 1e-9);
}

// Churn 10 %, halved at full adoption; revenue per customer +10 %; productivity
// and savings. G = 0.5 month, logistic with steepness so large that A = a from
// month 1 (σ(k(τ−μ)) − σ(−kμ) ≈ 1 with μ = 0.01, k = 1e4).
TEST(OptionFlows, ChurnRevenueProductivityAndSavings) {
    const auto s = test::scenario(R"({
      "horizons": {"h": 2}, "discount_rate": 0,
      "baseline": {"users": 10, "loaded_cost_per_user_month": 4000, "revenue_per_customer_month": 200,
                   "gross_margin": 0.5, "customers": 1000, "monthly_churn": 0.1},
      "options": {"o": {"implementation": {"months": 0.5},
        "adoption": {"model": "logistic", "ceiling": 0.8, "midpoint_months": 0.01, "steepness": 10000},
        "effects": {"churn_reduction": 0.5, "revenue_per_customer_uplift": 0.1, "time_saved_fraction": 0.1,
                    "productivity_capture": 0.5, "savings": {"support": {"monthly_base": 10000, "reduction": 0.2}}}}}})");
    const auto f = test::flows_at_means(s);
    // A = 0.8: h_o = 0.1·(1 − 0.4) = 0.06.
    // Month 1: N_b = 900, N_o = 940. Revenue gain = 940·200·1.08 − 900·200 = 23,040.
    //   Benefit = 0.5·23,040 + 10·4000·0.1·0.5·0.8 + 10,000·0.2·0.8 = 11,520 + 1,600 + 1,600 = 14,720.
    // Month 2: N_b = 810, N_o = 883.6: gain = 883.6·216 − 810·200 = 28,857.6 → 14,428.8 + 3,200 = 17,628.8.
    EXPECT_NEAR(f.adoption[1], 0.8, 1e-9);
    EXPECT_NEAR(f.benefit[1], 14720, 1e-6);
    EXPECT_NEAR(f.benefit[2], 17628.8, 1e-6);
}

}  // namespace

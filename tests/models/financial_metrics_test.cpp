#include "models/financial_metrics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "models/results.hpp"
#include "sim/summary.hpp"
#include "root_difference.hpp"
#include "scenario_fixture.hpp"

namespace {

double annual(double monthly) { return std::pow(1 + monthly, 12) - 1; }

TEST(Irr, SingleSignChange) {
    EXPECT_NEAR(models::irr_annual(std::vector<double>{-100, 110}), annual(0.10), 1e-9);
    EXPECT_NEAR(models::irr_annual(std::vector<double>{-100, 0, 121}), annual(0.10), 1e-9);
    // An annuity: −1000 then 12 × 100 has monthly IRR ≈ 2.9229 % (12-period annuity
    // factor 10 at that rate: (1 − 1.029229^−12)/0.029229 = 10.000).
    std::vector<double> annuity(13, 100.0);
    annuity[0] = -1000;
    const double i = std::pow(1 + models::irr_annual(annuity), 1.0 / 12) - 1;
    EXPECT_NEAR((1 - std::pow(1 + i, -12)) / i, 10.0, 1e-9);
    EXPECT_NEAR(i, 0.029229, 1e-6);
}

// A CRM-shaped flow: six months of build costs, a go-live month with extra
// costs, then rising benefits. Several sign changes in the flows, one in their
// running sum (so one IRR, Norström 1972). Checked against the definition:
// the NPV at the returned monthly rate is zero.
TEST(Irr, CrmShapedFlowsMeetTheDefinition) {
    std::vector<double> cf(37, 0.0);
    for (int t = 1; t <= 6; ++t) cf[t] = -60000;
    cf[7] = 5000;
    cf[8] = -30000;  // training and rework at go-live
    for (int t = 9; t <= 36; ++t) cf[t] = 20000 + 3000 * (t - 9);
    const double i = std::pow(1 + models::irr_annual(cf), 1.0 / 12) - 1;
    double npv = 0, scale = 0;
    for (std::size_t t = 0; t < cf.size(); ++t) {
        npv += cf[t] / std::pow(1 + i, static_cast<double>(t));
        scale += std::abs(cf[t]);
    }
    EXPECT_GT(i, 0.0);
    EXPECT_NEAR(npv / scale, 0.0, 1e-12) << "monthly rate " << i;
}

TEST(Irr, UndefinedWithoutSignChangeOrWithEvenRoots) {
    EXPECT_TRUE(std::isnan(models::irr_annual(std::vector<double>{100, 50, 20})));
    EXPECT_TRUE(std::isnan(models::irr_annual(std::vector<double>{-100, -50})));
    EXPECT_TRUE(std::isnan(models::irr_annual(std::vector<double>{0, 0, 0})));
    // x² − 2.5x + 1.54 = (x − 1.1)(x − 1.4): roots at i = 10 % and 40 %, but the
    // NPV has the same sign at both ends of (−0.99, 1], so the model calls it undefined.
    EXPECT_TRUE(std::isnan(models::irr_annual(std::vector<double>{1, -2.5, 1.54})));
}

TEST(Irr, SeveralRootsTakesTheOneClosestToZero) {
    // (x − 0.85)(x − 1.1)(x − 1.5) = x³ − 3.45x² + 3.86x − 1.4025, x = 1 + i:
    // roots at i = −15 %, 10 %, 50 %; the ends have opposite signs.
    EXPECT_NEAR(models::irr_annual(std::vector<double>{1, -3.45, 3.86, -1.4025}), annual(0.10), 1e-9);
    // −x² + 5x − 6 = −(x − 2)(x − 3): the only root in range is i = 1 (x = 2), where the NPV is 0.
    EXPECT_NEAR(models::irr_annual(std::vector<double>{-1, 5, -6}), annual(1.0), 1e-9);
}

// A reference IRR: the root x = 1 + i found by bisection in long double on
// Σ cf(t)·x^(h−t) (the NPV times x^h) over [a, b], where it changes sign (no
// Newton, no starting point), as an annual rate x^12 − 1. Compared as
// annual rates, the figure the results hold: near i = −99 % the annual rate
// is −1 to the last digit whatever the monthly root.

long double scaled_npv(const std::vector<double>& cf, long double x) {
    long double p = 0;
    for (double c : cf) p = p * x + c;
    return p;
}

double bisected_irr(const std::vector<double>& cf, long double a, long double b) {
    const bool rising = scaled_npv(cf, a) < 0;
    for (int k = 0; k < 200 && b - a > 0; ++k) {
        const long double m = 0.5L * (a + b);
        if (m <= a || m >= b) break;
        ((scaled_npv(cf, m) < 0) == rising ? a : b) = m;
    }
    return std::pow(static_cast<double>(0.5L * (a + b)), 12) - 1.0;
}

using test::root_difference;

// Path by path, as the simulation calls it: random CRM-shaped flows over 60
// months (build costs, a go-live bump, benefits rising to a plateau, a
// yearly licence), the IRR of each horizon against the bisected reference.
// The 12-month root lies far from the 60-month one that starts its search.
TEST(Irr, EveryHorizonMatchesABisectedReferencePathByPath) {
    const std::vector<int> horizons = {12, 36, 60};
    std::uint64_t state = 12345;
    const auto uniform = [&] {  // a 64-bit LCG: a test only needs variety
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) * 0x1p-53;
    };
    std::vector<double> cost(61), benefit(61), soft(61, 0.0), scratch(3 * 61);
    const std::vector<double> discount = models::discount_factors(0.1, 60);
    std::vector<std::array<double, models::metric_count>> metrics(horizons.size());
    std::vector<float> ccf(60);
    int defined = 0;
    for (int path = 0; path < 400; ++path) {
        const int build = 2 + static_cast<int>(10 * uniform());
        const double monthly = 20000 + 80000 * uniform(), plateau = 5000 + 60000 * uniform();
        for (int t = 0; t <= 60; ++t) {
            cost[t] = (t >= 1 && t <= build ? monthly : 0.0) + (t % 12 == 1 ? 30000 * uniform() : 0.0) +
                      (t == build + 1 ? 50000 * uniform() : 0.0);
            benefit[t] = t > build ? plateau * (1 - std::exp(-0.3 * (t - build))) : 0.0;
        }
        models::PathMetrics pm{metrics};
        models::path_metrics(cost, benefit, soft, discount, horizons, scratch, pm, ccf);
        for (std::size_t h = 0; h < horizons.size(); ++h) {
            std::vector<double> cf(static_cast<std::size_t>(horizons[h]) + 1);
            for (std::size_t t = 0; t < cf.size(); ++t) cf[t] = benefit[t] - cost[t];
            const double irr = metrics[h][static_cast<std::size_t>(models::Metric::irr)];
            const long double lo = scaled_npv(cf, 0.01L), hi = scaled_npv(cf, 2.0L);
            if ((lo < 0) == (hi < 0)) {
                EXPECT_TRUE(std::isnan(irr)) << "path " << path << " horizon " << horizons[h];
                continue;
            }
            ++defined;
            ASSERT_FALSE(std::isnan(irr)) << "path " << path << " horizon " << horizons[h];
            EXPECT_LE(root_difference(irr, bisected_irr(cf, 0.01L, 2.0L)), 1e-12) << "path " << path << " horizon " << horizons[h];
            EXPECT_LE(root_difference(irr, models::irr_annual(cf)), 1e-12) << "the same root whatever the search starts from";
        }
    }
    EXPECT_GT(defined, 600);  // most of the 1,200 IRRs are defined: the comparison is not vacuous
}

// Roots within a hair of the ends of x ∈ (0.01, 2]: i = −98.9 % and 99.9 %.
TEST(Irr, RootsNearTheEndsOfTheBracket) {
    EXPECT_LE(root_difference(models::irr_annual(std::vector<double>{-1, 0.011}), std::pow(0.011, 12) - 1), 1e-12);
    EXPECT_LE(root_difference(models::irr_annual(std::vector<double>{-1, 1.999}), std::pow(1.999, 12) - 1), 1e-12);
    // Over 60 months: −1 now, then x^60 later, the root at x = 1.99 and at 0.0105.
    for (double x : {1.99, 0.0105}) {
        std::vector<double> cf(61, 0.0);
        cf[0] = -1;
        cf[60] = std::pow(x, 60);
        EXPECT_LE(root_difference(models::irr_annual(cf), bisected_irr(cf, 0.01L, 2.0L)), 1e-12) << x;
    }
}

// Three sign changes: (x − 0.5)(x − 1.3)(x − 1.8) = x³ − 3.6x² + 3.89x − 1.17,
// roots at i = −50 %, 30 %, 80 %, the ends of opposite signs: the root
// closest to 0 is 30 %, though −50 % comes first from below.
TEST(Irr, SeveralSignChangesTakeTheRootClosestToZero) {
    EXPECT_LE(root_difference(models::irr_annual(std::vector<double>{1, -3.6, 3.89, -1.17}), std::pow(1.3, 12) - 1), 1e-12);
    // No real root at all: x² − 2x + 1.5 > 0 everywhere, two sign changes in the flows.
    EXPECT_TRUE(std::isnan(models::irr_annual(std::vector<double>{1, -2, 1.5})));
}

TEST(Payback, InterpolatesWithinTheMonth) {
    // CCF: −100, −70, −40, −10, +20 → reached in month 4: 3 + 10/30.
    const std::vector<double> cost = {100, 0, 0, 0, 0, 0};
    const std::vector<double> flow = {-100, 30, 30, 30, 30, 30};
    EXPECT_NEAR(models::payback_months(flow, cost), 3 + 10.0 / 30, 1e-12);
}

TEST(Payback, CensoredWhenNotReachedAndNeedsCostIncurred) {
    EXPECT_TRUE(std::isinf(models::payback_months(std::vector<double>{-100, 10, 10}, std::vector<double>{100, 0, 0})));
    // Benefits before any cost: the ROI is undefined there, so payback waits
    // for a month with cumulative cost > 0 and CCF ≥ 0 (month 2, exactly, no interpolation).
    const std::vector<double> cost = {0, 0, 50, 0};
    const std::vector<double> flow = {0, 100, -50, 10};
    EXPECT_NEAR(models::payback_months(flow, cost), 1.0, 1e-12);
}

TEST(DiscountFactors, MonthlyCompoundingOfTheAnnualRate) {
    const auto df = models::discount_factors(0.10, 24);
    EXPECT_EQ(df[0], 1.0);
    EXPECT_NEAR(df[12], 1 / 1.1, 1e-15);
    EXPECT_NEAR(df[24], 1 / 1.21, 1e-15);
    EXPECT_NEAR(df[1], 1 / std::pow(1.1, 1.0 / 12), 1e-15);
}

// The seed articles' example: a yearly gain of 100 000 for 60 000 invested
// gives ROI = (100 000 − 60 000) / 60 000 = 66.7 %.
TEST(Roi, SeedExampleGivesSixtySixPointSevenPercent) {
    const auto s = test::scenario(R"({
      "horizons": {"year": 12}, "discount_rate": 0,
      "options": {"crm": {"implementation": {"months": 1}, "adoption": {"model": "bass", "p": 1, "q": 0},
        "costs": {"investment": {"amount": 60000, "unit": "once", "timing": {"month": 0}}},
        "benefits": {"gain": {"amount": 8333.333333333334, "unit": "per_month", "from": "contract"}}}}})");
    models::RunSettings settings;
    settings.paths = 1;
    const auto store = models::simulate(s, settings);
    EXPECT_NEAR(store.metric(0, 0, models::Metric::benefits)[0], 100000, 1e-6);
    EXPECT_NEAR(store.metric(0, 0, models::Metric::costs)[0], 60000, 1e-9);
    EXPECT_NEAR(store.metric(0, 0, models::Metric::roi)[0], 0.6667, 5e-5);
    EXPECT_NEAR(store.metric(0, 0, models::Metric::roi)[0], 2.0 / 3, 1e-12);
}

// Schwalbe, Information Technology Project Management, Figure 4-5 (the JWD
// Consulting business case): discount rate 8 %, costs 140 000, 40 000,
// 40 000, 40 000 in years 0–3, benefits 0, 200 000, 200 000, 200 000.
// Published: discounted costs 243 200, discounted benefits 516 000,
// NPV 272 800, ROI 112 %, payback in year 1. The book rounds discount factors
// to two decimals (1, 0.93, 0.86, 0.79); the model discounts exactly, so the
// exact-factor figures are 243 084, 515 419 and NPV 272 336, to the unit.
TEST(BusinessCase, SchwalbeJwdConsultingTableReproduced) {
    const auto s = test::scenario(R"({
      "horizons": {"three_years": 36}, "discount_rate": 0.08,
      "options": {"project": {"implementation": {"months": 0.001}, "adoption": {"model": "bass", "p": 1, "q": 0},
        "costs": {"y0": {"amount": 140000, "unit": "once", "timing": {"month": 0}},
                  "y1": {"amount": 40000, "unit": "once", "timing": {"month": 12}},
                  "y2": {"amount": 40000, "unit": "once", "timing": {"month": 24}},
                  "y3": {"amount": 40000, "unit": "once", "timing": {"month": 36}}},
        "benefits": {"y1": {"amount": 200000, "unit": "once", "timing": {"month": 12}},
                     "y2": {"amount": 200000, "unit": "once", "timing": {"month": 24}},
                     "y3": {"amount": 200000, "unit": "once", "timing": {"month": 36}}}}}})");
    models::RunSettings settings;
    settings.paths = 1;
    const auto store = models::simulate(s, settings);
    const double npv = store.metric(0, 0, models::Metric::npv)[0];
    const double roi_discounted = store.metric(0, 0, models::Metric::roi_discounted)[0];

    // The published table, with the book's rounded factors, recomputed here.
    const double rounded[] = {1, 0.93, 0.86, 0.79};
    const double costs[] = {140000, 40000, 40000, 40000}, benefits[] = {0, 200000, 200000, 200000};
    double dc = 0, db = 0;
    for (int y = 0; y < 4; ++y) dc += rounded[y] * costs[y], db += rounded[y] * benefits[y];
    EXPECT_DOUBLE_EQ(dc, 243200);
    EXPECT_DOUBLE_EQ(db, 516000);
    EXPECT_DOUBLE_EQ(db - dc, 272800);

    // The model, exact factors 1.08^−y: NPV 272 336 to the unit, ROI 112 %.
    double exact_dc = 0, exact_db = 0;
    for (int y = 0; y < 4; ++y) exact_dc += costs[y] / std::pow(1.08, y), exact_db += benefits[y] / std::pow(1.08, y);
    EXPECT_EQ(std::lround(npv), 272336);
    EXPECT_NEAR(npv, exact_db - exact_dc, 1e-6);
    EXPECT_EQ(std::lround(100 * roi_discounted), 112);
    EXPECT_NEAR(npv, 272800, 0.002 * 272800);  // within the book's rounding of the factors
    // Payback in year 1: CCF(11) = −140 000, CF(12) = 160 000 → 11 + 140/160 months.
    EXPECT_NEAR(store.payback(0, false)[0], 11.875, 1e-12);
    // Undiscounted ROI over the three years: (600 000 − 260 000) / 260 000.
    EXPECT_NEAR(store.metric(0, 0, models::Metric::roi)[0], 340000.0 / 260000, 1e-12);
}

TEST(TimeToEvent, CensoredTimesAreInfiniteInPercentiles) {
    const std::vector<models::Horizon> horizons = {{"short", 2}, {"long", 4}};
    const double inf = INFINITY;
    const auto t = models::time_to_event({1.5, 2.5, 3.5, inf, inf}, horizons, 4);
    EXPECT_NEAR(t.percentiles[0], 1.5 + 0.4 * 1.0, 1e-12);  // p10: position 0.4
    EXPECT_NEAR(t.percentiles[2], 3.5, 1e-12);              // p50: position 2
    EXPECT_TRUE(std::isinf(t.percentiles[3]));              // p75: position 3, censored
    EXPECT_NEAR(t.mean_reached, 2.5, 1e-12);
    EXPECT_NEAR(t.share_reached, 0.6, 1e-12);
    EXPECT_NEAR(t.prob_within[0], 0.2, 1e-12);
    EXPECT_NEAR(t.prob_within[1], 0.6, 1e-12);
    EXPECT_EQ(t.cdf, (std::vector<double>{0, 0.2, 0.4, 0.6}));
}

// Whole months and +∞, as paybacks are (counted, not sorted), against the
// definitions evaluated on a sorted copy: position p·(n − 1) between order
// statistics, the mean of the finite times, shares of times ≤ t.
TEST(TimeToEvent, WholeMonthsGiveTheFiguresOfTheSortedTimes) {
    const int H = 24;
    const std::vector<models::Horizon> horizons = {{"a", 6}, {"b", 24}};
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        std::mt19937_64 rng(seed);
        std::vector<double> times(997 + seed);
        for (double& t : times) {
            const auto draw = static_cast<int>(rng() % (H + 8));
            t = draw > H ? INFINITY : draw + 1 > H ? H : draw + 1.0;
        }
        auto sorted = times;
        std::sort(sorted.begin(), sorted.end());
        const double n = static_cast<double>(sorted.size());
        const auto t = models::time_to_event(times, horizons, H);
        for (std::size_t i = 0; i < t.levels.size(); ++i) {
            const double position = t.levels[i] * (n - 1);
            const auto lo = static_cast<std::size_t>(position);
            const double a = sorted[lo], b = sorted[std::min(lo + 1, sorted.size() - 1)];
            const double expected = position == lo || a == b ? a : a + (position - lo) * (b - a);
            EXPECT_EQ(t.percentiles[i], expected) << "level " << t.levels[i] << ", seed " << seed;
        }
        double sum = 0;
        std::size_t reached = 0;
        for (double x : sorted)
            if (std::isfinite(x)) sum += x, ++reached;
        EXPECT_EQ(t.share_reached, reached / n);
        EXPECT_EQ(t.mean_reached, sum / reached);
        const auto share = [&](double month) { return std::count_if(sorted.begin(), sorted.end(), [&](double x) { return x <= month; }) / n; };
        EXPECT_EQ(t.prob_within, (std::vector<double>{share(6), share(24)}));
        ASSERT_EQ(t.cdf.size(), static_cast<std::size_t>(H));
        for (int m = 1; m <= H; ++m) EXPECT_EQ(t.cdf[m - 1], share(m)) << "month " << m;
    }
    // Times within months (paybacks interpolate): selected and counted, not sorted.
    for (const std::uint64_t seed : {4u, 5u}) {
        std::mt19937_64 rng(seed);
        std::uniform_real_distribution<double> month(0.0, H + 6.0);
        std::vector<double> times(20011);
        for (double& t : times) t = rng() % 9 == 0 ? INFINITY : month(rng);
        times[17] = 6.0;  // exactly on a horizon
        auto sorted = times;
        std::sort(sorted.begin(), sorted.end());
        const double n = static_cast<double>(sorted.size());
        const auto t = models::time_to_event(times, horizons, H);
        for (std::size_t i = 0; i < t.levels.size(); ++i)
            EXPECT_EQ(t.percentiles[i], sim::percentile_of_sorted(sorted, t.levels[i])) << "level " << t.levels[i];
        long double sum = 0;
        std::size_t reached = 0;
        for (double x : sorted)
            if (std::isfinite(x)) sum += x, ++reached;
        EXPECT_EQ(t.share_reached, reached / n);
        EXPECT_NEAR(t.mean_reached, static_cast<double>(sum / reached), 1e-14 * t.mean_reached);
        const auto share = [&](double m) { return std::count_if(sorted.begin(), sorted.end(), [&](double x) { return x <= m; }) / n; };
        EXPECT_EQ(t.prob_within, (std::vector<double>{share(6), share(24)}));
        for (int m = 1; m <= H; ++m) EXPECT_EQ(t.cdf[m - 1], share(m)) << "month " << m;
    }
    // Every path censored, and every path at one month.
    const auto none = models::time_to_event(std::vector<double>(10, INFINITY), horizons, H);
    EXPECT_TRUE(std::isinf(none.percentiles[0]));
    EXPECT_TRUE(std::isnan(none.mean_reached));
    EXPECT_EQ(none.share_reached, 0.0);
    const auto all = models::time_to_event(std::vector<double>(10, 7.0), horizons, H);
    EXPECT_EQ(all.percentiles[4], 7.0);
    EXPECT_EQ(all.prob_within, (std::vector<double>{0.0, 1.0}));
}

}  // namespace

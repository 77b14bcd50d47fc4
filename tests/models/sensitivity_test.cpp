// Sensitivity through the CRM model, on a scenario whose uncertain inputs
// enter the NPV linearly: the answers are known in closed form.
#include "models/sensitivity.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "scenario_fixture.hpp"

namespace {

// Three independent uniforms placed at fixed months, 0 % discounting for the
// first horizon's NPV = grant − build − upgrade, so Var(NPV) = Σ Var(X_k):
// widths 120 000, 60 000 and 30 000 give shares 16 : 4 : 1 of 21.
const char* linear_uniforms = R"({
  "horizons": {"year": 12, "two_years": 24}, "discount_rate": 0,
  "options": {
    "o": {"implementation": {"months": 1}, "adoption": {"model": "bass", "p": 1, "q": 0},
      "costs": {"build": {"amount": {"dist": "uniform", "min": 100000, "max": 220000}, "unit": "once", "timing": {"month": 1}},
                "upgrade": {"amount": {"dist": "uniform", "min": 10000, "max": 40000}, "unit": "once", "timing": {"month": 20}}},
      "benefits": {"grant": {"amount": {"dist": "uniform", "min": 200000, "max": 260000}, "unit": "once", "timing": {"month": 6}}}},
    "other": {"implementation": {"months": 1}, "adoption": {"model": "bass", "p": 1, "q": 0},
      "costs": {"fee": {"amount": {"dist": "uniform", "min": 1, "max": 2}, "unit": "once", "timing": {"month": 1}}}}}})";

const models::MethodRanking& method(const models::MetricSensitivity& m, const std::string& name) {
    for (const auto& x : m.methods)
        if (x.method == name) return x;
    throw std::runtime_error("no " + name);
}

const models::MetricSensitivity& cell(const models::Sensitivity& s, std::size_t option, std::size_t h, const std::string& metric) {
    for (const auto& m : s.options[option].horizons[h])
        if (m.metric == metric) return m;
    throw std::runtime_error("no " + metric);
}

double value_of(const models::MethodRanking& m, const models::Scenario& s, const std::string& address) {
    for (const auto& i : m.ranking)
        if (s.inputs.of_dimension(i.input).address == address) return i.value;
    return NAN;
}

models::Sensitivity analyse(const models::Scenario& s, unsigned threads) {
    models::RunSettings run;
    run.paths = 20000;
    run.threads = threads;
    run.keep_inputs = true;
    const auto store = models::simulate(s, run);
    return models::analyse_sensitivity(s, run, store,
                                       {{models::SensitivityMethod::tornado, models::SensitivityMethod::spearman,
                                         models::SensitivityMethod::src, models::SensitivityMethod::sobol,
                                         models::SensitivityMethod::tail},
                                        4096});
}

TEST(Sensitivity, LinearScenarioHasClosedFormAnswers) {
    const auto s = test::scenario(linear_uniforms);
    const auto result = analyse(s, 2);
    const std::string build = "options.o.costs.build.amount", grant = "options.o.benefits.grant.amount",
                      upgrade = "options.o.costs.upgrade.amount";
    // Two-year NPV: all three inputs; shares 16, 4, 1 of 21 (build, grant, upgrade).
    const auto& npv = cell(result, 0, 1, "npv");
    EXPECT_NEAR(value_of(method(npv, "sobol_first"), s, build), 16.0 / 21, 0.02);
    EXPECT_NEAR(value_of(method(npv, "sobol_first"), s, grant), 4.0 / 21, 0.02);
    EXPECT_NEAR(value_of(method(npv, "sobol_total"), s, upgrade), 1.0 / 21, 0.02);
    // SRC = ±√share with R² = 1 (costs lower the NPV).
    ASSERT_TRUE(npv.src_r_squared);
    EXPECT_NEAR(*npv.src_r_squared, 1.0, 1e-9);
    EXPECT_NEAR(value_of(method(npv, "src"), s, build), -std::sqrt(16.0 / 21), 0.01);
    EXPECT_NEAR(value_of(method(npv, "src"), s, grant), std::sqrt(4.0 / 21), 0.01);
    // Tornado swing = ±0.8 × width; base = medians: 230 000 − 160 000 − 25 000.
    EXPECT_NEAR(*npv.tornado_base, 45000, 1e-6);
    EXPECT_NEAR(value_of(method(npv, "tornado"), s, build), -0.8 * 120000, 1e-6);
    EXPECT_NEAR(value_of(method(npv, "tornado"), s, upgrade), -0.8 * 30000, 1e-6);
    EXPECT_EQ(method(npv, "spearman").ranking[0].rank, 1u);
    EXPECT_EQ(s.inputs.of_dimension(method(npv, "spearman").ranking[0].input).address, build);
    // Within one year the upgrade (month 20) has no effect at all.
    EXPECT_NEAR(value_of(method(cell(result, 0, 0, "npv"), "sobol_total"), s, upgrade), 0.0, 1e-12);
    EXPECT_NEAR(value_of(method(cell(result, 0, 0, "npv"), "tornado"), s, upgrade), 0.0, 1e-12);
    // Option "other" is ranked over its own inputs only.
    EXPECT_EQ(method(cell(result, 1, 1, "npv"), "sobol_total").ranking.size(), 1u);
}

// With no more paths than the fit has coefficients (inputs + 1) SRC passes
// through every point: R² = 1 says nothing. Undefined instead, and said so.
TEST(Sensitivity, SrcWithoutAResidualIsUndefinedAndSaysWhy) {
    const auto s = test::scenario(linear_uniforms);
    const auto src_of = [&](std::uint64_t paths) {
        models::RunSettings run;
        run.paths = paths;
        run.keep_inputs = true;
        return models::analyse_sensitivity(s, run, models::simulate(s, run), {{models::SensitivityMethod::src}, 0});
    };
    const auto note = [](const models::Sensitivity& r) {
        return std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) { return n.rfind("src: undefined", 0) == 0; });
    };
    const auto few = src_of(4);  // option o: three inputs, four coefficients, four paths
    const auto& npv = cell(few, 0, 1, "npv");
    ASSERT_TRUE(npv.src_r_squared);
    EXPECT_TRUE(std::isnan(*npv.src_r_squared));
    ASSERT_EQ(method(npv, "src").ranking.size(), 3u);
    for (const auto& i : method(npv, "src").ranking) EXPECT_TRUE(std::isnan(i.value));
    EXPECT_TRUE(note(few));
    const auto enough = src_of(40);
    EXPECT_NEAR(*cell(enough, 0, 1, "npv").src_r_squared, 1.0, 1e-9);
    EXPECT_FALSE(note(enough));
}

TEST(Sensitivity, IdenticalForOneAndTwoThreads) {
    const auto s = test::scenario(linear_uniforms);
    const auto a = analyse(s, 1), b = analyse(s, 2);
    for (std::size_t h = 0; h < 2; ++h)
        for (const char* metric : {"npv", "roi"})
            for (const char* name : {"tornado", "spearman", "src", "sobol_first", "sobol_total", "tail"}) {
                const auto& x = method(cell(a, 0, h, metric), name).ranking;
                const auto& y = method(cell(b, 0, h, metric), name).ranking;
                ASSERT_EQ(x.size(), y.size());
                for (std::size_t k = 0; k < x.size(); ++k) {
                    EXPECT_EQ(x[k].input, y[k].input);
                    EXPECT_EQ(std::memcmp(&x[k].value, &y[k].value, sizeof(double)), 0) << name;
                }
            }
}

// The difference of two options on the same draws: a's grant (month 6, width
// 120 000) and upgrade (month 20, width 30 000), b's fee (month 18, width
// 60 000). NPV_a − NPV_b = grant − 100 000 − upgrade + fee, so at two years the
// variance shares are 16 : 1 : 4 of 21 (grant, upgrade, fee), and within one
// year only the grant moves the difference.
const char* pair = R"({
  "horizons": {"year": 12, "two_years": 24}, "discount_rate": 0,
  "options": {
    "a": {"implementation": {"months": 1}, "adoption": {"model": "bass", "p": 1, "q": 0},
      "costs": {"build": {"amount": 100000, "unit": "once", "timing": {"month": 1}},
                "upgrade": {"amount": {"dist": "uniform", "min": 10000, "max": 40000}, "unit": "once", "timing": {"month": 20}}},
      "benefits": {"grant": {"amount": {"dist": "uniform", "min": 170000, "max": 290000}, "unit": "once", "timing": {"month": 6}}}},
    "b": {"implementation": {"months": 1}, "adoption": {"model": "bass", "p": 1, "q": 0},
      "costs": {"fee": {"amount": {"dist": "uniform", "min": 20000, "max": 80000}, "unit": "once", "timing": {"month": 18}}}}}})";

TEST(Sensitivity, TheDifferenceOfTwoOptionsIsAMetricToo) {
    const auto s = test::scenario(pair);
    const auto result = analyse(s, 2);
    const std::string grant = "options.a.benefits.grant.amount", upgrade = "options.a.costs.upgrade.amount",
                      fee = "options.b.costs.fee.amount";
    ASSERT_EQ(result.options.size(), 3u);
    EXPECT_EQ(result.options[2].name, "a_vs_b");
    ASSERT_EQ(result.options[2].horizons.size(), 2u);
    ASSERT_EQ(result.options[2].horizons[1].size(), 1u);  // npv_difference only
    const auto& two_years = cell(result, 2, 1, "npv_difference");
    // Over the inputs of both options.
    EXPECT_EQ(method(two_years, "sobol_first").ranking.size(), 3u);
    EXPECT_NEAR(value_of(method(two_years, "sobol_first"), s, grant), 16.0 / 21, 0.02);
    EXPECT_NEAR(value_of(method(two_years, "sobol_first"), s, fee), 4.0 / 21, 0.02);
    EXPECT_NEAR(value_of(method(two_years, "sobol_first"), s, upgrade), 1.0 / 21, 0.02);
    EXPECT_NEAR(value_of(method(two_years, "sobol_total"), s, fee), 4.0 / 21, 0.02);
    // SRC = ±√share with R² = 1: b's fee raises a's lead, a's upgrade lowers it.
    ASSERT_TRUE(two_years.src_r_squared);
    EXPECT_NEAR(*two_years.src_r_squared, 1.0, 1e-9);
    EXPECT_NEAR(value_of(method(two_years, "src"), s, fee), std::sqrt(4.0 / 21), 0.01);
    EXPECT_NEAR(value_of(method(two_years, "src"), s, upgrade), -std::sqrt(1.0 / 21), 0.01);
    // Tornado: base at the medians 230 000 − 100 000 − 25 000 + 50 000; swings ±0.8 × width.
    EXPECT_NEAR(*two_years.tornado_base, 155000, 1e-6);
    EXPECT_NEAR(value_of(method(two_years, "tornado"), s, fee), 0.8 * 60000, 1e-6);
    EXPECT_NEAR(value_of(method(two_years, "tornado"), s, upgrade), -0.8 * 30000, 1e-6);
    EXPECT_EQ(s.inputs.of_dimension(method(two_years, "spearman").ranking[0].input).address, grant);

    // Within one year the difference is grant − 100 000: the grant is all of it,
    // and the worst 10 % of paths are its lowest decile, median at its P5:
    // tail = (0.05 − 0.5)·width / (width/√12) = −0.45·√12.
    const auto& year = cell(result, 2, 0, "npv_difference");
    EXPECT_NEAR(value_of(method(year, "sobol_first"), s, grant), 1.0, 0.02);
    EXPECT_NEAR(value_of(method(year, "sobol_total"), s, fee), 0.0, 1e-12);
    const auto& tail = method(year, "tail");
    EXPECT_EQ(s.inputs.of_dimension(tail.ranking[0].input).address, grant);
    EXPECT_NEAR(tail.ranking[0].value, -0.45 * std::sqrt(12.0), 0.02);
    // The others only by the sampling error of a median of 2,000 paths: √3/√2000 in sd units.
    EXPECT_NEAR(value_of(tail, s, fee), 0.0, 4 * std::sqrt(3.0 / 2000));
    EXPECT_NEAR(value_of(tail, s, upgrade), 0.0, 4 * std::sqrt(3.0 / 2000));
}

// Option b's two-year NPV is −fee: its worst paths drew the fee's top decile
// (median at the fee's P95), +0.45·√12 standard deviations above its median.
// Its payback is never reached: every path is in the bad tail, so nothing
// sets the tail apart.
TEST(Sensitivity, TailOfAnOptionsMetrics) {
    const auto s = test::scenario(pair);
    const auto result = analyse(s, 2);
    const auto& tail = method(cell(result, 1, 1, "npv"), "tail");
    ASSERT_EQ(tail.ranking.size(), 1u);
    EXPECT_NEAR(tail.ranking[0].value, 0.45 * std::sqrt(12.0), 0.02);
    EXPECT_EQ(tail.ranking[0].rank, 1u);
    EXPECT_EQ(method(cell(result, 1, 1, "payback_months"), "tail").ranking[0].value, 0.0);
    // Option a's ROI at one year is (grant − 100 000)/100 000: the grant again.
    EXPECT_NEAR(value_of(method(cell(result, 0, 0, "roi"), "tail"), s, "options.a.benefits.grant.amount"),
                -0.45 * std::sqrt(12.0), 0.02);
}

TEST(Sensitivity, ParsesMethodLists) {
    std::string bad;
    EXPECT_EQ(models::parse_sensitivity_methods("sobol,tornado", bad)->size(), 2u);
    EXPECT_EQ(models::parse_sensitivity_methods("tail", bad)->front(), models::SensitivityMethod::tail);
    EXPECT_FALSE(models::parse_sensitivity_methods("tornado,morris", bad));
    EXPECT_EQ(bad, "morris");
}

}  // namespace

#include "models/value_of_information.hpp"

namespace {

// One project whose NPV is X ~ N(10 000, 50 000²), against doing nothing:
// EVPI = μΦ(μ/σ) + σφ(μ/σ) − μ = 15 344.73 (see tests/sim/sensitivity_test.cpp).
TEST(ValueOfInformation, ThroughTheModel) {
    const auto s = test::scenario(R"({"horizons": {"h": 12}, "discount_rate": 0,
      "options": {"project": {"implementation": {"months": 1}, "adoption": {"model": "bass", "p": 1, "q": 0},
        "benefits": {"payoff": {"amount": {"dist": "normal", "mean": 10000, "sd": 50000}, "unit": "once", "timing": {"month": 0}}}}}})");
    models::RunSettings run;
    run.paths = 100000;
    run.sampling = sim::Sampling::mc;
    run.keep_inputs = true;
    const auto v = models::value_of_information(s, models::simulate(s, run), true);
    const auto& h = v.horizons[0];
    EXPECT_EQ(h.best, "project");
    EXPECT_NEAR(h.evpi.value, 15344.73, 2 * (h.evpi.ci_high - h.evpi.ci_low) / 2);
    ASSERT_EQ(h.partial.size(), 1u);
    EXPECT_NEAR(h.partial[0].value, h.evpi.value, 0.02 * h.evpi.value);  // the only uncertainty
}

}  // namespace

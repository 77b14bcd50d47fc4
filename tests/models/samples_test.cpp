// --samples keeps each path's input draws beside its metrics: the draws of
// every input follow its distribution (empirical quantiles against closed
// forms), and are the very numbers the model used on those paths.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "models/forecast.hpp"
#include "scenario_fixture.hpp"

namespace {

// A baseline input of each shape, every quantile known in closed form.
const char* const three_inputs = R"({
  "simulation": {"seed": 7},
  "baseline": {
    "users": {"dist": "uniform", "min": 20, "max": 80},
    "loaded_cost_per_user_month": {"dist": "triangular", "min": 4000, "mode": 5000, "max": 9000},
    "revenue_per_customer_month": {"dist": "lognormal", "median": 1000, "p90": 1500},
    "customers": 100, "gross_margin": 0.5},
  "options": {"o": {"implementation": {"months": 3},
                    "costs": {"c": {"amount": 100, "unit": "per_user_month"}},
                    "adoption": {"model": "logistic", "midpoint_months": 2, "steepness": 1}}}
})";

double uniform_quantile(double p) { return 20 + p * 60; }

// Triangular(a, c, b): F(c) = (c − a)/(b − a); below it x = a + √(p(b − a)(c − a)).
double triangular_quantile(double p) {
    const double a = 4000, c = 5000, b = 9000, fc = (c - a) / (b - a);
    return p < fc ? a + std::sqrt(p * (b - a) * (c - a)) : b - std::sqrt((1 - p) * (b - a) * (b - c));
}

// ln X normal with median 1000 and P90 1500: σ = ln 1.5 / z₀.₉, z₀.₉ = 1.2815515655446004.
double lognormal_quantile(double z) { return 1000 * std::exp(z * std::log(1.5) / 1.2815515655446004); }

double empirical(std::vector<double> x, double p) {
    std::sort(x.begin(), x.end());
    const double at = p * static_cast<double>(x.size() - 1);
    const auto i = static_cast<std::size_t>(at);
    return x[i] + (at - static_cast<double>(i)) * (x[std::min(i + 1, x.size() - 1)] - x[i]);
}

std::vector<double> column(const models::PathSamples& samples, const models::Scenario& s, const std::string& address) {
    for (std::size_t d = 0; d < s.inputs.dimensions(); ++d)
        if (s.inputs.of_dimension(d).address == address) {
            const auto c = samples.inputs.col(static_cast<Eigen::Index>(d));
            return {c.begin(), c.end()};
        }
    ADD_FAILURE() << "no input " << address;
    return {};
}

TEST(Samples, EachInputsDrawsFollowItsDistribution) {
    const models::Scenario s = test::scenario(three_inputs);
    models::ForecastSettings settings;
    settings.paths = 20000;
    settings.samples = 20000;
    settings.sampling = sim::Sampling::mc;  // independent draws: a quantile's sd is √(p(1−p)/n)/f(x)
    const models::Forecast f = models::forecast(s, settings);
    ASSERT_TRUE(f.samples);
    ASSERT_EQ(f.samples->inputs.rows(), 20000);
    ASSERT_EQ(f.samples->inputs.cols(), 3);
    // z-scores of P10, P50, P90 of the standard normal.
    const double p[] = {0.1, 0.5, 0.9}, z[] = {-1.2815515655446004, 0.0, 1.2815515655446004};
    for (int k = 0; k < 3; ++k) {
        // Tolerances are 4 standard errors of the sample quantile, √(p(1−p)/n)/f(x_p).
        const double se_p = std::sqrt(p[k] * (1 - p[k]) / 20000.0);
        EXPECT_NEAR(empirical(column(*f.samples, s, "baseline.users"), p[k]), uniform_quantile(p[k]), 4 * se_p * 60);
        const double a = 4000, c = 5000, b = 9000, x = triangular_quantile(p[k]);
        const double density = x < c ? 2 * (x - a) / ((b - a) * (c - a)) : 2 * (b - x) / ((b - a) * (b - c));
        EXPECT_NEAR(empirical(column(*f.samples, s, "baseline.loaded_cost_per_user_month"), p[k]), x, 4 * se_p / density);
        const double sigma = std::log(1.5) / 1.2815515655446004, y = lognormal_quantile(z[k]);
        const double lognormal_density = std::exp(-0.5 * z[k] * z[k]) / (y * sigma * std::sqrt(2 * M_PI));
        EXPECT_NEAR(empirical(column(*f.samples, s, "baseline.revenue_per_customer_month"), p[k]), y,
                    4 * se_p / lognormal_density);
    }
}

TEST(Samples, DrawsAreTheOnesTheRunUsed) {
    // With Spearman the run keeps every path's draws; without, samples draw
    // the first paths again. Both must give the same numbers, for each sampling.
    const models::Scenario s = test::scenario(three_inputs);
    for (const auto sampling : {sim::Sampling::lhs, sim::Sampling::mc, sim::Sampling::sobol}) {
        models::ForecastSettings plain;
        plain.paths = 1000;
        plain.samples = 300;
        plain.sampling = sampling;
        models::ForecastSettings kept = plain;
        kept.sensitivity = models::SensitivitySettings{{models::SensitivityMethod::spearman}, 64};
        const models::Forecast a = models::forecast(s, plain), b = models::forecast(s, kept);
        ASSERT_EQ(a.samples->inputs.rows(), 300);
        EXPECT_TRUE(a.samples->inputs == b.samples->inputs) << sim::to_string(sampling);
        // The model used these users: with no benefit, the 12-month NPV is
        // −100 · users · Σ DF(t) over the nine months after go-live (t = 4 … 12).
        const double monthly = std::pow(1.1, 1.0 / 12) - 1;
        double discount = 0;
        for (int t = 4; t <= 12; ++t) discount += std::pow(1 + monthly, -t);
        for (std::size_t path = 0; path < 300; ++path) {
            const double users = a.samples->inputs(static_cast<Eigen::Index>(path), 0);
            ASSERT_EQ(a.samples->rows[path].path, path);
            EXPECT_NEAR(a.samples->rows[path].npv[0], -100 * users * discount, 1e-9 * 100 * 80 * 9);
        }
    }
}

TEST(Samples, ATableBeyondItsBudgetKeepsFewerPaths) {
    const models::Scenario s = test::scenario(three_inputs);
    models::ForecastSettings settings;
    settings.paths = 500;
    settings.samples = 500;
    // One option: NPV and ROI at three horizons, payback and three inputs are 10 numbers a path.
    settings.sample_values = 1000;
    const models::Forecast capped = models::forecast(s, settings);
    EXPECT_EQ(capped.samples->cap, 100u);
    EXPECT_EQ(capped.samples->rows.size(), 100u);
    EXPECT_EQ(capped.samples->inputs.rows(), 100);
    settings.sample_values = models::max_sample_values;
    const models::Forecast whole = models::forecast(s, settings);
    EXPECT_EQ(whole.samples->rows.size(), 500u);
    // The capped table is the whole one's first 100 paths.
    EXPECT_TRUE(capped.samples->inputs == whole.samples->inputs.topRows(100));
}

}  // namespace

// Every distribution kind and parameterisation: 10^5 Latin hypercube draws
// must match analytic moments (closed forms written out here, not taken from
// the code under test) within 4 standard errors, and pass a Kolmogorov–Smirnov
// test against the distribution's CDF at the 1 % level.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "sim/distribution.hpp"
#include "sim/uniform_design.hpp"

namespace {

constexpr std::uint64_t n = 100000;

struct Case {
    std::string name;
    sim::Distribution dist;
    double mean, variance;  // analytic truths
};

std::vector<double> lhs_draws(const sim::Distribution& d, std::uint64_t seed) {
    const sim::UniformDesign design(sim::Sampling::lhs, seed, n, 1);
    sim::BlockMatrix u;
    design.fill({0, n}, u);
    std::vector<double> x(n);
    sim::quantiles(d, {u.data(), n}, x);
    return x;
}

// KS distance sup|F_n − F|, evaluated on both sides of every jump so that it
// is also right for discrete distributions.
double ks_distance(std::vector<double> x, const sim::Distribution& d) {
    std::sort(x.begin(), x.end());
    const double size = static_cast<double>(x.size());
    double worst = 0;
    for (std::size_t i = 0; i < x.size();) {
        std::size_t j = i;
        while (j < x.size() && x[j] == x[i]) ++j;
        const double below = sim::cdf(d, std::nextafter(x[i], -INFINITY));
        const double at = sim::cdf(d, x[i]);
        worst = std::max({worst, std::abs(static_cast<double>(i) / size - below),
                          std::abs(static_cast<double>(j) / size - at)});
        i = j;
    }
    return worst;
}

// Standard normal density, for the truncated-normal truths by quadrature.
double phi(double z) { return std::exp(-0.5 * z * z) / std::sqrt(2 * std::numbers::pi); }

// E[X^k] of N(0,1) truncated to [a, b], by composite Simpson (2·10^4 panels).
double truncated_moment(double a, double b, int k) {
    const int m = 20000;
    const double h = (b - a) / m;
    double num = 0, den = 0;
    for (int i = 0; i <= m; ++i) {
        const double z = a + i * h, w = (i == 0 || i == m) ? 1 : (i % 2 ? 4 : 2);
        num += w * std::pow(z, k) * phi(z);
        den += w * phi(z);
    }
    return num / den;
}

// Mean and variance of a density (written out here) restricted to [a, b] and
// renormalised, by composite Simpson on a log-spaced grid (the densities
// below are right-skewed; 4·10^4 panels).
template <class Density>
std::pair<double, double> truncated_moments(Density pdf, double a, double b) {
    const int m = 40000;
    const double la = std::log(a), h = (std::log(b) - la) / m;
    double m0 = 0, m1 = 0, m2 = 0;
    for (int i = 0; i <= m; ++i) {
        const double x = std::exp(la + i * h), w = ((i == 0 || i == m) ? 1 : (i % 2 ? 4 : 2)) * x * pdf(x);
        m0 += w;
        m1 += w * x;
        m2 += w * x * x;
    }
    return {m1 / m0, m2 / m0 - (m1 / m0) * (m1 / m0)};
}

double lognormal_pdf(double x, double mu, double s) {
    const double z = (std::log(x) - mu) / s;
    return std::exp(-0.5 * z * z) / (x * s * std::sqrt(2 * std::numbers::pi));
}

double gamma_pdf(double x, double k, double theta) {
    return std::exp((k - 1) * std::log(x) - x / theta - std::lgamma(k) - k * std::log(theta));
}

std::vector<Case> cases() {
    std::vector<Case> c;
    c.push_back({"uniform", sim::Uniform(2, 5), 3.5, 9.0 / 12});
    c.push_back({"triangular", sim::Triangular(1, 2, 6), 3.0, (1 + 4 + 36 - 2 - 6 - 12) / 18.0});
    c.push_back({"triangular_mode_at_min", sim::Triangular(0, 0, 3), 1.0, (0 + 0 + 9 - 0 - 0 - 0) / 18.0});
    {
        // PERT(10, 20, 60): α = 1 + 4·10/50 = 1.8, β = 1 + 4·40/50 = 4.2; mean (10 + 4·20 + 60)/6.
        const double a = 1.8, b = 4.2, w = 50;
        c.push_back({"pert", sim::Pert(10, 20, 60), 25.0, w * w * a * b / ((a + b) * (a + b) * (a + b + 1))});
    }
    {
        // λ = 2: α = 1 + 2·0.25 = 1.5, β = 1 + 2·0.75 = 2.5 on [0, 8]; mean 8·1.5/4.
        const double a = 1.5, b = 2.5, w = 8;
        c.push_back({"pert_lambda", sim::Pert(0, 2, 8, 2.0), 3.0, w * w * a * b / (16 * 5)});
    }
    c.push_back({"normal", sim::Normal(100, 15), 100, 225});
    {
        const double sd = 10 / 1.6448536269514722;  // (p95 − p5) / (2 z_0.95)
        c.push_back({"normal_p5_p95", sim::Normal::from_percentiles(10, 30), 20, sd * sd});
    }
    // Half-normal: mean σ√(2/π), variance σ²(1 − 2/π).
    c.push_back({"normal_truncated_half", sim::Normal(0, 2, 0.0, std::nullopt),
                 2 * std::sqrt(2 / std::numbers::pi), 4 * (1 - 2 / std::numbers::pi)});
    {
        const double m1 = truncated_moment(-1, 2, 1), m2 = truncated_moment(-1, 2, 2);
        c.push_back({"normal_truncated_both", sim::Normal(5, 3, 2.0, 11.0), 5 + 3 * m1, 9 * (m2 - m1 * m1)});
    }
    {
        // Far in the upper tail, where Φ(a) and Φ(b) both round to 1.
        const double m1 = truncated_moment(9, 10, 1), m2 = truncated_moment(9, 10, 2);
        c.push_back({"normal_truncated_far_tail", sim::Normal(0, 1, 9.0, 10.0), m1, m2 - m1 * m1});
    }
    {
        // median 1.1, p90 1.6: μ = ln 1.1, σ = ln(1.6/1.1)/z_0.9.
        const double mu = std::log(1.1), s = std::log(1.6 / 1.1) / 1.2815515655446004;
        c.push_back({"lognormal_median_p90", sim::Lognormal::from_median_p90(1.1, 1.6),
                     std::exp(mu + s * s / 2), std::expm1(s * s) * std::exp(2 * mu + s * s)});
    }
    c.push_back({"lognormal_mean_sd", sim::Lognormal::from_mean_sd(100, 30), 100, 900});
    {
        const double mu = std::log(std::sqrt(50.0 * 200.0)), s = std::log(4.0) / (2 * 1.6448536269514722);
        c.push_back({"lognormal_p5_p95", sim::Lognormal::from_percentiles(50, 200),
                     std::exp(mu + s * s / 2), std::expm1(s * s) * std::exp(2 * mu + s * s)});
    }
    {
        // A right-skewed share: median 0.2, p90 0.4, cut to [0.05, 0.5].
        const double mu = std::log(0.2), s = std::log(2.0) / 1.2815515655446004;
        const auto [m, v] = truncated_moments([&](double x) { return lognormal_pdf(x, mu, s); }, 0.05, 0.5);
        c.push_back({"lognormal_truncated", sim::TruncatedLognormal(sim::Lognormal::from_median_p90(0.2, 0.4), 0.05, 0.5),
                     m, v});
    }
    {
        // Only a cap; the density is negligible below 1e-9.
        const auto [m, v] = truncated_moments([](double x) { return lognormal_pdf(x, 0.0, 1.0); }, 1e-9, 3.0);
        c.push_back({"lognormal_capped", sim::TruncatedLognormal(sim::Lognormal(0, 1), std::nullopt, 3.0), m, v});
    }
    {
        // Far in the upper tail (z from 9 to 10), where F rounds to 1.
        const auto [m, v] = truncated_moments([](double x) { return lognormal_pdf(x, 0.0, 1.0); }, std::exp(9.0),
                                              std::exp(10.0));
        c.push_back({"lognormal_truncated_far_tail",
                     sim::TruncatedLognormal(sim::Lognormal(0, 1), std::exp(9.0), std::exp(10.0)), m, v});
    }
    {
        const auto [m, v] = truncated_moments([](double x) { return gamma_pdf(x, 2, 3); }, 1.0, 10.0);
        c.push_back({"gamma_truncated", sim::TruncatedGamma(sim::Gamma(2, 3), 1.0, 10.0), m, v});
    }
    {
        // Only a floor; the density is negligible beyond 400.
        const auto [m, v] = truncated_moments([](double x) { return gamma_pdf(x, 2, 3); }, 5.0, 400.0);
        c.push_back({"gamma_floored", sim::TruncatedGamma(sim::Gamma(2, 3), 5.0, std::nullopt), m, v});
    }
    c.push_back({"beta", sim::Beta(2, 5), 2.0 / 7, 10.0 / (49 * 8)});
    c.push_back({"beta_scaled", sim::Beta(2, 5, 10, 20), 10 + 20.0 / 7, 100 * 10.0 / (49 * 8)});
    c.push_back({"gamma", sim::Gamma(2, 3), 6, 18});
    c.push_back({"gamma_small_shape", sim::Gamma(0.5, 1), 0.5, 0.5});
    c.push_back({"bernoulli", sim::Bernoulli(0.3), 0.3, 0.21});
    // Sorted: 1 (½), 2 (¼), 3 (¼).
    c.push_back({"discrete", sim::Discrete({3, 1, 2}, {1, 2, 1}), 1.75,
                 0.5 * 0.5625 + 0.25 * 0.0625 + 0.25 * 1.5625});
    return c;
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class DistributionTest : public testing::TestWithParam<Case> {};

TEST_P(DistributionTest, AnalyticMomentsAndCdf) {
    const Case& c = GetParam();
    EXPECT_NEAR(sim::mean(c.dist), c.mean, 1e-9 * std::max(1.0, std::abs(c.mean)));
    EXPECT_NEAR(sim::variance(c.dist), c.variance, 1e-6 * c.variance);
}

TEST_P(DistributionTest, LatinHypercubeDrawsMatchMoments) {
    const Case& c = GetParam();
    const std::vector<double> x = lhs_draws(c.dist, 7);
    double mean = 0;
    for (double v : x) mean += v;
    mean /= n;
    double var = 0, var_of_sq = 0;
    for (double v : x) var += (v - mean) * (v - mean);
    var /= n - 1;
    for (double v : x) var_of_sq += std::pow((v - mean) * (v - mean) - var, 2);
    var_of_sq /= n - 1;
    EXPECT_NEAR(mean, c.mean, 4 * std::sqrt(c.variance / n)) << c.name;
    EXPECT_NEAR(var, c.variance, 4 * std::sqrt(var_of_sq / n)) << c.name;
}

TEST_P(DistributionTest, KolmogorovSmirnovBelowOnePercentCriticalValue) {
    const Case& c = GetParam();
    // Asymptotic 1 % critical value of the one-sample KS statistic: 1.6276/√n.
    EXPECT_LT(ks_distance(lhs_draws(c.dist, 11), c.dist), 1.6276 / std::sqrt(double(n))) << c.name;
}

// Q is the generalised inverse of F: F(Q(u)) >= u > F(Q(u)⁻), which for a
// continuous F is F(Q(u)) = u.
TEST_P(DistributionTest, QuantileInvertsCdf) {
    const Case& c = GetParam();
    for (double u : {0.01, 0.1, 0.37, 0.5, 0.7, 0.9, 0.99}) {
        const double x = sim::quantile(c.dist, u);
        EXPECT_GE(sim::cdf(c.dist, x), u - 1e-9) << c.name << " u=" << u;
        EXPECT_LT(sim::cdf(c.dist, std::nextafter(x, -INFINITY)), u + 1e-9) << c.name << " u=" << u;
    }
}

INSTANTIATE_TEST_SUITE_P(AllKinds, DistributionTest, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<Case>& i) { return i.param.name; });

TEST(Lognormal, ParameterisationsHitTheirPercentiles) {
    const auto a = sim::Lognormal::from_median_p90(1.1, 1.6);
    EXPECT_NEAR(a.quantile(0.5), 1.1, 1e-12);
    EXPECT_NEAR(a.quantile(0.9), 1.6, 1e-12);
    const auto b = sim::Lognormal::from_percentiles(50, 200);
    EXPECT_NEAR(b.quantile(0.05), 50, 1e-9);
    EXPECT_NEAR(b.quantile(0.95), 200, 1e-9);
}

TEST(Normal, PercentileParameterisationHitsItsPercentiles) {
    const auto d = sim::Normal::from_percentiles(10, 30);
    EXPECT_NEAR(d.quantile(0.05), 10, 1e-9);
    EXPECT_NEAR(d.quantile(0.95), 30, 1e-9);
}

TEST(Normal, TruncatedDrawsStayInsideBounds) {
    const sim::Normal d(0, 1, 9.0, 10.0);
    for (double u : {1e-16, 1e-9, 0.5, 1 - 1e-16}) {
        EXPECT_GE(d.quantile(u), 9.0);
        EXPECT_LE(d.quantile(u), 10.0);
    }
}

// §6.1: X = F⁻¹(F(a) + U (F(b) − F(a))), F Boost's untruncated CDF.
TEST(Truncated, QuantilesAreTheUntruncatedOnesAtRenormalisedLevels) {
    const boost::math::lognormal_distribution<> ln(std::log(0.2), std::log(2.0) / 1.2815515655446004);
    const boost::math::gamma_distribution<> g(2, 3);
    const sim::TruncatedLognormal tl(sim::Lognormal::from_median_p90(0.2, 0.4), 0.05, 0.5);
    const sim::TruncatedGamma tg(sim::Gamma(2, 3), 1.0, 10.0);
    for (double u : {1e-6, 0.01, 0.25, 0.5, 0.75, 0.99, 1 - 1e-9}) {
        const double fa = boost::math::cdf(ln, 0.05), fb = boost::math::cdf(ln, 0.5);
        EXPECT_NEAR(tl.quantile(u), boost::math::quantile(ln, fa + u * (fb - fa)), 1e-12) << u;
        const double ga = boost::math::cdf(g, 1.0), gb = boost::math::cdf(g, 10.0);
        EXPECT_NEAR(tg.quantile(u), boost::math::quantile(g, ga + u * (gb - ga)), 1e-10) << u;
        EXPECT_NEAR(tg.upper_quantile(1 - u), tg.quantile(u), 1e-9) << u;
    }
}

TEST(Truncated, DrawsStayInsideBoundsEvenFarInTheTail) {
    const sim::TruncatedGamma far(sim::Gamma(2, 1), 60.0, 61.0);  // F rounds to 1 from 40 on
    const sim::TruncatedLognormal share(sim::Lognormal(0, 1), std::nullopt, 0.5);
    for (double u : {0x1p-54, 1e-9, 0.5, 1 - 0x1p-53}) {
        EXPECT_GE(far.quantile(u), 60.0);
        EXPECT_LE(far.quantile(u), 61.0);
        EXPECT_GT(share.quantile(u), 0.0);
        EXPECT_LE(share.quantile(u), 0.5);
    }
    EXPECT_LT(far.quantile(0.25), far.quantile(0.75));
}

TEST(Truncated, AFloorAtOrBelowZeroCutsNothing) {
    const sim::Lognormal base = sim::Lognormal::from_median_p90(1, 2);
    const sim::TruncatedLognormal same(base, -5.0, std::nullopt);
    for (double u : {0.01, 0.5, 0.99}) EXPECT_DOUBLE_EQ(same.quantile(u), base.quantile(u));
    EXPECT_DOUBLE_EQ(same.mean(), base.mean());
    EXPECT_EQ(same.support().low, 0.0);
}

TEST(Truncated, BoundsThatHoldNoProbabilityAreRefused) {
    EXPECT_THROW(sim::TruncatedLognormal(sim::Lognormal(0, 0.5), 1e40, 1e41), sim::InvalidParameter);
    EXPECT_THROW(sim::TruncatedGamma(sim::Gamma(2, 1), -3.0, -1.0), sim::InvalidParameter);
    EXPECT_THROW(sim::TruncatedGamma(sim::Gamma(2, 1), 3.0, 2.0), sim::InvalidParameter);
}

TEST(Bernoulli, FiresExactlyWhenUExceedsOneMinusP) {
    const sim::Bernoulli d(0.25);
    EXPECT_EQ(d.quantile(0.75), 0.0);
    EXPECT_EQ(d.quantile(std::nextafter(0.75, 1.0)), 1.0);
}

TEST(Discrete, FirstValueWhoseCumulativeWeightReachesU) {
    const sim::Discrete d({10, 30, 20}, {1, 1, 2});  // sorted: 10 (¼), 20 (½), 30 (¼)
    EXPECT_EQ(d.quantile(0.25), 10);
    EXPECT_EQ(d.quantile(std::nextafter(0.25, 1.0)), 20);
    EXPECT_EQ(d.quantile(0.75), 20);
    EXPECT_EQ(d.quantile(0.76), 30);
}

}  // namespace

// The sensitivity estimators on functions whose indices are known in closed form.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numbers>

#include "sim/sensitivity/correlation_measures.hpp"
#include "sim/sensitivity/saltelli_design.hpp"
#include "sim/sensitivity/sobol_indices.hpp"
#include "sim/sensitivity/tornado.hpp"
#include "sim/uniform_design.hpp"

namespace {

using Model = std::function<double(const Eigen::RowVectorXd&)>;  // uniforms in, output out

sim::SaltelliOutputs saltelli(const Model& f, std::size_t d, std::uint64_t n) {
    const sim::SaltelliDesign design(sim::Sampling::sobol, 2024, n, d);
    sim::BlockMatrix u;
    design.fill({0, static_cast<std::size_t>(design.paths())}, u);
    sim::SaltelliOutputs y{Eigen::VectorXd(n), Eigen::VectorXd(n), Eigen::MatrixXd(n, d)};
    const auto N = static_cast<Eigen::Index>(n);
    for (Eigen::Index i = 0; i < N; ++i) {
        y.y_a(i) = f(u.row(i));
        y.y_b(i) = f(u.row(N + i));
        for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(d); ++j) y.y_ab(i, j) = f(u.row((2 + j) * N + i));
    }
    return y;
}

double index_of(const std::vector<sim::Importance>& list, std::size_t input) {
    for (const auto& i : list)
        if (i.input == input) return i.value;
    return NAN;
}

// Ishigami & Homma (1990), a = 7, b = 0.1, x ~ U(−π, π)³. Published indices
// (Saltelli et al. 2008, §4.6): S = 0.3139, 0.4424, 0; S_T = 0.5576, 0.4424, 0.2437.
TEST(SobolIndices, Ishigami) {
    const Model f = [](const Eigen::RowVectorXd& u) {
        const double x1 = std::numbers::pi * (2 * u(0) - 1), x2 = std::numbers::pi * (2 * u(1) - 1),
                     x3 = std::numbers::pi * (2 * u(2) - 1);
        return std::sin(x1) + 7 * std::pow(std::sin(x2), 2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
    };
    const auto s = sim::sobol_indices(saltelli(f, 3, 1 << 14), 1);
    const double first[] = {0.3139, 0.4424, 0.0}, total[] = {0.5576, 0.4424, 0.2437};
    for (std::size_t j = 0; j < 3; ++j) {
        EXPECT_NEAR(index_of(s.first, j), first[j], 0.02) << "S_" << j + 1;
        EXPECT_NEAR(index_of(s.total, j), total[j], 0.02) << "S_T" << j + 1;
    }
    // Expected variance: a²/8 + b·π⁴/5 + b²·π⁸/18 + 1/2.
    const double pi4 = std::pow(std::numbers::pi, 4);
    EXPECT_NEAR(s.variance, 49.0 / 8 + 0.1 * pi4 / 5 + 0.01 * pi4 * pi4 / 18 + 0.5, 0.2);
    EXPECT_EQ(s.total[0].input, 0u);  // x1 ranks first on total effect
    ASSERT_TRUE(s.first[0].ci95.has_value());
    EXPECT_LT(s.first[0].ci95->first, s.first[0].value);
    EXPECT_GT(s.first[0].ci95->second, s.first[0].value);
}

// Sobol's g-function, g = Π (|4x_i − 2| + a_i)/(1 + a_i): V_i = 1/(3(1 + a_i)²),
// V = Π(1 + V_i) − 1, S_i = V_i/V, S_Ti = V_i·Π_{j≠i}(1 + V_j)/V.
TEST(SobolIndices, GFunction) {
    const std::vector<double> a = {0, 1, 4.5, 9, 99, 99, 99, 99};
    const Model f = [&](const Eigen::RowVectorXd& u) {
        double g = 1;
        for (std::size_t i = 0; i < a.size(); ++i) g *= (std::abs(4 * u(static_cast<Eigen::Index>(i)) - 2) + a[i]) / (1 + a[i]);
        return g;
    };
    std::vector<double> v(a.size());
    double product = 1;
    for (std::size_t i = 0; i < a.size(); ++i) {
        v[i] = 1 / (3 * (1 + a[i]) * (1 + a[i]));
        product *= 1 + v[i];
    }
    const double V = product - 1;
    const auto s = sim::sobol_indices(saltelli(f, a.size(), 1 << 14), 2);
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_NEAR(index_of(s.first, i), v[i] / V, 0.02) << "S_" << i + 1;
        EXPECT_NEAR(index_of(s.total, i), v[i] * product / (1 + v[i]) / V, 0.02) << "S_T" << i + 1;
    }
}

// y = 3x₁ + 2x₂ + x₃ + 0·x₄ with independent U(0, 1) inputs: every method's
// answer is known exactly. Variance shares 9:4:1:0 of 14; SRC_j = b_j/√14
// with R² = 1; tornado swing from P10 to P90 = 0.8·b_j.
const double b[] = {3, 2, 1, 0};
double linear(const Eigen::RowVectorXd& u) { return b[0] * u(0) + b[1] * u(1) + b[2] * u(2) + b[3] * u(3); }

TEST(LinearModel, EveryMethodGivesTheKnownAnswer) {
    const auto s = sim::sobol_indices(saltelli(linear, 4, 1 << 13), 3);
    for (std::size_t j = 0; j < 4; ++j) {
        EXPECT_NEAR(index_of(s.first, j), b[j] * b[j] / 14, 0.01);
        EXPECT_NEAR(index_of(s.total, j), b[j] * b[j] / 14, 0.01);
    }

    const sim::UniformDesign design(sim::Sampling::lhs, 9, 20000, 4);
    sim::BlockMatrix x;
    design.fill({0, 20000}, x);
    Eigen::VectorXd y(x.rows());
    for (Eigen::Index i = 0; i < x.rows(); ++i) y(i) = linear(x.row(i));
    const auto src = sim::standardized_regression(x, y);
    EXPECT_NEAR(src.r_squared, 1.0, 1e-12);
    for (std::size_t j = 0; j < 4; ++j) EXPECT_NEAR(index_of(src.coefficients, j), b[j] / std::sqrt(14.0), 0.005);

    const auto rho = sim::spearman_importance(x, y);
    for (std::size_t j = 0; j < 4; ++j) EXPECT_EQ(rho[j].input, j) << "rank " << j + 1;
    EXPECT_NEAR(index_of(rho, 3), 0.0, 0.02);

    const auto t = sim::tornado(4, [](const std::vector<double>& u) {
        return linear(Eigen::Map<const Eigen::RowVectorXd>(u.data(), 4));
    });
    EXPECT_NEAR(t.base, 0.5 * 6, 1e-12);
    for (std::size_t j = 0; j < 4; ++j) {
        EXPECT_NEAR(t.bars[j].swing(), 0.8 * b[j], 1e-12);
        EXPECT_EQ(t.ranking[j].input, j);
    }
}

TEST(SaltelliDesign, ABRowsAreARowsWithOneColumnFromB) {
    const sim::SaltelliDesign design(sim::Sampling::sobol, 4, 100, 3);
    ASSERT_EQ(design.paths(), 500u);
    sim::BlockMatrix all, part;
    design.fill({0, 500}, all);
    design.fill({137, 250}, part);  // an unaligned block straddling parts
    EXPECT_EQ(part, all.middleRows(137, 250));
    for (Eigen::Index i = 0; i < 100; ++i)
        for (Eigen::Index j = 0; j < 3; ++j)
            for (Eigen::Index k = 0; k < 3; ++k)
                EXPECT_EQ(all((2 + j) * 100 + i, k), k == j ? all(100 + i, k) : all(i, k));
}

TEST(Ranks, TiesShareTheirAverageRank) {
    Eigen::VectorXd v(5);
    v << 3, 1, 3, 2, 3;
    Eigen::VectorXd expected(5);
    expected << 3, 0, 3, 1, 3;
    EXPECT_EQ(sim::ranks(v), expected);
}

}  // namespace

#include "sim/distribution.hpp"
#include "sim/sensitivity/value_of_information.hpp"

namespace {

// One project with net benefit X ~ N(μ, σ²) against doing nothing (0):
// EVPI = E[max(X, 0)] − max(μ, 0) = μΦ(μ/σ) + σφ(μ/σ) − max(μ, 0).
// μ = 10 000, σ = 50 000: 10 000·Φ(0.2) + 50 000·φ(0.2) − 10 000 = 15 344.73.
TEST(ValueOfInformation, EvpiOfAProjectAgainstDoingNothing) {
    const std::uint64_t n = 200000;
    const sim::UniformDesign design(sim::Sampling::mc, 12, n, 2);
    sim::BlockMatrix u;
    design.fill({0, n}, u);
    const sim::Normal x(10000, 50000);
    Eigen::MatrixXd nb = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n), 2);
    for (Eigen::Index i = 0; i < nb.rows(); ++i) nb(i, 0) = x.quantile(u(i, 0));
    const double z = 0.2, truth = 10000 * 0.5792597094391030 + 50000 * std::exp(-z * z / 2) / std::sqrt(2 * std::numbers::pi) - 10000;
    EXPECT_NEAR(truth, 15344.73, 0.01);
    const auto e = sim::expected_value_of_perfect_information(nb);
    EXPECT_EQ(e.best, 0u);
    const double half_width = (e.ci_high - e.ci_low) / 2;
    EXPECT_NEAR(e.value, truth, 2 * half_width);  // 4 standard errors
    EXPECT_LT(e.ci_low, truth);
    EXPECT_GT(e.ci_high, truth);

    // Knowing X itself is perfect information; an unrelated input is worth nothing.
    Eigen::MatrixXd inputs(nb.rows(), 2);
    inputs.col(0) = nb.col(0);
    inputs.col(1) = u.col(1);
    const auto partial = sim::expected_value_of_partial_information(inputs, nb, 200);
    EXPECT_EQ(partial[0].input, 0u);
    EXPECT_NEAR(partial[0].value, e.value, 0.02 * e.value);
    EXPECT_LT(partial[1].value, 0.02 * e.value);
}

}  // namespace

namespace {

// Least squares with an intercept through n points in d inputs: with n ≤ d + 1
// the fit is exact whatever y is (R² = 1 for noise), so SRC is undefined;
// from d + 2 points on it has a residual and a meaning.
TEST(Sensitivity, SrcNeedsMorePointsThanCoefficients) {
    const Eigen::MatrixXd x = Eigen::MatrixXd::Random(5, 3);
    const Eigen::VectorXd noise = Eigen::VectorXd::Random(5);
    const auto saturated = sim::standardized_regression(x.topRows(4), noise.head(4));
    EXPECT_TRUE(std::isnan(saturated.r_squared));
    ASSERT_EQ(saturated.coefficients.size(), 3u);
    for (const auto& c : saturated.coefficients) EXPECT_TRUE(std::isnan(c.value));
    const auto fitted = sim::standardized_regression(x, noise);
    EXPECT_LT(fitted.r_squared, 1.0);
    EXPECT_TRUE(std::isfinite(fitted.coefficients[0].value));
}

// No defined output (e.g. ROI where nothing costs anything) or no inputs:
// every estimator answers "undefined", never crashes.
TEST(Sensitivity, DegenerateSamplesGiveUndefinedNotCrashes) {
    Eigen::MatrixXd x = Eigen::MatrixXd::Random(10, 3);
    Eigen::VectorXd y = Eigen::VectorXd::Constant(10, NAN);
    const auto src = sim::standardized_regression(x, y);
    EXPECT_TRUE(std::isnan(src.r_squared));
    ASSERT_EQ(src.coefficients.size(), 3u);
    EXPECT_TRUE(std::isnan(src.coefficients[0].value));
    EXPECT_TRUE(std::isnan(sim::spearman_importance(x, y)[2].value));
    EXPECT_TRUE(std::isnan(sim::standardized_regression(Eigen::MatrixXd(10, 0), Eigen::VectorXd::Ones(10)).r_squared));
    sim::SaltelliOutputs none{y, y, Eigen::MatrixXd::Constant(10, 3, NAN)};
    EXPECT_TRUE(std::isnan(sim::sobol_indices(none, 1).first[0].value));
    EXPECT_TRUE(std::isnan(sim::expected_value_of_perfect_information(Eigen::MatrixXd(0, 2)).value));
}

}  // namespace

#include "sim/sensitivity/tail_contrast.hpp"

namespace {

// Two independent U(0, 1) inputs from plain Monte Carlo, and an output of them.
struct Sample {
    Eigen::MatrixXd x;
    Eigen::VectorXd y;
};
Sample uniform_sample(std::uint64_t n, const std::function<double(double, double)>& f) {
    const sim::UniformDesign design(sim::Sampling::mc, 31, n, 2);
    sim::BlockMatrix u;
    design.fill({0, n}, u);
    Sample s{u, Eigen::VectorXd(static_cast<Eigen::Index>(n))};
    for (Eigen::Index i = 0; i < s.y.size(); ++i) s.y(i) = f(s.x(i, 0), s.x(i, 1));
    return s;
}

// y = x₀: the worst decile of y is x₀ ≤ 0.1, where x₀'s median is 0.05; over
// all paths it is 0.5 with sd √(1/12). So x₀ scores (0.05 − 0.5)/√(1/12) =
// −1.5588 and the noise input x₁ scores 0 up to the sampling error of a
// median of m = n/10 uniforms: sd 1/(2√m), i.e. √3/√m in units of sd(x₁).
TEST(TailContrast, TheInputThatDecidesTheTailStandsOut) {
    const std::uint64_t n = 100000;
    const auto s = uniform_sample(n, [](double x0, double) { return x0; });
    const double sd = std::sqrt(1.0 / 12), se_noise = std::sqrt(3.0 / (0.1 * n));
    const auto low = sim::tail_contrast(s.x, s.y);
    ASSERT_EQ(low.size(), 2u);
    EXPECT_EQ(low[0].input, 0u);
    EXPECT_EQ(low[0].rank, 1u);
    EXPECT_EQ(low[1].rank, 2u);
    EXPECT_NEAR(low[0].value, (0.05 - 0.5) / sd, 0.01);
    EXPECT_NEAR(low[1].value, 0.0, 4 * se_noise);
    EXPECT_FALSE(low[0].ci95.has_value());

    // The high tail (a payback's bad end) of the same output: x₀'s median there is 0.95.
    const auto high = sim::tail_contrast(s.x, s.y, sim::BadTail::high);
    EXPECT_EQ(high[0].input, 0u);
    EXPECT_NEAR(high[0].value, (0.95 - 0.5) / sd, 0.01);
    EXPECT_NEAR(high[1].value, 0.0, 4 * se_noise);
}

// A censored time counted as one value above every reached one: when 20 % of
// the paths never pay back (x₀ > 0.8), the P90 is that value and the tail
// (≥ P90) is every censored path, where x₀'s median is 0.9. Undefined outputs
// are left out: dropping the paths with x₁ < 0.5 leaves x₀'s distribution alone.
TEST(TailContrast, TiesAtTheCutAreAllInTheTailAndUndefinedRowsAreLeftOut) {
    const std::uint64_t n = 100000;
    const auto s = uniform_sample(n, [](double x0, double x1) {
        if (x1 < 0.5) return static_cast<double>(NAN);
        return x0 > 0.8 ? 61.0 : 60 * x0;
    });
    const auto high = sim::tail_contrast(s.x, s.y, sim::BadTail::high);
    EXPECT_EQ(high[0].input, 0u);
    EXPECT_NEAR(high[0].value, (0.9 - 0.5) / std::sqrt(1.0 / 12), 0.02);
    // x₁ over the defined rows is U(0.5, 1): the tail does not depend on it.
    EXPECT_NEAR(high[1].value, 0.0, 4 * std::sqrt(3.0 / (0.1 * n)));
}

// A normal input: the worst decile of y = z has median Φ⁻¹(0.05) = −1.644854
// (the 5th percentile of z), against 0 over all paths, with sd 1.
TEST(TailContrast, NormalInputScoresItsFifthPercentile) {
    const sim::Normal z(0, 1);
    const auto s = uniform_sample(200000, [&](double u0, double) { return z.quantile(u0); });
    Eigen::MatrixXd x = s.x;
    for (Eigen::Index i = 0; i < x.rows(); ++i) x(i, 0) = z.quantile(s.x(i, 0));
    EXPECT_NEAR(sim::tail_contrast(x, s.y)[0].value, -1.644854, 0.02);
}

TEST(TailContrast, DegenerateSamples) {
    const Eigen::MatrixXd x = Eigen::MatrixXd::Random(10, 2);
    EXPECT_TRUE(std::isnan(sim::tail_contrast(x, Eigen::VectorXd::Constant(10, NAN))[0].value));
    Eigen::MatrixXd constant = x;
    constant.col(1).setConstant(3.0);
    const auto t = sim::tail_contrast(constant, x.col(0));
    EXPECT_EQ(t[1].input, 1u);
    EXPECT_EQ(t[1].value, 0.0);  // a constant input carries no information
}

}  // namespace

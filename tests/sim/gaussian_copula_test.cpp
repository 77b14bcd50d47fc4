#include "sim/gaussian_copula.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "sim/nearest_correlation.hpp"
#include "sim/uniform_design.hpp"

namespace {

// Spearman's rank correlation, computed from scratch: Pearson of the ranks.
double spearman(const Eigen::VectorXd& x, const Eigen::VectorXd& y) {
    const auto ranks = [](const Eigen::VectorXd& v) {
        std::vector<Eigen::Index> order(static_cast<std::size_t>(v.size()));
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return v(a) < v(b); });
        Eigen::VectorXd r(v.size());
        for (std::size_t k = 0; k < order.size(); ++k) r(order[k]) = static_cast<double>(k);
        return r;
    };
    const Eigen::VectorXd a = ranks(x).array() - ranks(x).mean();
    const Eigen::VectorXd b = ranks(y).array() - ranks(y).mean();
    return a.dot(b) / std::sqrt(a.squaredNorm() * b.squaredNorm());
}

sim::BlockMatrix correlated_uniforms(const sim::GaussianCopula& c, std::size_t dims, std::uint64_t n) {
    const sim::UniformDesign design(sim::Sampling::lhs, 2718, n, dims);
    sim::BlockMatrix u;
    design.fill({0, n}, u);
    c.apply(u);
    return u;
}

TEST(GaussianCopula, PearsonSpearmanMapping) {
    EXPECT_NEAR(sim::GaussianCopula::pearson_from_spearman(0.5), 2 * std::sin(M_PI / 12), 1e-15);
    EXPECT_NEAR(sim::GaussianCopula::pearson_from_spearman(1.0), 1.0, 1e-15);
    EXPECT_NEAR(sim::GaussianCopula::spearman_from_pearson(sim::GaussianCopula::pearson_from_spearman(-0.3)), -0.3, 1e-14);
}

TEST(GaussianCopula, AchievesTargetRankCorrelations) {
    const std::vector<sim::RankCorrelation> targets = {{0, 1, 0.6}, {1, 3, -0.4}, {0, 3, 0.0}};
    const sim::GaussianCopula c(4, targets);
    EXPECT_TRUE(c.repairs().empty());
    const sim::BlockMatrix u = correlated_uniforms(c, 4, 100000);
    EXPECT_NEAR(spearman(u.col(0), u.col(1)), 0.6, 0.02);
    EXPECT_NEAR(spearman(u.col(1), u.col(3)), -0.4, 0.02);
    EXPECT_NEAR(spearman(u.col(0), u.col(3)), 0.0, 0.02);
    EXPECT_NEAR(spearman(u.col(2), u.col(0)), 0.0, 0.02);  // an unlinked input stays independent
    // Marginals stay uniform.
    EXPECT_NEAR(u.col(1).mean(), 0.5, 0.005);
    EXPECT_GT(u.minCoeff(), 0.0);
    EXPECT_LT(u.maxCoeff(), 1.0);
}

TEST(GaussianCopula, RepairsAnImpossibleMatrixAndReportsIt) {
    // x with y and y with z strongly positive, but x with z strongly negative:
    // no joint distribution has these ranks.
    const std::vector<sim::RankCorrelation> targets = {{0, 1, 0.9}, {1, 2, 0.9}, {0, 2, -0.9}};
    const sim::GaussianCopula c(3, targets);
    ASSERT_FALSE(c.repairs().empty());
    for (const auto& r : c.repairs()) {
        EXPECT_NE(r.requested, r.applied);
        EXPECT_LE(std::abs(r.applied), 1.0);
    }
    const Eigen::MatrixXd pearson = c.applied_spearman().unaryExpr(
        [](double s) { return sim::GaussianCopula::pearson_from_spearman(s); });
    EXPECT_GE(sim::min_eigenvalue(pearson), -1e-9);
    // The sampled ranks follow the repaired targets.
    const sim::BlockMatrix u = correlated_uniforms(c, 3, 100000);
    EXPECT_NEAR(spearman(u.col(0), u.col(2)), c.applied_spearman()(0, 2), 0.02);
    EXPECT_NEAR(spearman(u.col(0), u.col(1)), c.applied_spearman()(0, 1), 0.02);
}

// Higham's own example (2002, §4): the nearest correlation matrix to
// [[1 1 0] [1 1 1] [0 1 1]] has off-diagonals 0.7607 and 0.1573.
TEST(NearestCorrelation, ReproducesHighamsExample) {
    Eigen::Matrix3d a;
    a << 1, 1, 0, 1, 1, 1, 0, 1, 1;
    const auto r = sim::nearest_correlation(a, 0.0);
    EXPECT_TRUE(r.converged);
    EXPECT_NEAR(r.matrix(0, 1), 0.7607, 1e-4);
    EXPECT_NEAR(r.matrix(1, 2), 0.7607, 1e-4);
    EXPECT_NEAR(r.matrix(0, 2), 0.1573, 1e-4);
    EXPECT_NEAR(r.matrix(1, 1), 1.0, 1e-12);
}

TEST(GaussianCopula, RejectsBadTargets) {
    EXPECT_THROW(sim::GaussianCopula(2, {{0, 0, 0.5}}), sim::InvalidParameter);
    EXPECT_THROW(sim::GaussianCopula(2, {{0, 2, 0.5}}), sim::InvalidParameter);
    EXPECT_THROW(sim::GaussianCopula(2, {{0, 1, 1.5}}), sim::InvalidParameter);
    EXPECT_THROW(sim::GaussianCopula(2, {{0, 1, 0.5}, {1, 0, 0.2}}), sim::InvalidParameter);
}

}  // namespace

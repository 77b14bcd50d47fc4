// The table lookup and the Gaussian copula in vector lanes: the table against
// the scalar TabulatedQuantile::at_z of the same score, bit for bit; the
// copula against Boost's Φ and Φ⁻¹ (an independent implementation) within
// the bound their difference allows; both the same on every SIMD target.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "sim/distributions/boost_policy.hpp"
#include "sim/gaussian_copula.hpp"
#include "sim/inverse_cdf.hpp"
#include "sim/standard_normal.hpp"
#include "sim/tabulated_quantile.hpp"
#include "tests/sim/simd_targets.hpp"

namespace {

std::vector<double> lookup_uniforms(std::size_t random_count) {
    std::vector<double> u = {0x1p-54, 0x1p-53, 1.0 - 0x1p-53, 1.0 - 0x1p-52, 0.5, 0.075, 0.925, 1e-12, 1.0 - 1e-12};
    for (int e = 1; e <= 54; ++e) u.push_back(std::ldexp(1.0, -e));
    std::mt19937_64 bits(7);
    for (std::size_t i = 0; i < random_count; ++i) u.push_back(static_cast<double>((bits() >> 11) | 1) * 0x1p-53);
    u.push_back(0.3);  // an odd count: a partial last vector on every target
    return u;
}

struct TableCase {
    const char* name;
    sim::Distribution shape;
    double low, high;  // clamp bounds for the lookup
};

TEST(TabulatedLanes, EqualsScalarLookupOfTheSameScoreOnEveryTarget) {
    const TableCase cases[] = {
        {"Beta(2, 5), no clamp", sim::Beta(2, 5), -INFINITY, INFINITY},
        {"Beta(0.5, 0.5), clamped inside", sim::Beta(0.5, 0.5), 0.01, 0.98},
        {"Gamma(2), support", sim::Gamma(2, 1), 0.0, INFINITY},
        {"PERT shape", *sim::table_shape(sim::Pert(0, 1, 3)), 0.0, 1.0},
    };
    const auto u = lookup_uniforms(20001);
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const sim::TabulatedQuantile table(*sim::table_nodes(c.shape));
        const auto results = sim::testing::on_every_simd_target([&] {
            std::vector<double> out(u.size());
            table.at_uniforms(u, out, c.low, c.high);
            for (std::size_t i = 0; i < u.size(); ++i)
                EXPECT_EQ(out[i], std::clamp(table.at_z(sim::inverse_normal(u[i])), c.low, c.high)) << "u = " << u[i];
            return out;
        });
        for (const auto& r : results) EXPECT_EQ(r, results.front());
    }
}

// An InverseCdf draws through the lanes: its values are the table's at
// the same uniforms, clamped to the support.
TEST(TabulatedLanes, InverseCdfDrawsAreTheTableLookups) {
    const sim::Pert pert(10, 20, 50);
    const sim::InverseCdf draw(pert);
    ASSERT_TRUE(draw.tabulated());
    std::vector<double> q = *sim::table_nodes(*sim::table_shape(pert));
    for (double& x : q) x = pert.as_beta().min() + (pert.as_beta().max() - pert.as_beta().min()) * x;
    const sim::TabulatedQuantile table(q);
    const auto u = lookup_uniforms(1000);
    std::vector<double> out(u.size());
    draw(u, out);
    for (std::size_t i = 0; i < u.size(); ++i)
        ASSERT_EQ(out[i], std::clamp(table.at_z(sim::inverse_normal(u[i])), 10.0, 50.0)) << "u = " << u[i];
}

// Two linked dimensions with Spearman ρ_s: scores z = Φ⁻¹(u), correlated
// (z0, ρ z0 + √(1 − ρ²) z1), back through Φ. Boost's Φ⁻¹ differs from ours by
// at most 1e-15 relative, which moves Φ(·) by at most about 1e-13 relative
// in the tails; the third, unlinked column is untouched.
TEST(CopulaLanes, MatchesBoostReferenceAndIsTheSameOnEveryTarget) {
    using StdNormal = boost::math::normal_distribution<double, sim::detail::BoostPolicy>;
    const double rank = 0.6;
    const sim::GaussianCopula copula(3, {{0, 2, rank}});
    const double rho = sim::GaussianCopula::pearson_from_spearman(rank);
    const auto u = lookup_uniforms(4001);
    const auto n = static_cast<Eigen::Index>(u.size());
    sim::BlockMatrix uniforms(n, 3);
    for (Eigen::Index r = 0; r < n; ++r) {
        uniforms(r, 0) = u[static_cast<std::size_t>(r)];
        uniforms(r, 1) = u[static_cast<std::size_t>((r + 5) % n)];
        uniforms(r, 2) = u[static_cast<std::size_t>((r * 7 + 3) % n)];
    }
    const auto results = sim::testing::on_every_simd_target([&] {
        sim::BlockMatrix out = uniforms;
        copula.apply(out);
        for (Eigen::Index r = 0; r < n; ++r) {
            const double z0 = boost::math::quantile(StdNormal{}, uniforms(r, 0));
            const double z2 = boost::math::quantile(StdNormal{}, uniforms(r, 2));
            const double p0 = boost::math::cdf(StdNormal{}, z0);
            const double p2 = boost::math::cdf(StdNormal{}, rho * z0 + std::sqrt(1 - rho * rho) * z2);
            EXPECT_NEAR(out(r, 0), std::clamp(p0, 0x1p-54, 1.0 - 0x1p-53), 1e-13 * std::min(p0, 1 - p0) + 0x1p-53);
            EXPECT_NEAR(out(r, 2), std::clamp(p2, 0x1p-54, 1.0 - 0x1p-53), 1e-13 * std::min(p2, 1 - p2) + 0x1p-53);
            EXPECT_EQ(out(r, 1), uniforms(r, 1));
            EXPECT_GT(out(r, 0), 0.0);
            EXPECT_LT(out(r, 2), 1.0);
        }
        return std::vector<double>(out.data(), out.data() + out.size());
    });
    for (const auto& r : results) EXPECT_EQ(r, results.front());
}

}  // namespace

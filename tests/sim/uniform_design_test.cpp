#include "sim/uniform_design.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <cmath>
#include <numbers>
#include <vector>

#include "sim/random_permutation.hpp"

namespace {

sim::BlockMatrix fill_in_blocks(const sim::UniformDesign& d, std::size_t block) {
    sim::BlockMatrix all(static_cast<Eigen::Index>(d.paths()), static_cast<Eigen::Index>(d.dimensions()));
    sim::BlockMatrix part;
    for (std::uint64_t first = 0; first < d.paths(); first += block) {
        const std::size_t size = std::min<std::uint64_t>(block, d.paths() - first);
        d.fill({first, size}, part);
        all.middleRows(static_cast<Eigen::Index>(first), static_cast<Eigen::Index>(size)) = part;
    }
    return all;
}

// Each of the n strata [k/n, (k+1)/n) of each dimension holds exactly one point.
void expect_one_point_per_stratum(const sim::BlockMatrix& u) {
    const auto n = u.rows();
    for (Eigen::Index d = 0; d < u.cols(); ++d) {
        std::vector<int> hits(static_cast<std::size_t>(n), 0);
        for (Eigen::Index i = 0; i < n; ++i) {
            ASSERT_GT(u(i, d), 0.0);
            ASSERT_LT(u(i, d), 1.0);
            hits[static_cast<std::size_t>(std::floor(u(i, d) * static_cast<double>(n)))]++;
        }
        for (std::size_t k = 0; k < hits.size(); ++k)
            ASSERT_EQ(hits[k], 1) << "dimension " << d << " stratum " << k;
    }
}

TEST(RandomPermutation, IsABijection) {
    for (std::uint64_t n : {1ULL, 2ULL, 3ULL, 17ULL, 1000ULL, 4096ULL, 5001ULL}) {
        const sim::RandomPermutation p(n, 99, 3);
        std::vector<int> seen(n, 0);
        for (std::uint64_t i = 0; i < n; ++i) seen[p(i)]++;
        for (std::uint64_t k = 0; k < n; ++k) ASSERT_EQ(seen[k], 1) << "n=" << n << " k=" << k;
    }
}

// The batched evaluation (a vector of indices at a time) is the same permutation,
// index by index, for any start and count, whole batches or not.
TEST(RandomPermutation, BatchedEqualsOneByOne) {
    for (std::uint64_t n : {1ULL, 3ULL, 17ULL, 1000ULL, 5001ULL, 100000ULL}) {
        const sim::RandomPermutation p(n, 7, 2);
        for (std::uint64_t first : {std::uint64_t{0}, n / 3}) {
            const std::size_t count = static_cast<std::size_t>(std::min<std::uint64_t>(n - first, 1037));
            std::vector<std::uint64_t> out(count);
            p.map(first, count, out.data());
            for (std::size_t k = 0; k < count; ++k) ASSERT_EQ(out[k], p(first + k)) << "n=" << n << " i=" << first + k;
        }
    }
}

TEST(RandomPermutation, DimensionsAreShuffledDifferently) {
    const sim::RandomPermutation a(1000, 5, 0), b(1000, 5, 1);
    int same = 0;
    for (std::uint64_t i = 0; i < 1000; ++i) same += a(i) == b(i);
    EXPECT_LT(same, 10);  // two random permutations share ~1 fixed point on average
}

TEST(LatinHypercube, EachStratumOfEachDimensionHoldsOnePoint) {
    for (std::uint64_t n : {1000ULL, 1237ULL, 1ULL << 14}) {
        const sim::UniformDesign d(sim::Sampling::lhs, 17, n, 6);
        expect_one_point_per_stratum(fill_in_blocks(d, 333));
    }
}

TEST(LatinHypercube, BlocksDoNotChangeThePoints) {
    const sim::UniformDesign d(sim::Sampling::lhs, 17, 5000, 4);
    EXPECT_EQ(fill_in_blocks(d, 5000), fill_in_blocks(d, 77));
}

TEST(LatinHypercube, DimensionsAreNearlyUncorrelated) {
    const sim::UniformDesign d(sim::Sampling::lhs, 3, 20000, 2);
    const sim::BlockMatrix u = fill_in_blocks(d, 4096);
    const Eigen::VectorXd a = u.col(0).array() - 0.5, b = u.col(1).array() - 0.5;
    const double r = a.dot(b) / std::sqrt(a.squaredNorm() * b.squaredNorm());
    EXPECT_LT(std::abs(r), 4 / std::sqrt(20000.0));
}

TEST(MonteCarlo, PointsAreInTheOpenUnitCubeAndBlockIndependent) {
    const sim::UniformDesign d(sim::Sampling::mc, 8, 3000, 5);
    const sim::BlockMatrix u = fill_in_blocks(d, 101);
    EXPECT_GT(u.minCoeff(), 0.0);
    EXPECT_LT(u.maxCoeff(), 1.0);
    EXPECT_EQ(u, fill_in_blocks(d, 3000));
    EXPECT_NEAR(u.mean(), 0.5, 4 * std::sqrt(1.0 / 12 / 15000));
}

// A digitally shifted Sobol sequence keeps the (0, m, 1)-net property of each
// one-dimensional projection: 2^m points, one in each interval [k/2^m, (k+1)/2^m).
TEST(Sobol, EachDimensionOfThe2PowMFirstPointsIsStratified) {
    const sim::UniformDesign d(sim::Sampling::sobol, 5, 1 << 12, 8);
    expect_one_point_per_stratum(fill_in_blocks(d, 1000));
}

// The unshifted sequence from Joe & Kuo's direction numbers begins
// (0,0), (½,½), (¾,¼), (¼,¾), (⅜,⅜), (⅞,⅞): every shifted point is that point
// XOR the shift, so pairwise XORs of the leading bits are shift-free.
TEST(Sobol, FirstPointsMatchPublishedSequenceUpToTheShift) {
    const sim::UniformDesign d(sim::Sampling::sobol, 12345, 6, 2);
    sim::BlockMatrix u;
    d.fill({0, 6}, u);
    const double published[6][2] = {{0, 0}, {0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}, {0.375, 0.375}, {0.875, 0.875}};
    for (int dim = 0; dim < 2; ++dim) {
        const auto bits = [](double x) { return static_cast<unsigned>(std::floor(x * 8)); };
        for (int i = 1; i < 6; ++i)
            EXPECT_EQ(bits(u(i, dim)) ^ bits(u(0, dim)), bits(published[i][dim])) << i << "," << dim;
    }
}

// ∫ Π_d (π/2) sin(π u_d) du = 1 over [0,1]^5. At equal N, scrambled Sobol's
// root-mean-square error over independent shifts beats plain Monte Carlo's.
TEST(Sobol, IntegratesASmoothFunctionBetterThanMonteCarlo) {
    const std::uint64_t n = 1 << 12;
    const auto rmse = [&](sim::Sampling s) {
        double sum_sq = 0;
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            const sim::UniformDesign d(s, seed, n, 5);
            sim::BlockMatrix u;
            d.fill({0, n}, u);
            double integral = 0;
            for (Eigen::Index i = 0; i < u.rows(); ++i) {
                double f = 1;
                for (Eigen::Index k = 0; k < 5; ++k) f *= std::numbers::pi / 2 * std::sin(std::numbers::pi * u(i, k));
                integral += f;
            }
            sum_sq += std::pow(integral / static_cast<double>(n) - 1.0, 2);
        }
        return std::sqrt(sum_sq / 10);
    };
    const double mc = rmse(sim::Sampling::mc), sobol = rmse(sim::Sampling::sobol);
    EXPECT_LT(sobol, mc / 5) << "sobol " << sobol << " vs mc " << mc;
}

TEST(Sobol, TooManyDimensionsIsAClearError) {
    EXPECT_THROW(sim::UniformDesign(sim::Sampling::sobol, 1, 10, sim::UniformDesign::max_sobol_dimensions() + 1),
                 sim::InvalidParameter);
}

// Named dimensions: under mc and lhs a column depends on its name, not on its
// position or on which other dimensions exist.
TEST(NamedDimensions, MonteCarloAndLatinHypercubeColumnsFollowTheirNames) {
    for (auto sampling : {sim::Sampling::mc, sim::Sampling::lhs}) {
        const sim::UniformDesign small(sampling, 99, 1000, std::vector<std::string>{"a", "b"});
        const sim::UniformDesign large(sampling, 99, 1000, std::vector<std::string>{"z", "b", "c", "a"});
        const auto u = fill_in_blocks(small, 128), v = fill_in_blocks(large, 300);
        EXPECT_TRUE(u.col(0) == v.col(3));
        EXPECT_TRUE(u.col(1) == v.col(1));
        EXPECT_FALSE(u.col(0) == u.col(1));
        if (sampling == sim::Sampling::lhs) expect_one_point_per_stratum(v);
    }
}

// Sobol gives its first coordinate to the first name in order.
TEST(NamedDimensions, SobolCoordinatesGoInNameOrder) {
    const sim::UniformDesign d(sim::Sampling::sobol, 12345, 6, std::vector<std::string>{"second", "first"});
    sim::BlockMatrix u;
    d.fill({0, 6}, u);
    const double published[6][2] = {{0, 0}, {0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}, {0.375, 0.375}, {0.875, 0.875}};
    const auto bits = [](double x) { return static_cast<unsigned>(std::floor(x * 8)); };
    for (int i = 1; i < 6; ++i) {
        EXPECT_EQ(bits(u(i, 1)) ^ bits(u(0, 1)), bits(published[i][0])) << i;
        EXPECT_EQ(bits(u(i, 0)) ^ bits(u(0, 0)), bits(published[i][1])) << i;
    }
}

TEST(NamedDimensions, TwoDimensionsCannotShareAName) {
    EXPECT_THROW(sim::UniformDesign(sim::Sampling::mc, 1, 10, std::vector<std::string>{"a", "b", "a"}),
                 sim::InvalidParameter);
}

}  // namespace

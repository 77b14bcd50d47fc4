// Φ and Φ⁻¹ in vector lanes against Boost's normal cdf and quantile (an
// independent implementation), on every SIMD target of this machine, and the
// same bits on all of them.
#include "sim/standard_normal.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "sim/distributions/boost_policy.hpp"
#include "tests/sim/simd_targets.hpp"

namespace {

using StdNormal = boost::math::normal_distribution<double, sim::detail::BoostPolicy>;

// Uniforms the engine produces: random ones over (0, 1) and far into both
// tails, every power of two down to 2^-54, the ends 2^-54 and 1 − 2^-53, and
// both sides of AS 241's range boundaries (0.075, 0.925, r = 5).
std::vector<double> normal_probe_uniforms() {
    std::vector<double> u;
    std::mt19937_64 bits(18);
    for (int i = 0; i < 200000; ++i) u.push_back(static_cast<double>((bits() >> 11) | 1) * 0x1p-53);
    for (int i = 0; i < 20000; ++i) u.push_back(std::exp(-37.0 * static_cast<double>(bits() >> 11) * 0x1p-53));
    for (int e = 1; e <= 54; ++e) {
        u.push_back(std::ldexp(1.0, -e));
        u.push_back(std::ldexp(1.5, -e));
        if (e <= 53) u.push_back(1.0 - std::ldexp(1.0, -e));
    }
    for (double edge : {0.075, 0.925, std::exp(-25.0), 1.0 - std::exp(-25.0), 0.5})
        for (double v : {std::nextafter(edge, 0.0), edge, std::nextafter(edge, 1.0)}) u.push_back(v);
    u.push_back(0x1p-54);
    u.push_back(1.0 - 0x1p-53);
    return u;
}

// Scores from −9 to 9 and the boundaries of the erfc ranges (|z|/√2 at 0.84375,
// 1.25, 1/0.35, 6), each with its neighbours.
std::vector<double> normal_probe_scores() {
    std::vector<double> z;
    std::mt19937_64 bits(81);
    for (int i = 0; i < 200000; ++i) z.push_back(-9.0 + 18.0 * static_cast<double>(bits() >> 11) * 0x1p-53);
    for (double x : {0.84375, 1.25, 1 / 0.35, 6.0, 0.25})
        for (double s : {-1.0, 1.0}) {
            const double edge = s * x * std::sqrt(2.0);
            for (double v : {std::nextafter(edge, -10.0), edge, std::nextafter(edge, 10.0)}) z.push_back(v);
        }
    for (double v : {0.0, -0.0, 1e-300, -1e-300, 0x1p-60, -0x1p-60, 8.3, -8.3, 37.0, -37.0}) z.push_back(v);
    return z;
}

double relative_to(double a, double b) { return b == 0 ? std::abs(a) : std::abs(a - b) / std::abs(b); }

// AS 241 is good to about 1e-16 relative; with rounding, measured worst
// 9.2e-16 against Boost (at u = 0.00775, in the middle range).
TEST(StandardNormal, InverseWithin1e15OfBoostOnEveryTarget) {
    const auto u = normal_probe_uniforms();
    const auto results = sim::testing::on_every_simd_target([&] {
        std::vector<double> z(u.size());
        sim::inverse_normal(u, z);
        double worst = 0;
        for (std::size_t i = 0; i < u.size(); ++i) {
            const double exact = boost::math::quantile(StdNormal{}, u[i]);
            worst = std::max(worst, relative_to(z[i], exact));
            EXPECT_LE(relative_to(z[i], exact), 1e-15) << "u = " << u[i];
        }
        RecordProperty("worst_relative_error", std::to_string(worst));
        return z;
    });
    for (const auto& z : results) EXPECT_EQ(z, results.front());  // bit for bit
}

// fdlibm's erfc is good to about 1 ulp; measured worst 5.1e-16 against Boost.
TEST(StandardNormal, CdfWithin1e15OfBoostOnEveryTarget) {
    const auto z = normal_probe_scores();
    const auto results = sim::testing::on_every_simd_target([&] {
        std::vector<double> p(z.size());
        sim::normal_cdf(z, p);
        for (std::size_t i = 0; i < z.size(); ++i)
            EXPECT_LE(relative_to(p[i], boost::math::cdf(StdNormal{}, z[i])), 1e-15) << "z = " << z[i];
        return p;
    });
    for (const auto& p : results) EXPECT_EQ(p, results.front());
}

// A value's result does not depend on where it falls in a block: full
// vectors, the padded last vector and one value alone agree, for block
// lengths that are not multiples of any lane count.
TEST(StandardNormal, ResultDoesNotDependOnPositionInTheBlock) {
    const auto u = normal_probe_uniforms();
    const auto z = normal_probe_scores();
    sim::testing::on_every_simd_target([&] {
        for (std::size_t length : {1u, 2u, 3u, 5u, 7u, 9u, 15u, 17u, 31u}) {
            std::vector<double> a(length), b(length);
            for (std::size_t start = 0; start + length <= 64; start += 3) {
                sim::inverse_normal({u.data() + u.size() - 64 + start, length}, a);
                sim::normal_cdf({z.data() + z.size() - 64 + start, length}, b);
                for (std::size_t k = 0; k < length; ++k) {
                    EXPECT_EQ(a[k], sim::inverse_normal(u[u.size() - 64 + start + k]));
                    EXPECT_EQ(b[k], sim::normal_cdf(z[z.size() - 64 + start + k]));
                }
            }
        }
    });
}

TEST(StandardNormal, KnownValuesAndSymmetry) {
    EXPECT_EQ(sim::inverse_normal(0.5), 0.0);
    EXPECT_EQ(sim::normal_cdf(0.0), 0.5);
    // Φ⁻¹(0.975) = 1.959963984540054 (Abramowitz & Stegun 26.2.23's table value 1.959964).
    EXPECT_NEAR(sim::inverse_normal(0.975), 1.959963984540054, 2e-15);
    EXPECT_NEAR(sim::normal_cdf(1.959963984540054), 0.975, 2e-16);
    // Dyadic u, so 1 − u and min(u, 1 − u) are exact on both sides.
    for (double u : {0x1p-40, 0x1p-10, 0.0625, 0.25, 0.375}) EXPECT_EQ(sim::inverse_normal(u), -sim::inverse_normal(1 - u)) << u;
    // The engine's extreme uniforms stay finite and inside the tables' ±8.3.
    EXPECT_GT(sim::inverse_normal(0x1p-54), -8.3);
    EXPECT_LT(sim::inverse_normal(1.0 - 0x1p-53), 8.3);
}

}  // namespace

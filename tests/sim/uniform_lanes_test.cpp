// The uniform design's vector kernels against the scalar code of the same
// equations (PhiloxStream, RandomPermutation's operator()), value by value and
// bit for bit, on every SIMD target of this machine.
#include "sim/uniform_lanes.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "sim/philox_stream.hpp"
#include "sim/random_permutation.hpp"
#include "sim/uniform_design.hpp"
#include "tests/sim/simd_targets.hpp"

namespace {

// Block lengths that are and are not multiples of 2, 4 and 8 lanes.
constexpr std::size_t lengths[] = {0, 1, 2, 3, 5, 7, 8, 9, 16, 17, 1003};

TEST(UniformLanes, KeyedUniformsEqualPhiloxStreamOnEveryTarget) {
    // Paths on both sides of 2^32, where the counter's second word turns over.
    const std::uint64_t firsts[] = {0, 12345, (std::uint64_t{1} << 32) - 500};
    const std::uint64_t keys[] = {0, 7, sim::name_key("licence cost"), ~std::uint64_t{0}};
    sim::testing::on_every_simd_target([&] {
        for (std::uint64_t seed : {std::uint64_t{1}, std::uint64_t{0x9e3779b97f4a7c15}})
            for (std::uint32_t stream : {sim::streams::sampling, sim::streams::lhs_jitter})
                for (std::uint64_t key : keys)
                    for (std::uint64_t first : firsts)
                        for (std::size_t n : lengths) {
                            std::vector<double> out(n);
                            sim::lanes::keyed_open_uniforms(seed, stream, key, first, out);
                            const sim::PhiloxStream philox(seed, stream);
                            for (std::size_t k = 0; k < n; ++k)
                                ASSERT_EQ(out[k], sim::PhiloxStream::to_open_unit(philox.keyed_bits(first + k, key)))
                                    << "path " << first + k << " key " << key;
                        }
    });
}

// The open-unit conversion at its ends: k = 0 becomes 2^-54, the largest k
// 1 − 2^-53; bits below the top 53 are dropped.
TEST(UniformLanes, OpenUnitEdgesEqualTheScalarConversion) {
    std::vector<std::uint64_t> bits = {0, 1, (1u << 11) - 1, 1u << 11, (1u << 12) + 5, ~std::uint64_t{0},
                                       ~std::uint64_t{0} << 11, std::uint64_t{1} << 63, (std::uint64_t{1} << 63) - 1};
    std::mt19937_64 random(3);
    for (int i = 0; i < 1000; ++i) bits.push_back(random());
    const auto results = sim::testing::on_every_simd_target([&] {
        std::vector<double> out(bits.size());
        sim::lanes::open_units(bits, out);
        for (std::size_t k = 0; k < bits.size(); ++k)
            EXPECT_EQ(out[k], sim::PhiloxStream::to_open_unit(bits[k])) << "bits " << bits[k];
        return out;
    });
    EXPECT_EQ(results.front()[0], 0x1p-54);
    EXPECT_EQ(results.front()[2], 0x1p-54);
    EXPECT_EQ(results.front()[3], 0x1p-53);
    EXPECT_EQ(results.front()[5], 1.0 - 0x1p-53);
}

// (stratum + jitter) · width, and 1 − 2^-53 where that reaches 1 (here
// forced with a width too large for the strata).
TEST(UniformLanes, LatinHypercubeEqualsTheScalarFormula) {
    sim::testing::on_every_simd_target([&] {
        for (double width : {1.0 / 1000.0, 1.0 / 3.0, 1.0})
            for (std::size_t n : lengths) {
                std::vector<std::uint64_t> strata(n);
                for (std::size_t k = 0; k < n; ++k) strata[k] = (k * 7919) % 1000;
                if (width == 1.0 / 3.0)
                    for (auto& s : strata) s %= 3;
                std::vector<double> out(n);
                const std::uint64_t seed = 42, key = 5, first = 99;
                sim::lanes::latin_hypercube(seed, sim::streams::lhs_jitter, key, first, strata, width, out);
                const sim::PhiloxStream jitter(seed, sim::streams::lhs_jitter);
                for (std::size_t k = 0; k < n; ++k) {
                    const double u = (static_cast<double>(strata[k]) +
                                      sim::PhiloxStream::to_open_unit(jitter.keyed_bits(first + k, key))) * width;
                    ASSERT_EQ(out[k], u < 1.0 ? u : 1.0 - 0x1p-53) << "k " << k << " width " << width;
                    ASSERT_LT(out[k], 1.0);
                }
            }
    });
}

// map() (the network in lanes, then cycle walking) is operator() index by
// index, for sizes with and without walking (not powers of four) and for
// counts that leave a partial vector.
TEST(UniformLanes, PermutationInLanesEqualsOneByOneOnEveryTarget) {
    sim::testing::on_every_simd_target([&] {
        for (std::uint64_t n : {1ULL, 2ULL, 5ULL, 17ULL, 1000ULL, 4096ULL, 5001ULL, (1ULL << 20) + 3, 1ULL << 33})
            for (std::uint64_t key : {0ULL, 3ULL, 0xdeadbeefcafef00dULL}) {
                const sim::RandomPermutation p(n, 11, key);
                for (std::uint64_t first : {std::uint64_t{0}, n / 2}) {
                    for (std::size_t count : lengths) {
                        const std::size_t c = static_cast<std::size_t>(std::min<std::uint64_t>(count, n - first));
                        std::vector<std::uint64_t> out(c);
                        p.map(first, c, out.data());
                        for (std::size_t k = 0; k < c; ++k)
                            ASSERT_EQ(out[k], p(first + k)) << "n " << n << " i " << first + k;
                    }
                }
            }
    });
}

// The whole design, mc and lhs, is the same on every target.
TEST(UniformLanes, DesignIsTheSameOnEveryTarget) {
    for (sim::Sampling sampling : {sim::Sampling::mc, sim::Sampling::lhs}) {
        const sim::UniformDesign design(sampling, 2024, 5003, std::vector<std::string>{"a", "b", "c"});
        const auto results = sim::testing::on_every_simd_target([&] {
            sim::BlockMatrix u;
            design.fill({1000, 1001}, u);
            return std::vector<double>(u.data(), u.data() + u.size());
        });
        for (const auto& r : results) EXPECT_EQ(r, results.front());
    }
}

}  // namespace

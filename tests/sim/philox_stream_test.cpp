#include "sim/philox_stream.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace {

// Random123's published known-answer vector for Philox4x32-10 with a zero key
// and counter: 6627e8d5 e169c58d bc57ac4c 9b00dbd8. Seed 0, stream 0, path 0
// puts exactly that key and counter in; dimensions 0 and 1 are its two halves.
TEST(PhiloxStream, ReproducesRandom123KnownAnswer) {
    const sim::PhiloxStream s(0, 0);
    EXPECT_EQ(s.bits(0, 0), 0x6627e8d5e169c58dULL);
    EXPECT_EQ(s.bits(0, 1), 0xbc57ac4c9b00dbd8ULL);
}

TEST(PhiloxStream, UniformIsOpenAndUses53Bits) {
    EXPECT_EQ(sim::PhiloxStream::to_open_unit(0), 0x1p-54);
    EXPECT_EQ(sim::PhiloxStream::to_open_unit(~0ULL), 1.0 - 0x1p-53);
    EXPECT_LT(sim::PhiloxStream::to_open_unit(~0ULL), 1.0);
    // The lowest of the 53 bits still moves the value.
    EXPECT_NE(sim::PhiloxStream::to_open_unit(1ULL << 11), sim::PhiloxStream::to_open_unit(2ULL << 11));
}

TEST(PhiloxStream, DrawsDependOnEveryCoordinate) {
    const sim::PhiloxStream a(42, 0), b(43, 0), c(42, 1);
    EXPECT_EQ(a.uniform(7, 3), sim::PhiloxStream(42, 0).uniform(7, 3));
    EXPECT_NE(a.uniform(7, 3), b.uniform(7, 3));
    EXPECT_NE(a.uniform(7, 3), c.uniform(7, 3));
    EXPECT_NE(a.uniform(7, 3), a.uniform(8, 3));
    EXPECT_NE(a.uniform(7, 3), a.uniform(7, 2));
    EXPECT_NE(a.uniform(1ULL << 32, 0), a.uniform(0, 0));  // high path bits matter
}

TEST(PhiloxStream, UniformMomentsMatchU01) {
    const sim::PhiloxStream s(2024, 0);
    const int n = 200000;
    double sum = 0, sum2 = 0;
    for (int i = 0; i < n; ++i) {
        const double u = s.uniform(static_cast<std::uint64_t>(i), 5);
        ASSERT_GT(u, 0.0);
        ASSERT_LT(u, 1.0);
        sum += u;
        sum2 += u * u;
    }
    const double mean = sum / n, var = sum2 / n - mean * mean;
    EXPECT_NEAR(mean, 0.5, 4 * std::sqrt(1.0 / 12 / n));
    EXPECT_NEAR(var, 1.0 / 12, 4 * std::sqrt(1.0 / 180 / n));  // Var((U − ½)²) = 1/80 − 1/144
}

}  // namespace

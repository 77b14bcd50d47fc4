// Numbers in messages, as a person reads them: written by hand from the
// values, not from the function's output.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "sim/format_number.hpp"

namespace {

using sim::format_number;
using sim::format_rounded;

TEST(FormatNumber, ShowsTheValueWrittenWithThousandsSeparators) {
    EXPECT_EQ(format_number(0), "0");
    EXPECT_EQ(format_number(-0.0), "0");
    EXPECT_EQ(format_number(7), "7");
    EXPECT_EQ(format_number(20000), "20,000");
    EXPECT_EQ(format_number(226700), "226,700");
    EXPECT_EQ(format_number(-1234.5), "-1,234.5");
    EXPECT_EQ(format_number(1234567.125), "1,234,567.125");
    EXPECT_EQ(format_number(0.1), "0.1");
    EXPECT_EQ(format_number(0.05), "0.05");
    EXPECT_EQ(format_number(0.00005), "0.00005");
    EXPECT_EQ(format_number(999), "999");
    EXPECT_EQ(format_number(1000), "1,000");
    // Twelve significant digits written by a user are kept as written.
    EXPECT_EQ(format_number(1.00000000001), "1.00000000001");
}

TEST(FormatNumber, RoundsTheNoiseOfArithmetic) {
    EXPECT_EQ(format_number(std::exp(std::log(0.05))), "0.05");  // 0.05000000000000001
    EXPECT_EQ(format_number(0.1 + 0.2), "0.3");                  // 0.30000000000000004
    EXPECT_EQ(format_number(1.0 / 3.0), "0.333333333333");
}

TEST(FormatNumber, NeverInENotation) {
    EXPECT_EQ(format_number(1e15), "1 × 10^15");
    EXPECT_EQ(format_number(-1.5e20), "-1.5 × 10^20");
    EXPECT_EQ(format_number(3e-9), "3 × 10^-9");
    EXPECT_EQ(format_number(1e-6), "0.000001");
    EXPECT_EQ(format_number(999999999999.0), "999,999,999,999");
    EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "infinity");
    EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "-infinity");
    EXPECT_EQ(format_number(std::nan("")), "NaN");
}

TEST(FormatRounded, KeepsTheSignificantDigitsAsked) {
    EXPECT_EQ(format_rounded(226712.3, 4), "226,700");
    EXPECT_EQ(format_rounded(0.051234, 3), "0.0512");
    EXPECT_EQ(format_rounded(1.25, 4), "1.25");
    EXPECT_EQ(format_rounded(9.99996, 4), "10");
    EXPECT_EQ(format_rounded(-0.000123456, 2), "-0.00012");
    EXPECT_EQ(format_rounded(2.5e16, 3), "2.5 × 10^16");
}

TEST(FormatNumber, InsideAListWithoutSeparators) {
    EXPECT_EQ(sim::format_number(250000, false), "250000");
    EXPECT_EQ(sim::format_number(-1234.5, false), "-1234.5");
}

TEST(FormatWhole, GroupsEveryDigitExactly) {
    EXPECT_EQ(sim::format_whole(std::int64_t{0}), "0");
    EXPECT_EQ(sim::format_whole(std::int64_t{-1000}), "-1,000");
    EXPECT_EQ(sim::format_whole(std::numeric_limits<std::int64_t>::max()), "9,223,372,036,854,775,807");
    EXPECT_EQ(sim::format_whole(std::numeric_limits<std::int64_t>::min()), "-9,223,372,036,854,775,808");
    EXPECT_EQ(sim::format_whole(std::numeric_limits<std::uint64_t>::max()), "18,446,744,073,709,551,615");
}

}  // namespace

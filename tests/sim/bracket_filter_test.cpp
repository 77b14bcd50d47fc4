// filter_bracket, the SIMD pass of the bracketed percentiles, against the
// definition applied value by value, on every SIMD target the machine has.
#include "sim/bracket_filter.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "sim/philox_stream.hpp"
#include "tests/sim/simd_targets.hpp"

namespace {

template <class T>
struct Expected {
    std::size_t below = 0, above = 0;
    std::vector<T> inside;
};

template <class T>
Expected<T> by_definition(const std::vector<T>& v, T low, T high) {
    Expected<T> e;
    for (const T x : v) {
        if (x < low) ++e.below;
        if (x > high) ++e.above;
        if (x >= low && x <= high) e.inside.push_back(x);
    }
    return e;
}

// Values around the bracket, on its bounds, NaN and ±∞ among them; every
// length from 0 to 70 (partial vectors on every target) and a long one.
template <class T>
std::vector<std::vector<T>> columns() {
    const sim::PhiloxStream rng(5, 1);
    const T inf = std::numeric_limits<T>::infinity();
    std::vector<std::vector<T>> out;
    for (std::size_t n : {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 70, 10007}) {
        std::vector<T> v(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double u = rng.uniform(i + 100000 * n, 0);
            v[i] = u < 0.05 ? T(NAN) : u < 0.08 ? inf : u < 0.11 ? -inf : u < 0.16 ? T(-1) : u < 0.21 ? T(2) : T(8 * u - 3);
        }
        out.push_back(v);
    }
    return out;
}

template <class T>
void check() {
    const T inf = std::numeric_limits<T>::infinity();
    for (const auto& v : columns<T>())
        for (const auto& bounds : {std::pair<T, T>{-1, 2}, {0.5, 0.5}, {-inf, 0}, {1, inf}, {-inf, inf}, {9, 10}}) {
            const T low = bounds.first, high = bounds.second;  // named, so that the lambda below can capture them
            const Expected<T> e = by_definition(v, low, high);
            sim::testing::on_every_simd_target([&] {
                std::vector<T> inside(v.size() + sim::bracket_filter_padding, T(-7));
                const sim::BracketCount c = sim::filter_bracket(std::span<const T>(v), low, high, inside.data());
                EXPECT_EQ(c.below, e.below) << "n=" << v.size() << " [" << low << ", " << high << "]";
                EXPECT_EQ(c.above, e.above) << "n=" << v.size() << " [" << low << ", " << high << "]";
                ASSERT_EQ(c.in, e.inside.size()) << "n=" << v.size() << " [" << low << ", " << high << "]";
                for (std::size_t i = 0; i < c.in; ++i) EXPECT_EQ(inside[i], e.inside[i]) << "at " << i;
            });
        }
}

TEST(BracketFilter, FloatsAsTheDefinitionOnEveryTarget) { check<float>(); }
TEST(BracketFilter, DoublesAsTheDefinitionOnEveryTarget) { check<double>(); }

}  // namespace

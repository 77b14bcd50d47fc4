#include "sim/polynomial.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace {

// Integer coefficients and x ∈ {2, −3, ½}: every term and partial sum below is
// exact in a double, so the chained evaluation must agree to the last bit with
// the term-by-term sums p = Σ c_k x^k and p' = Σ k·c_k x^(k−1).
double coefficient(std::size_t k) { return static_cast<double>(static_cast<int>(k % 7) - 3); }

TEST(Polynomial, ValueAndSlopeEqualTheTermByTermSumsForEveryLength) {
    for (const double x : {2.0, -3.0, 0.5}) {
        for (std::size_t n = 0; n <= 20; ++n) {
            double value = 0, slope = 0;
            for (std::size_t k = 0; k < n; ++k) {
                value += coefficient(k) * std::pow(x, static_cast<double>(k));
                if (k > 0) slope += static_cast<double>(k) * coefficient(k) * std::pow(x, static_cast<double>(k - 1));
            }
            SCOPED_TRACE(testing::Message() << "x = " << x << ", n = " << n);
            EXPECT_EQ(sim::polynomial(n, x, coefficient), value);
            const auto [v, s] = sim::polynomial_and_derivative(n, x, coefficient);
            EXPECT_EQ(v, value);
            EXPECT_EQ(s, slope);
        }
    }
}

TEST(Polynomial, AHandWorkedCubic) {
    // p(x) = 1 − 2x + 3x³: p(2) = 1 − 4 + 24 = 21, p'(x) = −2 + 9x², p'(2) = 34.
    const double c[] = {1, -2, 0, 3};
    const auto [v, s] = sim::polynomial_and_derivative(4, 2.0, [&](std::size_t k) { return c[k]; });
    EXPECT_EQ(v, 21.0);
    EXPECT_EQ(s, 34.0);
}

}  // namespace

#pragma once

#include <cstddef>
#include <utility>

namespace sim {

// Σ coefficient(k)·x^k for k < n by four Horner chains in x⁴ (Estrin-like):
// the chains do not wait on one another, so the CPU overlaps them, where one
// chain of n dependent multiply-adds would not.
template <class Coefficient>
double polynomial(std::size_t n, double x, Coefficient coefficient) {
    const double x2 = x * x, x4 = x2 * x2;
    double v[4] = {0, 0, 0, 0};
    std::size_t k = n;
    while (k % 4 != 0) {
        --k;
        v[k % 4] = v[k % 4] * x4 + coefficient(k);
    }
    for (; k > 0; k -= 4) {
        v[3] = v[3] * x4 + coefficient(k - 1);
        v[2] = v[2] * x4 + coefficient(k - 2);
        v[1] = v[1] * x4 + coefficient(k - 3);
        v[0] = v[0] * x4 + coefficient(k - 4);
    }
    return v[0] + x * (v[1] + x * (v[2] + x * v[3]));
}

// The same polynomial and its derivative in one pass: each chain P_j(y),
// y = x⁴, carries its derivative P_j'(y) by Horner (d = d·y + P before P is
// updated), so p' = Σ j·x^(j−1)·P_j + 4x³·Σ x^j·P_j' needs no second read.
template <class Coefficient>
std::pair<double, double> polynomial_and_derivative(std::size_t n, double x, Coefficient coefficient) {
    const double x2 = x * x, x4 = x2 * x2;
    double v[4] = {0, 0, 0, 0}, d[4] = {0, 0, 0, 0};
    std::size_t k = n;
    while (k % 4 != 0) {
        --k;
        d[k % 4] = d[k % 4] * x4 + v[k % 4];
        v[k % 4] = v[k % 4] * x4 + coefficient(k);
    }
    for (; k > 0; k -= 4) {
        for (std::size_t j = 0; j < 4; ++j) d[j] = d[j] * x4 + v[j];
        v[3] = v[3] * x4 + coefficient(k - 1);
        v[2] = v[2] * x4 + coefficient(k - 2);
        v[1] = v[1] * x4 + coefficient(k - 3);
        v[0] = v[0] * x4 + coefficient(k - 4);
    }
    const double value = v[0] + x * (v[1] + x * (v[2] + x * v[3]));
    const double slope =
        v[1] + x * (2 * v[2] + x * 3 * v[3]) + 4 * x2 * x * (d[0] + x * (d[1] + x * (d[2] + x * d[3])));
    return {value, slope};
}

}  // namespace sim

#pragma once

#include <span>

namespace sim {

// The standard normal cdf Φ and its inverse over arrays, in SIMD vector
// lanes (sim/vector_lanes.hpp): the same bits on every target. Φ⁻¹ is
// Wichura's AS 241 and Φ is fdlibm's erfc, both within a few ulp of Boost's
// quantile and cdf (measured in tests/sim/standard_normal_test.cpp) and about
// ten times faster.

// z[i] = Φ⁻¹(u[i]), for 0 < u[i] < 1. z.size() >= u.size().
void inverse_normal(std::span<const double> u, std::span<double> z);
// p[i] = Φ(z[i]). p.size() >= z.size().
void normal_cdf(std::span<const double> z, std::span<double> p);

// One value through the same lanes: the same bits as the array forms.
double inverse_normal(double u);
double normal_cdf(double z);

}  // namespace sim

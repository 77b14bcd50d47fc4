#pragma once

#include <functional>
#include <span>
#include <vector>

namespace sim {

// A quantile function Q(u) tabulated for speed, for kinds whose exact inverse
// is an iterative solver (Beta, PERT, Gamma: about 2 µs a draw in Boost).
//
// The table holds Q(Φ(z)) on a uniform grid in z = Φ⁻¹(u), z ∈ [−8.3, 8.3],
// which covers every uniform the engine produces (2^-54 … 1 − 2^-53). In z the
// curve is smooth even where Q(u) has an infinite slope at 0 or 1. Between
// grid points it is a monotone cubic (Fritsch & Carlson 1980, PCHIP), so draws
// keep their order and Latin hypercube strata stay intact. The error bound is
// measured against the exact quantile in tests/sim/tabulated_quantile_test.cpp.
class TabulatedQuantile {
public:
    static constexpr double z_max = 8.3;

    // q_of_z(z) must be the exact Q(Φ(z)); it is called intervals + 1 times.
    TabulatedQuantile(const std::function<double(double)>& q_of_z, std::size_t intervals = 2048);
    // The values q_of_z takes at the grid points, from the lowest: the costly
    // part of a table, which inputs of one shape share (sim::table_shape).
    static std::vector<double> nodes(const std::function<double(double)>& q_of_z, std::size_t intervals = 2048);
    // The table through those values (at least two).
    explicit TabulatedQuantile(std::vector<double> nodes);

    // Q(u) = at_z(Φ⁻¹(u)), Φ⁻¹ from sim/standard_normal.hpp.
    double operator()(double u) const;
    double at_z(double z) const;
    // out[i] = clamp(Q(u[i]), low, high) in SIMD vector lanes, to the bit the
    // same as the scalar expression (sim/tabulated_quantile_lanes.cpp).
    void at_uniforms(std::span<const double> u, std::span<double> out, double low, double high) const;

private:
    double h_, inv_h_;
    std::vector<double> q_, slope_;  // values and PCHIP derivatives (dQ/dz) at the grid points
};

}  // namespace sim

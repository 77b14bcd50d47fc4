// TabulatedQuantile::at_uniforms in SIMD vector lanes (sim/vector_lanes.hpp).
#include <cstddef>

#include "sim/tabulated_quantile.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "sim/tabulated_quantile_lanes.cpp"
#include <hwy/foreach_target.h>
#include <hwy/highway.h>

#include "sim/vector_math-inl.hpp"

HWY_BEFORE_NAMESPACE();
namespace sim {
namespace HWY_NAMESPACE {

// clamp(at_z(Φ⁻¹(u)), low, high): the same operations, in the same order, as
// TabulatedQuantile::at_z, with the grid values gathered lane by lane.
void TabulatedLanes(const double* q, const double* slope, std::size_t points, double h, double inv_h, double low,
                    double high, const double* u, double* out, std::size_t n) {
    const hn::ScalableTag<double> d;
    const hn::RebindToSigned<decltype(d)> di;
    const auto last = hn::Set(d, static_cast<double>(points - 1));
    const auto last_interval = hn::Set(di, static_cast<std::int64_t>(points - 2));
    const auto z_max = hn::Set(d, TabulatedQuantile::z_max);
    const auto step = hn::Set(d, h), inv_step = hn::Set(d, inv_h);
    const auto one = hn::Set(d, 1.0), two = hn::Set(d, 2.0), three = hn::Set(d, 3.0);
    MapLanes(d, u, out, n, 0.5, [&](hn::Vec<decltype(d)> v) HWY_ATTR {
        const auto z = InverseNormal(d, v);
        const auto x = hn::Min(hn::Max(hn::Mul(hn::Add(z, z_max), inv_step), hn::Zero(d)), last);
        const auto i = hn::Min(hn::ConvertTo(di, x), last_interval);
        const auto t = hn::Sub(x, hn::ConvertTo(d, i));
        const auto t2 = hn::Mul(t, t), t3 = hn::Mul(t2, t);
        const auto q0 = hn::GatherIndex(d, q, i), q1 = hn::GatherIndex(d, q + 1, i);
        const auto s0 = hn::GatherIndex(d, slope, i), s1 = hn::GatherIndex(d, slope + 1, i);
        const auto h00 = hn::Add(hn::Sub(hn::Mul(two, t3), hn::Mul(three, t2)), one);
        const auto h10 = hn::Add(hn::Sub(t3, hn::Mul(two, t2)), t);
        const auto h01 = hn::Sub(hn::Mul(three, t2), hn::Mul(two, t3));
        const auto h11 = hn::Sub(t3, t2);
        const auto value = hn::Add(hn::Add(hn::Add(hn::Mul(h00, q0), hn::Mul(hn::Mul(h10, step), s0)), hn::Mul(h01, q1)),
                                   hn::Mul(hn::Mul(h11, step), s1));
        return hn::Min(hn::Max(value, hn::Set(d, low)), hn::Set(d, high));
    });
}

}  // namespace HWY_NAMESPACE
}  // namespace sim
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace sim {

HWY_EXPORT(TabulatedLanes);

void TabulatedQuantile::at_uniforms(std::span<const double> u, std::span<double> out, double low,
                                    double high) const {
    HWY_DYNAMIC_DISPATCH(TabulatedLanes)(q_.data(), slope_.data(), q_.size(), h_, inv_h_, low, high, u.data(),
                                         out.data(), u.size());
}

}  // namespace sim
#endif

#include "sim/standard_normal.hpp"

#include <cstddef>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "sim/standard_normal.cpp"
#include <hwy/foreach_target.h>
#include <hwy/highway.h>

#include "sim/vector_math-inl.hpp"

HWY_BEFORE_NAMESPACE();
namespace sim {
namespace HWY_NAMESPACE {

void InverseNormalLanes(const double* u, double* z, std::size_t n) {
    const hn::ScalableTag<double> d;
    MapLanes(d, u, z, n, 0.5, [d](hn::Vec<decltype(d)> v) HWY_ATTR { return InverseNormal(d, v); });
}

void NormalCdfLanes(const double* z, double* p, std::size_t n) {
    const hn::ScalableTag<double> d;
    MapLanes(d, z, p, n, 0.0, [d](hn::Vec<decltype(d)> v) HWY_ATTR { return NormalCdf(d, v); });
}

}  // namespace HWY_NAMESPACE
}  // namespace sim
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace sim {

HWY_EXPORT(InverseNormalLanes);
HWY_EXPORT(NormalCdfLanes);

void inverse_normal(std::span<const double> u, std::span<double> z) {
    HWY_DYNAMIC_DISPATCH(InverseNormalLanes)(u.data(), z.data(), u.size());
}

void normal_cdf(std::span<const double> z, std::span<double> p) {
    HWY_DYNAMIC_DISPATCH(NormalCdfLanes)(z.data(), p.data(), z.size());
}

double inverse_normal(double u) {
    double z = 0;
    HWY_DYNAMIC_DISPATCH(InverseNormalLanes)(&u, &z, 1);
    return z;
}

double normal_cdf(double z) {
    double p = 0;
    HWY_DYNAMIC_DISPATCH(NormalCdfLanes)(&z, &p, 1);
    return p;
}

}  // namespace sim
#endif

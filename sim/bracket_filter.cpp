// filter_bracket in SIMD vector lanes (sim/vector_lanes.hpp).
#include "sim/bracket_filter.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "sim/bracket_filter.cpp"
#include <hwy/foreach_target.h>
#include <hwy/highway.h>

HWY_BEFORE_NAMESPACE();
namespace sim {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <class T>
BracketCount Filter(const T* v, std::size_t n, T low, T high, T* inside) {
    const hn::ScalableTag<T> d;
    const std::size_t lanes = hn::Lanes(d);
    const auto lo = hn::Set(d, low), hi = hn::Set(d, high);
    BracketCount c;
    std::size_t i = 0;
    for (; i + lanes <= n; i += lanes) {
        const auto x = hn::LoadU(d, v + i);
        const auto below = hn::Lt(x, lo), above = hn::Gt(x, hi);
        c.below += hn::CountTrue(d, below);
        c.above += hn::CountTrue(d, above);
        c.in += hn::CompressStore(x, hn::And(hn::Ge(x, lo), hn::Le(x, hi)), d, inside + c.in);
    }
    for (; i < n; ++i) {
        const T x = v[i];
        c.below += x < low;
        c.above += x > high;
        if (x >= low && x <= high) inside[c.in++] = x;
    }
    return c;
}

BracketCount FilterFloats(const float* v, std::size_t n, float low, float high, float* inside) {
    return Filter(v, n, low, high, inside);
}
BracketCount FilterDoubles(const double* v, std::size_t n, double low, double high, double* inside) {
    return Filter(v, n, low, high, inside);
}

}  // namespace HWY_NAMESPACE
}  // namespace sim
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace sim {

HWY_EXPORT(FilterFloats);
HWY_EXPORT(FilterDoubles);

BracketCount filter_bracket(std::span<const float> v, float low, float high, float* inside) {
    return HWY_DYNAMIC_DISPATCH(FilterFloats)(v.data(), v.size(), low, high, inside);
}
BracketCount filter_bracket(std::span<const double> v, double low, double high, double* inside) {
    return HWY_DYNAMIC_DISPATCH(FilterDoubles)(v.data(), v.size(), low, high, inside);
}

}  // namespace sim
#endif

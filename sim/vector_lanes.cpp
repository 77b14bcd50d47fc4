#include "sim/vector_lanes.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "sim/vector_lanes.cpp"
#include <hwy/foreach_target.h>
#include <hwy/highway.h>

HWY_BEFORE_NAMESPACE();
namespace sim {
namespace HWY_NAMESPACE {
std::int64_t TargetBit() { return HWY_TARGET; }
}  // namespace HWY_NAMESPACE
}  // namespace sim
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace sim {

HWY_EXPORT(TargetBit);

std::int64_t simd_target_bit() { return HWY_DYNAMIC_DISPATCH(TargetBit)(); }

std::string simd_target() { return hwy::TargetName(simd_target_bit()); }

}  // namespace sim
#endif

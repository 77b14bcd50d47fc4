#pragma once

#include <gtest/gtest.h>
#include <hwy/targets.h>

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "sim/vector_lanes.hpp"

namespace sim::testing {

// Every SIMD target this machine supports and this build compiled, best first.
inline std::vector<std::int64_t> simd_targets() { return hwy::SupportedAndGeneratedTargets(); }

// While alive, the dispatcher uses `target` only (Highway's test hook); on
// destruction it chooses by the CPU again.
class ForcedSimdTarget {
public:
    explicit ForcedSimdTarget(std::int64_t target) {
        hwy::SetSupportedTargetsForTest(target);
        // A kernel that reports its own target: the force took effect.
        EXPECT_EQ(sim::simd_target_bit(), target) << hwy::TargetName(target);
    }
    ~ForcedSimdTarget() { hwy::SetSupportedTargetsForTest(0); }
    ForcedSimdTarget(const ForcedSimdTarget&) = delete;
    ForcedSimdTarget& operator=(const ForcedSimdTarget&) = delete;
};

// f() once per target, under a trace that names it. A value-returning f's
// results come back in target order, so a test can compare them.
template <class F>
auto on_every_simd_target(F f) {
    using Result = decltype(f());
    if constexpr (std::is_void_v<Result>) {
        for (const std::int64_t target : simd_targets()) {
            SCOPED_TRACE(std::string("SIMD target ") + hwy::TargetName(target));
            const ForcedSimdTarget forced(target);
            f();
        }
    } else {
        std::vector<Result> results;
        for (const std::int64_t target : simd_targets()) {
            SCOPED_TRACE(std::string("SIMD target ") + hwy::TargetName(target));
            const ForcedSimdTarget forced(target);
            results.push_back(f());
        }
        return results;
    }
}

}  // namespace sim::testing

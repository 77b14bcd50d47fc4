#pragma once

#include <cstdint>
#include <string>

// How a kernel runs on blocks of paths in SIMD vector lanes here.
//
// One Release binary serves every x86-64 CPU: Google Highway (Debian's
// libhwy-dev, CMake target hwy::hwy) compiles a kernel once per target
// (EMU128, SSSE3, SSE4, AVX2, AVX3 = AVX-512, AVX3_DL) and picks the best one
// the CPU supports at the first call. No -march flag anywhere.
//
// Results must not depend on the target, so the numbers of a run are the same
// on every machine kind and whichever target is chosen:
//   - one lane is one path (or one value); lanes never combine (no horizontal
//     sums, whose order would follow the vector width);
//   - only correctly rounded operations: Add, Sub, Mul, Div, Sqrt, Min, Max,
//     Floor, compares and selects, integer and bit operations; never MulAdd
//     or a Highway function that may use one (ConvertTo from uint64, Exp and
//     Log of hwy/contrib/math); log, exp, erfc, Φ and Φ⁻¹ come from
//     sim/vector_math-inl.hpp, built from those operations only;
//   - the dispatched source is compiled with -ffp-contract=off
//     (roicast_dispatched_sources() in the top CMakeLists.txt), so the
//     compiler does not fuse a Mul and an Add on AVX2 and AVX-512 either;
//   - a partial last vector is padded and run through the same code
//     (MapLanes in sim/vector_math-inl.hpp).
//
// A dispatched source, e.g. sim/standard_normal.cpp, reads:
//
//   #undef HWY_TARGET_INCLUDE
//   #define HWY_TARGET_INCLUDE "sim/standard_normal.cpp"  // this file
//   #include <hwy/foreach_target.h>  // re-includes this file per target
//   #include <hwy/highway.h>
//   #include "sim/vector_math-inl.hpp"
//
//   HWY_BEFORE_NAMESPACE();
//   namespace sim::HWY_NAMESPACE {  // one copy per target
//   void InverseNormalLanes(const double* u, double* z, std::size_t n) { … }
//   }
//   HWY_AFTER_NAMESPACE();
//
//   #if HWY_ONCE  // once: the table of targets and the plain C++ entry point
//   namespace sim {
//   HWY_EXPORT(InverseNormalLanes);
//   void inverse_normal(std::span<const double> u, std::span<double> z) {
//       HWY_DYNAMIC_DISPATCH(InverseNormalLanes)(u.data(), z.data(), u.size());
//   }
//   }
//   #endif
//
// Its header declares only the plain entry point; callers never see Highway.
// Tests run a kernel on every target the machine has, forcing each with
// hwy::SetSupportedTargetsForTest (tests/sim/simd_targets.hpp), and compare
// it value by value with the scalar code of the same equations.

namespace sim {

// The target the dispatcher uses now, e.g. "AVX3" (for logs and tests).
std::string simd_target();
// Its Highway bit (HWY_AVX2, …), to check that a forced target took effect.
std::int64_t simd_target_bit();

}  // namespace sim

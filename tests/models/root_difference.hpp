#pragma once

#include <algorithm>
#include <cmath>

namespace test {

// The relative difference of the monthly roots x = 1 + i behind two annual
// rates r = x^12 − 1: dr = 12·x^12·dx/x, so dx/x = dr / (12·(1 + r)). (An
// annual rate near 0 carries fewer significant digits than its root.)
inline double root_difference(double a, double b) {
    return a == b ? 0.0 : std::abs(a - b) / (12 * (1 + std::max(a, b)));
}

}  // namespace test

#pragma once

#include <functional>
#include <vector>

#include "sim/sensitivity/ranking.hpp"

namespace sim {

// One input's tornado bar: the output with that input at its low and high
// quantile, every other input at its median.
struct TornadoBar {
    std::size_t input = 0;
    double low_output = 0, high_output = 0;
    double swing() const { return high_output - low_output; }
};

struct Tornado {
    double base = 0;  // all inputs at their medians
    std::vector<TornadoBar> bars;
    std::vector<Importance> ranking;  // by |swing|
};

// One-at-a-time runs. evaluate(u) maps a point of uniforms (one per input)
// to the output; u = 0.5 everywhere is the base case. Each input goes to its
// low_u and high_u quantile in turn (P10 and P90 by default).
Tornado tornado(std::size_t inputs, const std::function<double(const std::vector<double>&)>& evaluate,
                double low_u = 0.10, double high_u = 0.90);

}  // namespace sim

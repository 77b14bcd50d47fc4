#pragma once

#include <functional>
#include <span>
#include <vector>

#include "sim/block.hpp"
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

// The 2d + 1 points of a one-at-a-time design in uniforms: row 0 has every
// input at u = 0.5 (its median); rows 2j + 1 and 2j + 2 move input j to low_u
// and high_u (P10 and P90 by default).
BlockMatrix tornado_points(std::size_t inputs, double low_u = 0.10, double high_u = 0.90);

// Bars from the outputs at those points, for the listed inputs.
Tornado tornado_from_outputs(std::span<const double> outputs, std::span<const std::size_t> inputs);

// The same for a model given as a function of a point of uniforms.
Tornado tornado(std::size_t inputs, const std::function<double(const std::vector<double>&)>& evaluate,
                double low_u = 0.10, double high_u = 0.90);

}  // namespace sim

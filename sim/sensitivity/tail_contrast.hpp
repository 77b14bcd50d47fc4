#pragma once

#include <Eigen/Core>
#include <vector>

#include "sim/sensitivity/ranking.hpp"

namespace sim {

// Which end of the output is the bad one: low values (an NPV, a ROI) or high
// ones (a time to payback).
enum class BadTail { low, high };

// What sets the worst paths apart, read off one Monte Carlo sample: inputs x
// (a row per path, a column per input) and the output y. The tail is the
// paths with y at or below its `share` percentile (BadTail::low) or at or
// above its 1 − share percentile (BadTail::high), percentiles by linear
// interpolation (NumPy's default). Per input:
//   value = (median of x_j over the tail − median of x_j over all paths) / sd(x_j),
// so −1.5 says the worst paths drew that input 1.5 standard deviations below
// its usual value. Rows where y is NaN (an undefined metric) are left out; a
// constant input scores 0. Ranked by |value|.
std::vector<Importance> tail_contrast(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, BadTail bad = BadTail::low,
                                      double share = 0.10);

}  // namespace sim

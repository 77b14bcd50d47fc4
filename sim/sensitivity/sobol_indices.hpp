#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "sim/sensitivity/ranking.hpp"

namespace sim {

// Outputs of a Saltelli design: y_a = f(A), y_b = f(B) and, per input j,
// y_ab.col(j) = f(A with column j taken from B), for N base rows.
struct SaltelliOutputs {
    Eigen::VectorXd y_a, y_b;
    Eigen::MatrixXd y_ab;  // N × d
};

struct SobolIndices {
    std::vector<Importance> first, total;  // ranked, with bootstrap 95 % intervals
    double variance = 0;
    std::size_t rows_used = 0;  // base rows where every output was defined
};

// First order by Saltelli et al. (2010), S_j = mean(y_b·(y_ab_j − y_a)) / V;
// total by Jansen (1999), S_Tj = mean((y_a − y_ab_j)²) / (2V); V the variance
// of y_a and y_b together. Base rows with an undefined output are dropped.
// Intervals: percentile bootstrap over base rows, resampled from a
// counter-based stream, so they are reproducible.
SobolIndices sobol_indices(const SaltelliOutputs& y, std::uint64_t seed, int bootstrap_samples = 200);

}  // namespace sim

#pragma once

#include <Eigen/Core>
#include <vector>

#include "sim/sensitivity/ranking.hpp"

namespace sim {

// Value of information for a choice among alternatives, from a Monte Carlo
// sample of their net benefits (a row per path, a column per alternative;
// include a column of zeros for "do nothing" if it is a choice).

struct Evpi {
    double value = 0;        // E[max_k NB_k] − max_k E[NB_k]
    double ci_low = 0, ci_high = 0;  // mean ± 1.96·sd/√n of the per-path regret
    std::size_t best = 0;    // the alternative chosen on expected value
};

// Expected value of perfect information: the mean, over paths, of the regret
// max_k NB_k − NB_best of the alternative chosen on expected value.
Evpi expected_value_of_perfect_information(const Eigen::MatrixXd& net_benefit);

// Expected value of partial perfect information about each input alone, by
// the single-parameter binning method (Strong & Oakley 2013): paths are
// grouped into `bins` equal-count bins of the input; EVPPI = mean over bins of
// max_k (bin mean of NB_k) − max_k E[NB_k]. Slightly biased upwards by noise
// within bins (so near-zero values mean "worth nothing").
std::vector<Importance> expected_value_of_partial_information(const Eigen::MatrixXd& inputs,
                                                              const Eigen::MatrixXd& net_benefit,
                                                              std::size_t bins = 50);

}  // namespace sim

#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <vector>

#include "sim/block.hpp"

namespace sim {

// A Spearman rank correlation wanted between two dimensions of a design.
struct RankCorrelation {
    std::size_t first = 0, second = 0;
    double rank = 0.0;
};

// A pair whose target had to move to make the matrix a valid correlation
// matrix, in Spearman terms.
struct CorrelationRepair {
    std::size_t first = 0, second = 0;
    double requested = 0.0, applied = 0.0;
};

// Correlates uniforms through a Gaussian copula: the normal scores of the
// linked dimensions get Pearson ρ = 2 sin(π ρ_s / 6), the correlation whose
// Spearman rank correlation under a bivariate normal is ρ_s (Pearson 1907),
// then map back to uniforms, so marginals are untouched.
class GaussianCopula {
public:
    GaussianCopula(std::size_t dimensions, const std::vector<RankCorrelation>& targets);

    bool empty() const noexcept { return linked_.empty(); }
    const std::vector<CorrelationRepair>& repairs() const noexcept { return repairs_; }
    // The Spearman matrix actually applied, over the linked dimensions only.
    const std::vector<std::size_t>& linked_dimensions() const noexcept { return linked_; }
    const Eigen::MatrixXd& applied_spearman() const noexcept { return spearman_; }

    // Rewrites the linked columns of a block of uniforms in place.
    void apply(BlockMatrix& uniforms) const;

    static double pearson_from_spearman(double rank);
    static double spearman_from_pearson(double rho);

private:
    std::vector<std::size_t> linked_;
    Eigen::MatrixXd spearman_;
    Eigen::MatrixXd factor_;  // lower triangular, factor·factorᵀ = Pearson matrix
    std::vector<CorrelationRepair> repairs_;
};

}  // namespace sim

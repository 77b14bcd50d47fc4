#include "sim/gaussian_copula.hpp"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/invalid_parameter.hpp"
#include "sim/nearest_correlation.hpp"
#include "sim/standard_normal.hpp"

namespace sim {

double GaussianCopula::pearson_from_spearman(double rank) {
    return 2.0 * std::sin(std::numbers::pi * rank / 6.0);
}

double GaussianCopula::spearman_from_pearson(double rho) {
    return 6.0 / std::numbers::pi * std::asin(rho / 2.0);
}

GaussianCopula::GaussianCopula(std::size_t dimensions, const std::vector<RankCorrelation>& targets) {
    for (const auto& t : targets) {
        if (t.first >= dimensions || t.second >= dimensions)
            throw InvalidParameter("between", "correlation names dimension " +
                                                  std::to_string(std::max(t.first, t.second)) +
                                                  " of " + std::to_string(dimensions));
        if (t.first == t.second)
            throw InvalidParameter("between", "a correlation needs two distinct inputs");
        if (!(std::abs(t.rank) <= 1.0))
            throw InvalidParameter("rank", "a rank correlation needs -1 <= rank <= 1, got rank=" +
                                               format_number(t.rank));
        linked_.push_back(t.first);
        linked_.push_back(t.second);
    }
    std::sort(linked_.begin(), linked_.end());
    linked_.erase(std::unique(linked_.begin(), linked_.end()), linked_.end());
    if (linked_.empty()) return;

    const auto index = [&](std::size_t d) {
        return static_cast<Eigen::Index>(std::lower_bound(linked_.begin(), linked_.end(), d) -
                                         linked_.begin());
    };
    const auto k = static_cast<Eigen::Index>(linked_.size());
    Eigen::MatrixXd requested = Eigen::MatrixXd::Identity(k, k);
    Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> given =
        Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>::Constant(k, k, false);
    for (const auto& t : targets) {
        const Eigen::Index i = index(t.first), j = index(t.second);
        if (given(i, j))
            throw InvalidParameter("between", "the pair (" + std::to_string(t.first) + ", " +
                                                  std::to_string(t.second) +
                                                  ") is correlated twice");
        given(i, j) = given(j, i) = true;
        requested(i, j) = requested(j, i) = t.rank;
    }

    Eigen::MatrixXd pearson = requested.unaryExpr(
        [](double r) { return r == 1.0 ? 1.0 : pearson_from_spearman(r); });
    Eigen::LLT<Eigen::MatrixXd> llt(pearson);
    // A matrix that is only semidefinite (e.g. rank ±1) has no usable
    // Cholesky factor either, so it is nudged too.
    if (llt.info() != Eigen::Success || min_eigenvalue(pearson) < 1e-10) {
        pearson = nearest_correlation(pearson).matrix;
        llt.compute(pearson);
    }
    factor_ = llt.matrixL();
    spearman_ = pearson.unaryExpr([](double r) { return spearman_from_pearson(r); });
    spearman_.diagonal().setOnes();
    for (Eigen::Index i = 0; i < k; ++i)
        for (Eigen::Index j = i + 1; j < k; ++j)
            if (std::abs(spearman_(i, j) - requested(i, j)) > 1e-6)
                repairs_.push_back({linked_[static_cast<std::size_t>(i)],
                                    linked_[static_cast<std::size_t>(j)], requested(i, j),
                                    spearman_(i, j)});
}

void GaussianCopula::apply(BlockMatrix& uniforms) const {
    if (linked_.empty()) return;
    const auto rows = uniforms.rows();
    const auto k = static_cast<Eigen::Index>(linked_.size());
    const auto n = static_cast<std::size_t>(rows);
    Eigen::MatrixXd scores(rows, k);
    for (Eigen::Index j = 0; j < k; ++j) {
        const auto col = static_cast<Eigen::Index>(linked_[static_cast<std::size_t>(j)]);
        inverse_normal({uniforms.col(col).data(), n}, {scores.col(j).data(), n});
    }
    Eigen::MatrixXd correlated = scores * factor_.transpose();
    // Keep the uniforms strictly inside (0, 1) even for scores beyond ±38σ.
    constexpr double lo = 0x1p-54, hi = 1.0 - 0x1p-53;
    for (Eigen::Index j = 0; j < k; ++j) {
        const auto col = static_cast<Eigen::Index>(linked_[static_cast<std::size_t>(j)]);
        double* out = uniforms.col(col).data();
        normal_cdf({correlated.col(j).data(), n}, {out, n});
        for (std::size_t r = 0; r < n; ++r) out[r] = std::clamp(out[r], lo, hi);
    }
}

}  // namespace sim

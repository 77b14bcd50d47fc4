#include "sim/sensitivity/correlation_measures.hpp"

#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace sim {

namespace {

double pearson(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    const Eigen::VectorXd da = a.array() - a.mean(), db = b.array() - b.mean();
    const double denominator = std::sqrt(da.squaredNorm() * db.squaredNorm());
    return denominator > 0 ? da.dot(db) / denominator : 0.0;
}

}  // namespace

Eigen::VectorXd ranks(const Eigen::VectorXd& v) {
    std::vector<Eigen::Index> order(static_cast<std::size_t>(v.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return v(a) < v(b); });
    Eigen::VectorXd r(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && v(order[j]) == v(order[i])) ++j;
        const double average = 0.5 * static_cast<double>(i + j - 1);
        for (std::size_t k = i; k < j; ++k) r(order[k]) = average;
        i = j;
    }
    return r;
}

std::vector<Importance> spearman_importance(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
    const auto rows = defined_rows(y);
    if (rows.size() < 2) return undefined_for_all(x.cols());
    const Eigen::VectorXd ry = ranks(y(rows));
    std::vector<Importance> out;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        const Eigen::VectorXd column = x.col(j)(rows);
        out.push_back({static_cast<std::size_t>(j), pearson(ranks(column), ry), 0, std::nullopt});
    }
    return ranked(std::move(out));
}

RegressionImportance standardized_regression(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
    const auto rows = defined_rows(y);
    // A fit of inputs + 1 coefficients through no more points than that
    // passes through every one: R² = 1 whatever the inputs do, and the
    // coefficients are one of many exact fits. It needs a residual to mean anything.
    if (x.cols() == 0 || static_cast<Eigen::Index>(rows.size()) < x.cols() + 2)
        return {undefined_for_all(x.cols()), NAN};
    const auto n = static_cast<Eigen::Index>(rows.size());
    Eigen::MatrixXd design(n, x.cols() + 1);
    design.col(0).setOnes();
    design.rightCols(x.cols()) = x(rows, Eigen::all);
    const Eigen::VectorXd target = y(rows);
    const Eigen::VectorXd beta = design.colPivHouseholderQr().solve(target);
    const Eigen::VectorXd residual = target - design * beta;
    const double total = (target.array() - target.mean()).square().sum();
    RegressionImportance r;
    r.r_squared = total > 0 ? 1.0 - residual.squaredNorm() / total : 0.0;
    const double sd_y = std::sqrt(total / static_cast<double>(std::max<Eigen::Index>(n - 1, 1)));
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        const Eigen::VectorXd c = x.col(j)(rows);
        const double sd_x = std::sqrt((c.array() - c.mean()).square().sum() / static_cast<double>(std::max<Eigen::Index>(n - 1, 1)));
        // A constant column carries no information: its coefficient is 0, not noise.
        const double src = sd_y > 0 && sd_x > 0 ? beta(j + 1) * sd_x / sd_y : 0.0;
        r.coefficients.push_back({static_cast<std::size_t>(j), src, 0, std::nullopt});
    }
    r.coefficients = ranked(std::move(r.coefficients));
    return r;
}

}  // namespace sim

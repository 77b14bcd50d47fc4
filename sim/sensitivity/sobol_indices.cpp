#include "sim/sensitivity/sobol_indices.hpp"

#include <algorithm>
#include <cmath>

#include "sim/philox_stream.hpp"
#include "sim/summary.hpp"

namespace sim {

namespace {

struct Estimate {
    Eigen::VectorXd first, total;
    double variance;
};

Estimate estimate(const Eigen::VectorXd& a, const Eigen::VectorXd& b, const Eigen::MatrixXd& ab) {
    const double n = static_cast<double>(a.size());
    const double mean = 0.5 * (a.sum() + b.sum()) / n;
    const double variance = ((a.array() - mean).square().sum() + (b.array() - mean).square().sum()) / (2 * n - 1);
    Estimate e{Eigen::VectorXd(ab.cols()), Eigen::VectorXd(ab.cols()), variance};
    for (Eigen::Index j = 0; j < ab.cols(); ++j) {
        const auto d = (ab.col(j) - a).array();
        e.first(j) = variance > 0 ? (b.array() * d).mean() / variance : 0.0;
        e.total(j) = variance > 0 ? 0.5 * d.square().mean() / variance : 0.0;
    }
    return e;
}

}  // namespace

SobolIndices sobol_indices(const SaltelliOutputs& y, std::uint64_t seed, int bootstrap_samples) {
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 0; i < y.y_a.size(); ++i)
        if (!std::isnan(y.y_a(i)) && !std::isnan(y.y_b(i)) && !y.y_ab.row(i).array().isNaN().any()) rows.push_back(i);
    if (rows.size() < 2) {
        SobolIndices none;
        for (Eigen::Index j = 0; j < y.y_ab.cols(); ++j) {
            none.first.push_back({static_cast<std::size_t>(j), NAN, 0, std::nullopt});
            none.total.push_back({static_cast<std::size_t>(j), NAN, 0, std::nullopt});
        }
        none.first = ranked(std::move(none.first));
        none.total = ranked(std::move(none.total));
        none.variance = NAN;
        return none;
    }
    const Eigen::VectorXd a = y.y_a(rows), b = y.y_b(rows);
    const Eigen::MatrixXd ab = y.y_ab(rows, Eigen::all);
    const Estimate point = estimate(a, b, ab);

    const auto d = static_cast<std::size_t>(ab.cols());
    std::vector<std::vector<double>> first_boot(d), total_boot(d);
    const PhiloxStream stream(seed, streams::bootstrap);
    const auto n = static_cast<Eigen::Index>(rows.size());
    std::vector<Eigen::Index> pick(static_cast<std::size_t>(n));
    for (int s = 0; s < bootstrap_samples && n > 1; ++s) {
        for (Eigen::Index i = 0; i < n; ++i)
            pick[static_cast<std::size_t>(i)] =
                static_cast<Eigen::Index>(stream.uniform(static_cast<std::uint64_t>(i), static_cast<std::uint32_t>(s)) *
                                          static_cast<double>(n));
        const Estimate e = estimate(a(pick), b(pick), ab(pick, Eigen::all));
        for (std::size_t j = 0; j < d; ++j) {
            first_boot[j].push_back(e.first(static_cast<Eigen::Index>(j)));
            total_boot[j].push_back(e.total(static_cast<Eigen::Index>(j)));
        }
    }
    SobolIndices out;
    out.variance = point.variance;
    out.rows_used = rows.size();
    const auto interval = [](std::vector<double> v) -> std::optional<std::pair<double, double>> {
        if (v.empty()) return std::nullopt;
        std::sort(v.begin(), v.end());
        return std::pair{percentile_of_sorted(v, 0.025), percentile_of_sorted(v, 0.975)};
    };
    for (std::size_t j = 0; j < d; ++j) {
        out.first.push_back({j, point.first(static_cast<Eigen::Index>(j)), 0, interval(first_boot[j])});
        out.total.push_back({j, point.total(static_cast<Eigen::Index>(j)), 0, interval(total_boot[j])});
    }
    out.first = ranked(std::move(out.first));
    out.total = ranked(std::move(out.total));
    return out;
}

}  // namespace sim

#include "sim/sensitivity/value_of_information.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/moments.hpp"

namespace sim {

Evpi expected_value_of_perfect_information(const Eigen::MatrixXd& nb) {
    Evpi e;
    if (nb.rows() == 0 || nb.cols() == 0) return {NAN, NAN, NAN, 0};
    const Eigen::RowVectorXd means = nb.colwise().mean();
    Eigen::Index best = 0;
    means.maxCoeff(&best);
    e.best = static_cast<std::size_t>(best);
    RunningMoments regret;
    for (Eigen::Index i = 0; i < nb.rows(); ++i) regret.add(nb.row(i).maxCoeff() - nb(i, best));
    e.value = regret.mean();
    const auto [lo, hi] = regret.mean_ci95();
    e.ci_low = std::max(0.0, lo);
    e.ci_high = hi;
    return e;
}

std::vector<Importance> expected_value_of_partial_information(const Eigen::MatrixXd& inputs, const Eigen::MatrixXd& nb,
                                                              std::size_t bins) {
    const auto n = static_cast<std::size_t>(nb.rows());
    if (n == 0 || nb.cols() == 0) return {};
    const double best_on_average = nb.colwise().mean().maxCoeff();
    bins = std::max<std::size_t>(1, std::min(bins, n));
    std::vector<Importance> out;
    std::vector<Eigen::Index> order(n);
    for (Eigen::Index j = 0; j < inputs.cols(); ++j) {
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return inputs(a, j) < inputs(b, j); });
        double sum = 0;
        for (std::size_t b = 0; b < bins; ++b) {
            const std::size_t first = b * n / bins, last = (b + 1) * n / bins;
            Eigen::RowVectorXd bin_sum = Eigen::RowVectorXd::Zero(nb.cols());
            for (std::size_t k = first; k < last; ++k) bin_sum += nb.row(order[k]);
            // The best choice knowing the input lies in this bin, weighted by the bin's share.
            sum += bin_sum.maxCoeff();
        }
        out.push_back({static_cast<std::size_t>(j), std::max(0.0, sum / static_cast<double>(n) - best_on_average), 0,
                       std::nullopt});
    }
    return ranked(std::move(out));
}

}  // namespace sim

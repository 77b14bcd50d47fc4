#include "sim/sensitivity/tail_contrast.hpp"

#include <array>
#include <cmath>

#include "sim/moments.hpp"
#include "sim/order_statistics.hpp"

namespace sim {

namespace {

double median(std::vector<double> values) {
    constexpr std::array<double, 1> half = {0.5};
    return select_percentiles(values, half)[0];
}

}  // namespace

std::vector<Importance> tail_contrast(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, BadTail bad, double share) {
    const auto rows = defined_rows(y);
    if (rows.size() < 2) return undefined_for_all(x.cols());
    std::vector<double> outputs(rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k) outputs[k] = y(rows[k]);
    const std::array<double, 1> level = {bad == BadTail::low ? share : 1.0 - share};
    const double cut = select_percentiles(outputs, level)[0];
    std::vector<Eigen::Index> tail;
    for (Eigen::Index i : rows)
        if (bad == BadTail::low ? y(i) <= cut : y(i) >= cut) tail.push_back(i);

    std::vector<Importance> out;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        std::vector<double> all, worst;
        RunningMoments moments;
        for (Eigen::Index i : rows) {
            all.push_back(x(i, j));
            moments.add(x(i, j));
        }
        for (Eigen::Index i : tail) worst.push_back(x(i, j));
        const double sd = moments.sd();
        const double value = sd > 0 ? (median(std::move(worst)) - median(std::move(all))) / sd : 0.0;
        out.push_back({static_cast<std::size_t>(j), value, 0, std::nullopt});
    }
    return ranked(std::move(out));
}

}  // namespace sim

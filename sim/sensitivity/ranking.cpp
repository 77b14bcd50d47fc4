#include "sim/sensitivity/ranking.hpp"

#include <algorithm>
#include <cmath>

namespace sim {

std::vector<Importance> ranked(std::vector<Importance> list) {
    std::stable_sort(list.begin(), list.end(), [](const Importance& a, const Importance& b) {
        const double x = std::isnan(a.value) ? -1 : std::abs(a.value), y = std::isnan(b.value) ? -1 : std::abs(b.value);
        return x > y;
    });
    for (std::size_t i = 0; i < list.size(); ++i) list[i].rank = i + 1;
    return list;
}

std::vector<Importance> undefined_for_all(Eigen::Index inputs) {
    std::vector<Importance> out;
    for (Eigen::Index j = 0; j < inputs; ++j) out.push_back({static_cast<std::size_t>(j), NAN, 0, std::nullopt});
    return ranked(std::move(out));
}

std::vector<Eigen::Index> defined_rows(const Eigen::VectorXd& y) {
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 0; i < y.size(); ++i)
        if (!std::isnan(y(i))) rows.push_back(i);
    return rows;
}

}  // namespace sim

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

}  // namespace sim

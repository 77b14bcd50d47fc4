#pragma once

#include <optional>
#include <utility>
#include <vector>

namespace sim {

// One input's importance under one method: the value the method gives
// (a correlation, a coefficient, an index, a swing), its rank (1 = most
// important, by |value|), and a 95 % interval where the method has one.
struct Importance {
    std::size_t input = 0;
    double value = 0;
    std::size_t rank = 0;
    std::optional<std::pair<double, double>> ci95;
};

// Ranks by |value|, largest first (ties keep input order); returns the list sorted by rank.
std::vector<Importance> ranked(std::vector<Importance> list);

}  // namespace sim

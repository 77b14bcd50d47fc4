#pragma once

#include <Eigen/Core>
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

// Every input's value undefined (NaN): what an estimator answers when fewer
// than two outputs are defined, instead of a crash or a made-up number.
std::vector<Importance> undefined_for_all(Eigen::Index inputs);

// The rows of a sample where the output y is defined (not NaN).
std::vector<Eigen::Index> defined_rows(const Eigen::VectorXd& y);

}  // namespace sim

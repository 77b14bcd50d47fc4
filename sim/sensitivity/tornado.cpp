#include "sim/sensitivity/tornado.hpp"

#include <numeric>

namespace sim {

BlockMatrix tornado_points(std::size_t inputs, double low_u, double high_u) {
    const auto d = static_cast<Eigen::Index>(inputs);
    BlockMatrix u = BlockMatrix::Constant(2 * d + 1, d, 0.5);
    for (Eigen::Index j = 0; j < d; ++j) {
        u(2 * j + 1, j) = low_u;
        u(2 * j + 2, j) = high_u;
    }
    return u;
}

Tornado tornado_from_outputs(std::span<const double> outputs, std::span<const std::size_t> inputs) {
    Tornado t;
    t.base = outputs[0];
    for (std::size_t j : inputs) {
        const TornadoBar bar{j, outputs[2 * j + 1], outputs[2 * j + 2]};
        t.bars.push_back(bar);
        t.ranking.push_back({j, bar.swing(), 0, std::nullopt});
    }
    t.ranking = ranked(std::move(t.ranking));
    return t;
}

Tornado tornado(std::size_t inputs, const std::function<double(const std::vector<double>&)>& evaluate, double low_u,
                double high_u) {
    const BlockMatrix points = tornado_points(inputs, low_u, high_u);
    std::vector<double> outputs(static_cast<std::size_t>(points.rows()));
    std::vector<double> u(inputs);
    for (Eigen::Index r = 0; r < points.rows(); ++r) {
        for (std::size_t j = 0; j < inputs; ++j) u[j] = points(r, static_cast<Eigen::Index>(j));
        outputs[static_cast<std::size_t>(r)] = evaluate(u);
    }
    std::vector<std::size_t> all(inputs);
    std::iota(all.begin(), all.end(), 0);
    return tornado_from_outputs(outputs, all);
}

}  // namespace sim

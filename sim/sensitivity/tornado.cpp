#include "sim/sensitivity/tornado.hpp"

namespace sim {

Tornado tornado(std::size_t inputs, const std::function<double(const std::vector<double>&)>& evaluate, double low_u,
                double high_u) {
    Tornado t;
    std::vector<double> u(inputs, 0.5);
    t.base = evaluate(u);
    for (std::size_t j = 0; j < inputs; ++j) {
        TornadoBar bar{j, 0, 0};
        u[j] = low_u;
        bar.low_output = evaluate(u);
        u[j] = high_u;
        bar.high_output = evaluate(u);
        u[j] = 0.5;
        t.bars.push_back(bar);
        t.ranking.push_back({j, bar.swing(), 0, std::nullopt});
    }
    t.ranking = ranked(std::move(t.ranking));
    return t;
}

}  // namespace sim

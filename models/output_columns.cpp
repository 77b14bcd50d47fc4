#include "models/output_columns.hpp"

#include <algorithm>

namespace models {

void OutputColumn::fetch(const PathStore& store, std::size_t n, double* out) const {
    switch (kind) {
        case Kind::metric: std::copy_n(store.metric(option, horizon, metric).begin(), n, out); break;
        case Kind::payback: std::copy_n(store.payback(option, discounted).begin(), n, out); break;
        case Kind::overtake: std::copy_n(store.overtake(pair).begin(), n, out); break;
        case Kind::cumulative: std::copy_n(store.cumulative(option, month).begin(), n, out); break;
        case Kind::npv_difference: {
            const auto& x = store.metric(a, horizon, Metric::npv);
            const auto& y = store.metric(b, horizon, Metric::npv);
            for (std::size_t i = 0; i < n; ++i) out[i] = x[i] - y[i];
            break;
        }
    }
}

std::vector<OutputColumn> output_columns(const Scenario& s, bool keep_cumulative) {
    using Kind = OutputColumn::Kind;
    const std::size_t n_options = s.options.size(), n_h = s.horizons.size();
    std::vector<OutputColumn> columns;
    for (std::size_t o = 0; o < n_options; ++o) {
        for (std::size_t h = 0; h < n_h; ++h)
            for (Metric m : all_metrics) columns.push_back({.kind = Kind::metric, .option = o, .horizon = h, .metric = m});
        for (bool d : {false, true}) columns.push_back({.kind = Kind::payback, .option = o, .discounted = d});
        if (keep_cumulative)
            for (int t = 1; t <= s.simulated_months(); ++t)
                columns.push_back({.kind = Kind::cumulative, .option = o, .month = t});
    }
    std::size_t pair = 0;  // PathStore::pair_index order: (0,1), (0,2), …, (1,2), …
    for (std::size_t a = 0; a < n_options; ++a)
        for (std::size_t b = a + 1; b < n_options; ++b, ++pair) {
            columns.push_back({.kind = Kind::overtake, .pair = pair, .a = a, .b = b});
            for (std::size_t h = 0; h < n_h; ++h)
                columns.push_back({.kind = Kind::npv_difference, .horizon = h, .pair = pair, .a = a, .b = b});
        }
    return columns;
}

}  // namespace models

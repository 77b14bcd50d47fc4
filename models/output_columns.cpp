#include "models/output_columns.hpp"

#include <algorithm>

namespace models {

void OutputColumn::fetch(const PathStore& store, std::size_t n, double* out) const {
    switch (kind) {
        case Kind::metric: std::copy_n(store.metric(option, horizon, metric).begin(), n, out); break;
        case Kind::payback: std::copy_n(store.payback(option, discounted).begin(), n, out); break;
        case Kind::overtake: std::copy_n(store.overtake(pair).begin(), n, out); break;
        case Kind::cumulative: std::copy_n(store.cumulative(option, month).begin(), n, out); break;
        case Kind::breakdown: std::copy_n(store.breakdown(option, horizon, component).begin(), n, out); break;
        case Kind::year: std::copy_n(store.year(option, period, part).begin(), n, out); break;
        case Kind::npv_difference: {
            const auto& x = store.metric(a, horizon, Metric::npv);
            const auto& y = store.metric(b, horizon, Metric::npv);
            for (std::size_t i = 0; i < n; ++i) out[i] = x[i] - y[i];
            break;
        }
    }
}

std::vector<OutputColumn> output_columns(const StoreShape& shape) {
    using Kind = OutputColumn::Kind;
    const std::size_t n_options = shape.options, n_h = shape.horizons;
    std::vector<OutputColumn> columns;
    for (std::size_t o = 0; o < n_options; ++o) {
        for (std::size_t h = 0; h < n_h; ++h)
            for (Metric m : all_metrics)
                if (m != Metric::irr || shape.irr)
                    columns.push_back({.kind = Kind::metric, .option = o, .horizon = h, .metric = m});
        for (bool d : {false, true}) columns.push_back({.kind = Kind::payback, .option = o, .discounted = d});
        if (shape.cumulative)
            for (int t = 1; t <= shape.months; ++t) columns.push_back({.kind = Kind::cumulative, .option = o, .month = t});
        if (!shape.breakdown.empty())
            for (std::size_t h = 0; h < n_h; ++h)
                for (std::size_t c = 0; c < shape.breakdown[o]; ++c)
                    columns.push_back({.kind = Kind::breakdown, .option = o, .horizon = h, .component = c});
        for (std::size_t y = 0; y < shape.years; ++y)
            for (std::size_t p = 0; p < year_parts; ++p)
                columns.push_back({.kind = Kind::year, .option = o, .period = y, .part = static_cast<YearPart>(p)});
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

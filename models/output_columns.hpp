#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "models/financial_metrics.hpp"
#include "models/path_store.hpp"
#include "models/scenario.hpp"

namespace models {

// One per-path quantity that the results summarise, however the run keeps
// its paths: the stored summaries (results.cpp) and the streamed ones
// (streaming_summary.cpp) both walk the list output_columns() makes.
struct OutputColumn {
    enum class Kind { metric, payback, overtake, npv_difference, cumulative, breakdown, year };
    Kind kind = Kind::metric;
    std::size_t option = 0, horizon = 0;
    std::size_t pair = 0, a = 0, b = 0;  // comparisons: options a < b and their pair index
    Metric metric = Metric::npv;
    bool discounted = false;  // payback
    int month = 0;            // cumulative cash flow, 1 … H
    std::size_t component = 0;  // breakdown: the row of breakdown_layout()
    std::size_t period = 0;     // year table: 0 = month 0, y = year y
    YearPart part = YearPart::benefits;

    // A time to an event: +∞ where not reached, summarised as a TimeToEvent.
    bool is_time() const { return kind == Kind::payback || kind == Kind::overtake; }
    // Summarised with moments and percentiles (not the fan chart's months).
    bool has_moments() const { return kind != Kind::cumulative; }
    // With a histogram for a chart: ROI per horizon and the NPV differences.
    bool charted() const { return (kind == Kind::metric && metric == Metric::roi) || kind == Kind::npv_difference; }

    // The column's values for rows 0 … n − 1 of a store.
    void fetch(const PathStore& store, std::size_t n, double* out) const;

    // Calls f with the same values as a span (of double or float) read in
    // place from the store, or, for the NPV difference, computed into `buffer`.
    template <class F>
    decltype(auto) with_values(const PathStore& store, std::size_t n, std::vector<double>& buffer, F&& f) const {
        const auto first = [n](const auto& column) { return std::span(column.data(), n); };
        switch (kind) {
            case Kind::metric: return f(first(store.metric(option, horizon, metric)));
            case Kind::payback: return f(first(store.payback(option, discounted)));
            case Kind::overtake: return f(first(store.overtake(pair)));
            case Kind::cumulative: return f(first(store.cumulative(option, month)));
            case Kind::breakdown: return f(first(store.breakdown(option, horizon, component)));
            case Kind::year: return f(first(store.year(option, period, part)));
            case Kind::npv_difference: break;
        }
        buffer.resize(n);
        fetch(store, n, buffer.data());
        return f(std::span<const double>(buffer));
    }
};

// Every column a store of this shape holds, options first (metrics by
// horizon, payback, discounted payback, the cumulative months, the breakdown
// by horizon, the year table), then each pair of options (overtake month,
// then the NPV difference by horizon).
std::vector<OutputColumn> output_columns(const StoreShape& shape);

}  // namespace models

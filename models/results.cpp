#include "models/results.hpp"

#include <oneapi/tbb/enumerable_thread_specific.h>

#include "models/simulation.hpp"
#include "sim/block_runner.hpp"
#include "sim/column_summary.hpp"
#include "sim/order_statistics.hpp"


#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

namespace models {

namespace {

// The times by month: count[b] of those in (b − 1, b] for b = 0 … H (0: at
// most 0), count[H + 1] beyond H, count[H + 2] at +∞; `whole` when every
// finite time is a whole month (overtake months are). nullopt when a time is
// NaN or negative.
struct MonthCounts {
    std::vector<std::uint64_t> count;
    bool whole = true;
};

std::optional<MonthCounts> month_counts(std::span<const double> times, int months) {
    MonthCounts m;
    m.count.assign(static_cast<std::size_t>(months) + 3, 0);
    const double H = months;
    for (const double t : times) {
        if (!(t >= 0)) return std::nullopt;  // NaN too
        const double up = std::ceil(t);
        m.whole = m.whole && (t == INFINITY || (up == t && up <= H));
        ++m.count[t == INFINITY ? m.count.size() - 1 : up > H ? m.count.size() - 2 : static_cast<std::size_t>(up)];
    }
    return m;
}

// time_to_event without sorting the times: the CDF and the shares within
// each horizon from the month counts (t ≤ h exactly when ⌈t⌉ ≤ h for a whole
// month h), the percentiles as exact order statistics (read off the counts
// for whole months, selected otherwise), the mean summed in path order.
TimeToEvent without_sorting(std::span<const double> times, const MonthCounts& m, const std::vector<Horizon>& horizons,
                            int months) {
    TimeToEvent r;
    const auto& count = m.count;
    const std::uint64_t total = times.size(), reached = total - count.back();
    const double n = static_cast<double>(total);
    if (m.whole) {
        // The (k + 1)-th smallest time: the first month whose running count passes k.
        const auto at_rank = [&](std::uint64_t k) {
            std::uint64_t below = 0;
            for (std::size_t v = 0; v + 2 < count.size(); ++v)
                if ((below += count[v]) > k) return static_cast<double>(v);
            return std::numeric_limits<double>::infinity();
        };
        for (std::size_t i = 0; i < r.levels.size(); ++i) {
            const double position = r.levels[i] * (n - 1);
            const auto lo = static_cast<std::uint64_t>(std::floor(position));
            const std::uint64_t hi = std::min(lo + 1, total - 1);
            r.percentiles[i] =
                sim::between_order_statistics(at_rank(lo), at_rank(hi), position - static_cast<double>(lo));
        }
    } else {
        sim::SummaryScratch scratch;
        const auto p = sim::column_percentiles(times, r.levels, scratch);
        std::copy(p.begin(), p.end(), r.percentiles.begin());
    }
    r.share_reached = static_cast<double>(reached) / n;
    double sum = 0;
    for (const double t : times) sum += t == INFINITY ? 0.0 : t;
    r.mean_reached = reached ? sum / static_cast<double>(reached) : NAN;
    std::vector<std::uint64_t> within(count.size());
    std::partial_sum(count.begin(), count.end(), within.begin());
    const auto share_within = [&](int h) {
        if (h < 0) return 0.0;
        if (h <= months) return static_cast<double>(within[static_cast<std::size_t>(h)]) / n;
        return static_cast<double>(std::count_if(times.begin(), times.end(), [&](double t) { return t <= h; })) / n;
    };
    for (const auto& h : horizons) r.prob_within.push_back(share_within(h.months));
    for (int t = 1; t <= months; ++t) r.cdf.push_back(share_within(t));
    return r;
}

}  // namespace

TimeToEvent time_to_event(std::vector<double> times, const std::vector<Horizon>& horizons, int months) {
    if (!times.empty())
        if (const auto m = month_counts(times, months)) return without_sorting(times, *m, horizons, months);
    TimeToEvent r;
    std::sort(times.begin(), times.end());  // censored (+∞) last
    const double n = static_cast<double>(times.size());
    for (std::size_t i = 0; i < r.levels.size(); ++i) r.percentiles[i] = sim::percentile_of_sorted(times, r.levels[i]);
    const auto reached_end = std::lower_bound(times.begin(), times.end(), std::numeric_limits<double>::infinity());
    const auto reached = reached_end - times.begin();
    r.share_reached = static_cast<double>(reached) / n;
    r.mean_reached = reached ? std::accumulate(times.begin(), reached_end, 0.0) / static_cast<double>(reached) : NAN;
    const auto share_within = [&](double t) {
        return static_cast<double>(std::upper_bound(times.begin(), times.end(), t) - times.begin()) / n;
    };
    for (const auto& h : horizons) r.prob_within.push_back(share_within(h.months));
    for (int t = 1; t <= months; ++t) r.cdf.push_back(share_within(t));
    return r;
}

sim::Histogram chart_histogram(std::span<const double> values, const sim::Summary& summary) {
    constexpr std::size_t bins = 40;
    if (summary.count == 0) return sim::Histogram(0, 1, bins);
    const double p5 = summary.percentile(0.05), p95 = summary.percentile(0.95), margin = 0.25 * (p95 - p5);
    double low = std::max(summary.min, p5 - margin), high = std::min(summary.max, p95 + margin);
    if (!(low < high)) {
        low = summary.min;
        high = summary.max > summary.min ? summary.max : summary.min + 1;
    }
    // One ulp wider, so a maximum at the edge falls inside the last bin.
    sim::Histogram histogram(low, std::nextafter(high, INFINITY), bins);
    for (double x : values) histogram.add(x);
    return histogram;
}

Results empty_results(const Scenario& s, const StoreShape& shape) {
    Results results;
    const std::size_t n_options = s.options.size(), n_h = s.horizons.size();
    results.options.resize(n_options);
    results.irr = shape.irr;
    results.fan_chart = shape.cumulative;
    for (std::size_t o = 0; o < n_options; ++o) {
        results.options[o].name = s.options[o].name;
        results.options[o].horizons.resize(n_h);
        results.options[o].roi_histograms.resize(n_h);
        if (!shape.breakdown.empty())
            results.options[o].breakdown.assign(n_h, std::vector<sim::Summary>(shape.breakdown[o]));
        results.options[o].years.resize(shape.years);
        if (shape.cumulative)
            for (auto& band : results.options[o].cumulative_cash_flow.bands)
                band.resize(static_cast<std::size_t>(s.simulated_months()));
    }
    for (std::size_t a = 0; a < n_options; ++a)
        for (std::size_t b = a + 1; b < n_options; ++b) {
            Comparison c;
            c.a = s.options[a].name;
            c.b = s.options[b].name;
            c.npv_difference.resize(n_h);
            c.prob_a_better.resize(n_h);
            c.npv_difference_histograms.resize(n_h);
            results.comparisons.push_back(std::move(c));
        }
    return results;
}

sim::Summary& summary_of(Results& r, const OutputColumn& c) {
    switch (c.kind) {
        case OutputColumn::Kind::npv_difference: return r.comparisons[c.pair].npv_difference[c.horizon];
        case OutputColumn::Kind::breakdown: return r.options[c.option].breakdown[c.horizon][c.component];
        case OutputColumn::Kind::year: return r.options[c.option].years[c.period][static_cast<std::size_t>(c.part)];
        default: return r.options[c.option].horizons[c.horizon][static_cast<std::size_t>(c.metric)];
    }
}

std::optional<sim::Histogram>& chart_of(Results& r, const OutputColumn& c) {
    if (c.kind == OutputColumn::Kind::npv_difference) return r.comparisons[c.pair].npv_difference_histograms[c.horizon];
    return r.options[c.option].roi_histograms[c.horizon];
}

TimeToEvent& time_of(Results& r, const OutputColumn& c) {
    if (c.kind == OutputColumn::Kind::overtake) return r.comparisons[c.pair].overtake;
    return c.discounted ? r.options[c.option].discounted_payback : r.options[c.option].payback;
}

double& fan_point(Results& r, const OutputColumn& c, std::size_t level) {
    return r.options[c.option].cumulative_cash_flow.bands[level][static_cast<std::size_t>(c.month - 1)];
}

Results summarize(const Scenario& s, const PathStore& store, unsigned threads, const std::atomic<bool>* cancel) {
    using Kind = OutputColumn::Kind;
    Results results = empty_results(s, store.shape());
    const int H = s.simulated_months();
    const std::vector<OutputColumn> columns = output_columns(store.shape());
    const auto n = static_cast<std::size_t>(store.paths());

    // Memory reused column after column by each thread: the columns are read
    // in place, only the NPV differences computed into a buffer.
    struct Scratch {
        sim::SummaryScratch summary;
        std::vector<double> buffer;
    };
    tbb::enumerable_thread_specific<Scratch> scratch;

    // Columns are independent, each writing its own slot of the results.
    sim::parallel_for_each(threads, columns.size(), [&](std::size_t i) {
        if (cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled{};
        const OutputColumn& c = columns[i];
        Scratch& sc = scratch.local();
        if (c.is_time()) {
            std::vector<double> v(n);
            c.fetch(store, n, v.data());
            time_of(results, c) = time_to_event(std::move(v), s.horizons, H);
            return;
        }
        c.with_values(store, n, sc.buffer, [&](auto v) {
            if (c.kind == Kind::cumulative) {
                const auto bands = sim::column_percentiles(v, FanChart::levels, sc.summary);
                for (std::size_t l = 0; l < FanChart::levels.size(); ++l) fan_point(results, c, l) = bands[l];
            } else if (c.kind == Kind::breakdown || c.kind == Kind::year) {
                summary_of(results, c) = sim::central_summary(v, sc.summary);
            } else {
                if (c.kind == Kind::npv_difference) {
                    // x − y > 0 exactly when x > y: IEEE subtraction of finite values is never 0 unless they are equal.
                    const auto better = std::count_if(v.begin(), v.end(), [](double d) { return d > 0; });
                    results.comparisons[c.pair].prob_a_better[c.horizon] =
                        static_cast<double>(better) / static_cast<double>(v.size());
                }
                sim::Summary& summary = summary_of(results, c);
                summary = sim::summarize_column(v, sc.summary);
                if constexpr (std::is_same_v<typename decltype(v)::value_type, double>)
                    if (c.charted()) chart_of(results, c) = chart_histogram(v, summary);
            }
        });
    });
    BestChoiceCounts best(s.horizons.size(), s.options.size());
    best.add(store, n);
    results.best = best.shares(n);
    return results;
}

}  // namespace models

#include "models/results.hpp"

#include "sim/block_runner.hpp"
#include "sim/order_statistics.hpp"


#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

namespace models {

TimeToEvent time_to_event(std::vector<double> times, const std::vector<Horizon>& horizons, int months) {
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

Results empty_results(const Scenario& s) {
    Results results;
    const std::size_t n_options = s.options.size(), n_h = s.horizons.size();
    results.options.resize(n_options);
    for (std::size_t o = 0; o < n_options; ++o) {
        results.options[o].name = s.options[o].name;
        results.options[o].horizons.resize(n_h);
        results.options[o].roi_histograms.resize(n_h);
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

Results summarize(const Scenario& s, const PathStore& store, unsigned threads) {
    Results results = empty_results(s);
    const std::size_t n_options = s.options.size(), n_h = s.horizons.size();
    const int H = s.simulated_months();

    // Independent jobs, each writing its own slot of the results.
    std::vector<std::function<void()>> jobs;
    for (std::size_t o = 0; o < n_options; ++o) {
        OptionResults& out = results.options[o];
        for (std::size_t h = 0; h < n_h; ++h)
            for (Metric m : all_metrics)
                jobs.push_back([&, o, h, m] {
                    auto& summary = out.horizons[h][static_cast<std::size_t>(m)];
                    if (m != Metric::roi) {
                        summary = sim::summarize(store.metric(o, h, m).to_vector());
                        return;
                    }
                    const std::vector<double> v = store.metric(o, h, m).to_vector();
                    summary = sim::summarize(v);
                    out.roi_histograms[h] = chart_histogram(v, summary);
                });
        for (bool discounted : {false, true})
            jobs.push_back([&, o, discounted] {
                (discounted ? out.discounted_payback : out.payback) =
                    time_to_event(store.payback(o, discounted).to_vector(), s.horizons, H);
            });
        for (int t = 1; t <= H && store.has_cumulative(); ++t)
            jobs.push_back([&, o, t] {
                std::vector<double> v = store.cumulative(o, t).to_vector();
                const auto bands = sim::select_percentiles(v, FanChart::levels);
                for (std::size_t l = 0; l < FanChart::levels.size(); ++l)
                    out.cumulative_cash_flow.bands[l][static_cast<std::size_t>(t - 1)] = bands[l];
            });
    }
    for (std::size_t a = 0; a < n_options; ++a)
        for (std::size_t b = a + 1; b < n_options; ++b) {
            const std::size_t pair = store.pair_index(a, b);
            Comparison& c = results.comparisons[pair];
            for (std::size_t h = 0; h < n_h; ++h)
                jobs.push_back([&, a, b, h] {
                    const auto& x = store.metric(a, h, Metric::npv);
                    const auto& y = store.metric(b, h, Metric::npv);
                    std::vector<double> d(x.size());
                    std::uint64_t better = 0;
                    for (std::size_t i = 0; i < d.size(); ++i) {
                        d[i] = x[i] - y[i];
                        better += x[i] > y[i];
                    }
                    c.prob_a_better[h] = static_cast<double>(better) / static_cast<double>(d.size());
                    c.npv_difference[h] = sim::summarize(d);
                    c.npv_difference_histograms[h] = chart_histogram(d, c.npv_difference[h]);
                });
            jobs.push_back([&, pair] { c.overtake = time_to_event(store.overtake(pair).to_vector(), s.horizons, H); });
        }

    sim::parallel_for_each(threads, jobs.size(), [&](std::size_t i) { jobs[i](); });
    return results;
}

}  // namespace models

#include "models/streaming_summary.hpp"

#include <oneapi/tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "sim/binned_quantiles.hpp"
#include "sim/block_runner.hpp"
#include "sim/moments.hpp"

namespace models {

namespace {

// Floating-point sums of one block, merged later in block order so that the
// result does not depend on which thread ran which block.
struct BlockSums {
    sim::RunningMoments moments;     // finite values (metrics: every defined value)
    double tail_sum = 0;             // values below the pilot's P5
    std::uint64_t tail_count = 0;
};

// Integer counts, merged across threads in any order.
struct Counts {
    std::vector<sim::BinnedQuantiles> quantiles;
    std::vector<std::uint64_t> positive;
    std::vector<std::optional<sim::Histogram>> charts;
    std::vector<std::vector<std::uint64_t>> by_month;  // time columns: values with ⌈x⌉ = k, k = 0 … H + 1
    std::vector<std::vector<std::uint64_t>> a_better;  // [pair][horizon]
    BestChoiceCounts best;
};

}  // namespace

std::uint64_t streaming_bytes_needed(const Scenario& s, std::uint64_t paths, std::size_t block_size, unsigned threads,
                                     const StreamingSettings& streaming) {
    const std::vector<OutputColumn> all = output_columns(store_shape(s, RunSettings{}));
    const std::uint64_t columns = all.size();
    const auto moment_columns = static_cast<std::uint64_t>(
        std::count_if(all.begin(), all.end(), [](const OutputColumn& c) { return c.has_moments(); }));
    const std::uint64_t blocks = (paths + block_size - 1) / block_size;
    const std::uint64_t per_thread = columns * (streaming.bins + 1) * (sizeof(std::uint64_t) + 2 * sizeof(double));
    // Per-block sums, one set of counts per thread plus the prototype and the total.
    return blocks * moment_columns * sizeof(BlockSums) + (std::max(threads, 1u) + 2) * per_thread;
}

Results summarize_streaming(const Scenario& s, const RunSettings& settings, const PathStore& pilot,
                            StreamingInfo& info, const StreamingSettings& streaming) {
    using Kind = OutputColumn::Kind;
    const std::size_t n_h = s.horizons.size();
    const int H = s.simulated_months();
    const StoreShape shape = store_shape(s, settings);
    const std::vector<OutputColumn> columns = output_columns(shape);
    const std::size_t n_columns = columns.size();

    // From the pilot: bins, the P5 that splits off the tail, chart ranges.
    Counts prototype;
    std::vector<double> tail_threshold(n_columns, -std::numeric_limits<double>::infinity());
    prototype.positive.assign(n_columns, 0);
    prototype.charts.resize(n_columns);
    prototype.by_month.resize(n_columns);
    prototype.quantiles.resize(n_columns);
    // Columns are independent: set up in parallel, each into its own slot.
    sim::parallel_for_each(settings.threads, n_columns, [&](std::size_t c) {
        std::vector<double> values(pilot.paths());
        columns[c].fetch(pilot, values.size(), values.data());
        prototype.quantiles[c] = sim::BinnedQuantiles(values, streaming.bins);
        if (columns[c].is_time()) prototype.by_month[c].assign(static_cast<std::size_t>(H) + 2, 0);
        if (!columns[c].has_moments() || columns[c].is_time()) return;
        const sim::Summary summary = sim::summarize(values);
        if (summary.count) tail_threshold[c] = summary.percentile(0.05);
        if (columns[c].charted()) {
            const sim::Histogram shape = chart_histogram(values, summary);
            prototype.charts[c].emplace(shape.low(), shape.high(), shape.counts().size());
        }
    });
    prototype.a_better.assign(pilot.pairs(), std::vector<std::uint64_t>(n_h, 0));
    prototype.best = BestChoiceCounts(n_h, s.options.size());

    // Block sums only for the columns that have moments (not the fan chart's months).
    std::vector<std::size_t> sums_slot(n_columns, 0);
    std::size_t n_sums = 0;
    for (std::size_t c = 0; c < n_columns; ++c)
        if (columns[c].has_moments()) sums_slot[c] = n_sums++;
    const std::uint64_t blocks = (settings.paths + settings.block_size - 1) / settings.block_size;
    std::vector<BlockSums> sums(static_cast<std::size_t>(blocks) * n_sums);
    tbb::enumerable_thread_specific<Counts> counts(prototype);
    tbb::enumerable_thread_specific<std::vector<double>> buffers(std::vector<double>(settings.block_size));

    simulate_blocks(s, settings, [&](sim::BlockRange block, const PathStore& outputs) {
        Counts& local = counts.local();
        std::vector<double>& v = buffers.local();
        const std::size_t n = block.size, index = static_cast<std::size_t>(block.first / settings.block_size);
        local.best.add(outputs, n);
        for (std::size_t c = 0; c < n_columns; ++c) {
            const OutputColumn& col = columns[c];
            col.fetch(outputs, n, v.data());
            auto& q = local.quantiles[c];
            for (std::size_t i = 0; i < n; ++i) q.add(v[i]);
            if (!col.has_moments()) continue;
            BlockSums& bs = sums[index * n_sums + sums_slot[c]];
            if (col.is_time()) {
                auto& months = local.by_month[c];
                for (std::size_t i = 0; i < n; ++i)
                    if (std::isfinite(v[i])) {
                        bs.moments.add(v[i]);
                        ++months[static_cast<std::size_t>(std::clamp(std::ceil(v[i]), 0.0, static_cast<double>(H + 1)))];
                    }
                continue;
            }
            std::uint64_t positive = 0;
            for (std::size_t i = 0; i < n; ++i) {
                const double x = v[i];
                bs.moments.add(x);
                positive += x > 0;
                if (x < tail_threshold[c]) {
                    bs.tail_sum += x;
                    ++bs.tail_count;
                }
            }
            local.positive[c] += positive;
            if (local.charts[c])
                for (std::size_t i = 0; i < n; ++i) local.charts[c]->add(v[i]);
            if (col.kind == Kind::npv_difference) {
                const auto& x = outputs.metric(col.a, col.horizon, Metric::npv);
                const auto& y = outputs.metric(col.b, col.horizon, Metric::npv);
                std::uint64_t better = 0;
                for (std::size_t i = 0; i < n; ++i) better += x[i] > y[i];
                local.a_better[col.pair][col.horizon] += better;
            }
        }
    });

    Counts total = prototype;
    counts.combine_each([&](const Counts& c) {
        for (std::size_t k = 0; k < n_columns; ++k) {
            total.quantiles[k].merge(c.quantiles[k]);
            total.positive[k] += c.positive[k];
            if (total.charts[k]) total.charts[k]->merge(*c.charts[k]);
            for (std::size_t m = 0; m < total.by_month[k].size(); ++m) total.by_month[k][m] += c.by_month[k][m];
        }
        for (std::size_t p = 0; p < total.a_better.size(); ++p)
            for (std::size_t h = 0; h < n_h; ++h) total.a_better[p][h] += c.a_better[p][h];
        total.best.merge(c.best);
    });

    Results results = empty_results(s, shape);
    for (std::size_t pair = 0; pair < total.a_better.size(); ++pair)
        for (std::size_t h = 0; h < n_h; ++h)
            results.comparisons[pair].prob_a_better[h] =
                static_cast<double>(total.a_better[pair][h]) / static_cast<double>(settings.paths);

    results.best = total.best.shares(settings.paths);

    const double paths = static_cast<double>(settings.paths);
    info = {pilot.paths(), streaming.bins, 0};
    for (std::size_t c = 0; c < n_columns; ++c) {
        const OutputColumn& col = columns[c];
        const sim::BinnedQuantiles& q = total.quantiles[c];
        info.largest_bin_share = std::max(info.largest_bin_share, q.largest_bin_share());
        if (col.kind == Kind::cumulative) {
            for (std::size_t l = 0; l < FanChart::levels.size(); ++l)
                fan_point(results, col, l) = q.percentile(FanChart::levels[l]);
            continue;
        }
        sim::RunningMoments moments;
        double tail_sum = 0;
        std::uint64_t tail_count = 0;
        for (std::uint64_t b = 0; b < blocks; ++b) {
            const BlockSums& bs = sums[static_cast<std::size_t>(b) * n_sums + sums_slot[c]];
            moments.merge(bs.moments);
            tail_sum += bs.tail_sum;
            tail_count += bs.tail_count;
        }
        if (col.is_time()) {
            TimeToEvent t;
            for (std::size_t i = 0; i < t.levels.size(); ++i) t.percentiles[i] = q.percentile(t.levels[i]);
            t.mean_reached = moments.count() ? moments.mean() : NAN;
            t.share_reached = static_cast<double>(moments.count()) / paths;
            std::vector<double> cdf(static_cast<std::size_t>(H) + 1);  // cdf[t] = P(time ≤ t)
            double running = 0;
            for (std::size_t k = 0; k <= static_cast<std::size_t>(H); ++k) {
                running += static_cast<double>(total.by_month[c][k]);
                cdf[k] = running / paths;
            }
            for (const auto& h : s.horizons) t.prob_within.push_back(cdf[static_cast<std::size_t>(std::min(h.months, H))]);
            t.cdf.assign(cdf.begin() + 1, cdf.end());
            time_of(results, col) = std::move(t);
            continue;
        }
        sim::Summary summary;
        summary.count = moments.count();
        summary.undefined = moments.undefined();
        summary.mean = moments.mean();
        summary.sd = moments.sd();
        std::tie(summary.mean_ci_low, summary.mean_ci_high) = moments.mean_ci95();
        for (std::size_t i = 0; i < sim::summary_percentiles.size(); ++i)
            summary.percentiles[i] = q.percentile(sim::summary_percentiles[i]);
        summary.min = q.min();
        summary.max = q.max();
        if (summary.count) {
            summary.prob_positive = static_cast<double>(total.positive[c]) / static_cast<double>(summary.count);
            // The ⌈0.05·n⌉ lowest: those below the pilot's P5 exactly, and the
            // difference to the run's own tail count at the run's P5.
            const double k = std::ceil(0.05 * static_cast<double>(summary.count));
            const double p5 = summary.percentiles[0];
            summary.expected_shortfall_5 = (tail_sum + (k - static_cast<double>(tail_count)) * p5) / k;
        } else {
            summary.prob_positive = summary.expected_shortfall_5 = summary.min = summary.max = NAN;
        }
        summary_of(results, col) = summary;
        if (col.charted()) chart_of(results, col) = total.charts[c];
    }
    return results;
}

}  // namespace models

#include "models/forecast.hpp"

#include <oneapi/tbb/info.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "models/path_store.hpp"
#include "sim/format_number.hpp"

namespace models {

namespace {

bool asks_for(const std::optional<SensitivitySettings>& sensitivity, SensitivityMethod method) {
    return sensitivity && std::find(sensitivity->methods.begin(), sensitivity->methods.end(), method) !=
                              sensitivity->methods.end();
}

void check_cancel(const std::atomic<bool>* cancel) {
    if (cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled{};
}

std::string mib(std::uint64_t bytes) { return sim::format_whole(bytes >> 20) + " MiB"; }

// The first n paths' metrics and input draws. The draws come from the store
// when it kept them (sensitivity), else are drawn again for those paths alone.
PathSamples keep_samples(const Scenario& s, const RunSettings& run, const PathStore& store, std::uint64_t n,
                         std::uint64_t most_values, bool with_inputs) {
    PathSamples samples;
    samples.of_paths = store.paths();
    // Every option's row holds its metrics and the path's input draws; the
    // whole table stays within most_values numbers.
    const std::uint64_t per_path = sample_values_per_path(s, with_inputs);
    samples.cap = std::clamp<std::uint64_t>(most_values / std::max<std::uint64_t>(per_path, 1), 1, max_samples);
    n = std::min({n, store.paths(), samples.cap});
    if (with_inputs)
        samples.inputs = store.shape().inputs ? Eigen::MatrixXd(store.inputs().topRows(static_cast<Eigen::Index>(n)))
                                              : input_draws(s, run, n);
    for (std::uint64_t i = 0; i < n; ++i)
        for (std::size_t o = 0; o < s.options.size(); ++o) {
            PathSamples::Row row{i, o, {}, {}, store.payback(o, false)[i]};
            for (std::size_t h = 0; h < s.horizons.size(); ++h) {
                row.npv.push_back(store.metric(o, h, Metric::npv)[i]);
                row.roi.push_back(store.metric(o, h, Metric::roi)[i]);
            }
            samples.rows.push_back(std::move(row));
        }
    return samples;
}

// Adds paths until the headline statistics meet the target: each batch
// simulates only the new paths [N, 2N) into the grown store.
void grow_to_target(const Scenario& s, RunSettings& run, Convergence& convergence, std::optional<PathStore>& store,
                    Results& results) {
    for (;;) {
        check_cancel(run.cancel);
        auto statistics = headline_statistics(s, results, *store, convergence.target);
        const bool all_met = std::all_of(statistics.begin(), statistics.end(), [](const auto& h) { return h.met; });
        convergence.trace.push_back({run.paths, std::move(statistics)});
        if (all_met) {
            convergence.met = true;
            return;
        }
        if (run.paths >= convergence.max_paths) return;
        RunSettings batch = run;
        batch.first_path = run.paths;
        batch.paths = std::min(2 * run.paths, convergence.max_paths) - run.paths;
        store->grow(batch.first_path + batch.paths);
        simulate_into(s, batch, *store);
        run.paths = store->paths();
        check_cancel(run.cancel);
        results = summarize(s, *store, run.threads, run.cancel);
    }
}

}  // namespace

std::uint64_t free_memory() {
    const long pages = ::sysconf(_SC_AVPHYS_PAGES), size = ::sysconf(_SC_PAGE_SIZE);
    return pages > 0 && size > 0 ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(size) : 0;
}

ForecastPlan plan_forecast(const Scenario& s, const ForecastSettings& settings) {
    ForecastPlan plan;
    RunSettings& run = plan.run;
    run.paths = settings.paths.value_or(s.simulation.paths);
    run.seed = settings.seed.value_or(s.simulation.seed);
    run.sampling = settings.sampling.value_or(s.simulation.sampling);
    // More threads than the machine runs at once gain nothing (TBB would
    // ignore them, with a warning of its own); results do not depend on it.
    const auto cores = static_cast<unsigned>(tbb::info::default_concurrency());
    run.threads = std::min(settings.threads, cores);
    run.progress = settings.progress;
    run.cancel = settings.cancel;
    run.keep_inputs = settings.sensitivity && needs_inputs(*settings.sensitivity);
    run.irr = settings.irr;
    run.keep_cumulative = settings.fan_chart;
    plan.threads = run.threads ? run.threads : cores;

    if (settings.convergence) {
        if (settings.stream) throw ForecastRefused("stream", "cannot be combined with a convergence target");
        Convergence& c = plan.convergence.emplace();
        c.target = settings.convergence->relative_half_width;
        c.max_paths = std::max(settings.convergence->max_paths, run.paths);
        if (run.sampling == sim::Sampling::lhs) {
            run.sampling = sim::Sampling::mc;
            c.notes.push_back("Latin hypercube strata depend on the total number of paths, so a run that grows uses "
                              "plain Monte Carlo instead.");
        }
        c.notes.push_back("Batches double the paths and reuse the same streams: a run that stops at N paths equals a "
                          "fixed run of N paths.");
        if (run.sampling == sim::Sampling::sobol)
            c.notes.push_back("Intervals assume independent paths; for scrambled Sobol points they are conservative.");
    }

    // A run whose paths would take more than 4 GiB (or half the free memory)
    // is summarised as it goes instead of stored: percentiles within a stated
    // rank error, everything else exact.
    plan.most_paths = plan.convergence ? plan.convergence->max_paths : run.paths;
    const std::size_t d = s.inputs.dimensions();
    const auto store_bytes = [&](std::uint64_t paths, bool inputs) {
        RunSettings kept = run;
        kept.keep_inputs = inputs;
        return PathStore::bytes_needed(store_shape(s, kept), paths);
    };
    const std::uint64_t have = settings.memory_limit.value_or(free_memory());
    const std::uint64_t full_need = store_bytes(plan.most_paths, run.keep_inputs);
    plan.streaming = !plan.convergence && (settings.stream || prefer_streaming(full_need, have));
    const StreamingSettings streaming;
    plan.pilot_paths = plan.streaming ? std::min<std::uint64_t>(run.paths, streaming.pilot_paths) : run.paths;

    // Refuse, before allocating anything, a run that would not fit: the main
    // store (with the inputs kept for Spearman, SRC and EVPPI), or when
    // streaming the pilot and the per-block sums, and, held at the same time,
    // the Sobol design's store of N·(inputs + 2) runs.
    const std::uint64_t main_need =
        plan.streaming
            ? store_bytes(plan.pilot_paths, run.keep_inputs) +
                  streaming_bytes_needed(s, run.paths, run.block_size, plan.threads)
            : full_need;
    const std::uint64_t sobol_rows = settings.sensitivity ? settings.sensitivity->sobol_base_rows : 0;
    const std::uint64_t sobol_runs = asks_for(settings.sensitivity, SensitivityMethod::sobol) && d ? sobol_rows * (d + 2) : 0;
    RunSettings design = run;  // what a sensitivity design keeps (models/sensitivity.cpp)
    design.keep_cumulative = design.keep_breakdown = design.keep_inputs = design.irr = false;
    const std::uint64_t sobol_need = PathStore::bytes_needed(store_shape(s, design), sobol_runs);
    plan.bytes_needed = main_need + sobol_need;
    if (have && plan.bytes_needed > have / 10 * 8) {
        const bool sobol_is_why = sobol_need > main_need;
        const std::string what = sobol_is_why ? sim::format_whole(sobol_rows) + " base rows (" +
                                                    sim::format_whole(sobol_runs) + " Sobol runs)"
                                              : sim::format_whole(plan.most_paths) + " paths";
        throw ForecastRefused(sobol_is_why ? "sobol_samples" : (plan.convergence ? "max_paths" : "paths"),
                              what + " would need about " + mib(plan.bytes_needed) + ", more than the " + mib(have) +
                                  " available; use fewer " + (sobol_is_why ? "base rows" : "paths"));
    }
    // Work for a progress bar: batches that grow a run simulate only their new paths.
    plan.progress_total = plan.most_paths;
    return plan;
}

std::uint64_t sample_values_per_path(const Scenario& s, bool with_inputs) {
    return s.options.size() * (2 * s.horizons.size() + 1 + (with_inputs ? s.inputs.dimensions() : 0));
}

Forecast forecast(const Scenario& s, const ForecastSettings& settings) {
    ForecastPlan plan = plan_forecast(s, settings);
    sim::InverseCdfCache own_tables;
    plan.run.tables = settings.tables ? settings.tables : &own_tables;
    const auto start = std::chrono::steady_clock::now();
    Forecast f;
    f.threads = plan.threads;
    f.repairs = make_copula(s).repairs();
    f.convergence = std::move(plan.convergence);
    RunSettings& run = plan.run;

    // The paths kept for sensitivity, value of information and samples: the
    // whole run, or the pilot of a streamed one.
    std::optional<PathStore> store;
    RunSettings kept = run;
    if (plan.streaming) {
        kept.paths = plan.pilot_paths;
        kept.progress = nullptr;
        store.emplace(simulate(s, kept));
        RunSettings main = run;
        main.keep_inputs = false;
        f.results = summarize_streaming(s, main, *store, f.streaming.emplace());
    } else {
        store.emplace(simulate(s, run));
        check_cancel(run.cancel);
        f.results = summarize(s, *store, run.threads, run.cancel);
        if (f.convergence) grow_to_target(s, run, *f.convergence, store, f.results);
        kept = run;
    }
    check_cancel(run.cancel);
    if (settings.sensitivity) f.sensitivity = analyse_sensitivity(s, kept, *store, *settings.sensitivity);
    check_cancel(run.cancel);
    f.value_of_information =
        value_of_information(s, *store, asks_for(settings.sensitivity, SensitivityMethod::voi), run.cancel);
    check_cancel(run.cancel);
    if (settings.samples) f.samples = keep_samples(s, kept, *store, settings.samples, settings.sample_values, settings.sample_inputs);
    if (settings.keep_key_paths) f.key_paths = key_paths(*store);
    f.run = run;
    f.run.progress = nullptr;
    f.run.cancel = nullptr;
    f.run.tables = nullptr;  // the forecast's own tables end with it
    f.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return f;
}

}  // namespace models

#pragma once

#include <Eigen/Core>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/convergence.hpp"
#include "models/paired_change.hpp"
#include "models/results.hpp"
#include "models/scenario.hpp"
#include "models/sensitivity.hpp"
#include "models/simulation.hpp"
#include "models/streaming_summary.hpp"
#include "models/value_of_information.hpp"
#include "sim/gaussian_copula.hpp"

namespace models {

// Grow the run until every headline statistic's 95 % half-width is within
// `relative_half_width` of its value, or `max_paths` is reached.
struct ConvergenceTarget {
    double relative_half_width = 0.01;
    std::uint64_t max_paths = 1'000'000;
};

// Most paths whose key metrics a forecast keeps (ForecastSettings::samples).
inline constexpr std::uint64_t max_samples = 100'000;
// Numbers a sampled path adds to the samples table: per option NPV and ROI per
// horizon and the payback, then the input draws once per option row when kept.
std::uint64_t sample_values_per_path(const Scenario& s, bool with_inputs);
// Most numbers the samples tables of one command hold (rows × values), fewer
// paths when a scenario has many options and inputs: at about 30 bytes a
// number in JSON, a results file well under the 256 MiB `report` reads.
inline constexpr std::uint64_t max_sample_values = 4'000'000;

// How to run a forecast; unset values come from the scenario's `simulation`.
struct ForecastSettings {
    std::optional<std::uint64_t> paths, seed;
    std::optional<sim::Sampling> sampling;
    unsigned threads = 0;  // 0: every core
    std::optional<SensitivitySettings> sensitivity;
    std::optional<ConvergenceTarget> convergence;
    bool stream = false;   // summarise as simulated even when the paths would fit in memory
    // What the requested outputs show beyond the terminal summary: each path's
    // IRR per horizon (a root search, the costliest metric) and the monthly fan
    // chart (H stored values per path and option). Off, they are not computed
    // and the results say so (Results::irr, Results::fan_chart).
    bool irr = true, fan_chart = true;
    // Bytes the run may hold; nullopt: the machine's free memory (free_memory()).
    std::optional<std::uint64_t> memory_limit;
    std::uint64_t samples = 0;  // keep the key metrics of the first N paths
    // Most numbers the samples table may hold (a run with variants shares max_sample_values among its runs).
    std::uint64_t sample_values = max_sample_values;
    // Keep each sampled path's input draws beside its metrics (a variant's
    // run leaves them to the base's, which drew them on the same paths).
    bool sample_inputs = true;
    // Keep NPV and payback of every path (of the pilot, when streamed), to
    // pair this run with another on the same paths (variants against base).
    bool keep_key_paths = false;
    // Optional: advanced by the paths of each finished block.
    std::atomic<std::uint64_t>* progress = nullptr;
    // Optional: set to stop; every phase then ends soon and forecast() throws Cancelled.
    const std::atomic<bool>* cancel = nullptr;
    // Optional: tables shared with other forecasts (sweep points, variants);
    // without one, the forecast shares its tables between its own runs.
    sim::InverseCdfCache* tables = nullptr;
};

// A forecast that cannot run as asked: `setting` names what to change
// ("paths", "max_paths", "sobol_samples", "stream"), `message` says why.
struct ForecastRefused : std::exception {
    std::string setting, message;
    ForecastRefused(std::string setting_, std::string message_)
        : setting(std::move(setting_)), message(std::move(message_)) {}
    const char* what() const noexcept override { return message.c_str(); }
};

// How a forecast will run, decided before anything is allocated.
struct ForecastPlan {
    RunSettings run;              // paths, seed, sampling, threads of the first batch
    unsigned threads = 1;         // resolved thread count
    bool streaming = false;
    std::uint64_t pilot_paths = 0;      // streamed runs: paths kept for sensitivity and samples
    std::uint64_t bytes_needed = 0;
    std::uint64_t most_paths = 0;       // convergence: the cap; else the paths
    std::uint64_t progress_total = 0;   // what `progress` counts up to, at most
    std::optional<Convergence> convergence;  // target and notes, trace still empty
};

// The key metrics of the first paths of a run (NPV and ROI per horizon, payback).
struct PathSamples {
    struct Row {
        std::uint64_t path = 0;
        std::size_t option = 0;
        std::vector<double> npv, roi;  // per horizon; NaN where undefined
        double payback = 0;            // +∞ where not reached
    };
    std::uint64_t of_paths = 0;  // paths in the run they were taken from
    std::uint64_t cap = 0;       // most paths a run keeps
    std::vector<Row> rows;       // path-major, then option
    // The uncertain inputs' draws on the same paths: a row per path, a column
    // per dimension (Scenario::inputs.of_dimension), shared by every option;
    // no columns when not kept (ForecastSettings::sample_inputs).
    Eigen::MatrixXd inputs;
};

// One finished forecast: everything every output shows.
struct Forecast {
    RunSettings run;  // as run: paths after convergence
    unsigned threads = 1;
    double elapsed_seconds = 0;
    std::vector<sim::CorrelationRepair> repairs;  // correlations the copula had to move
    Results results;
    std::optional<Sensitivity> sensitivity;
    ValueOfInformation value_of_information;
    std::optional<Convergence> convergence;
    std::optional<StreamingInfo> streaming;
    std::optional<PathSamples> samples;
    std::optional<KeyPaths> key_paths;
};


// Bytes of memory the machine has free now (0: unknown).
std::uint64_t free_memory();

// The plan of forecast(): store or stream, memory, batches. Throws
// ForecastRefused when the run would not fit in memory.
ForecastPlan plan_forecast(const Scenario& s, const ForecastSettings& settings);

// Simulates the scenario and summarises it: stored or streamed as planned,
// grown to the convergence target, with sensitivity, value of information and
// samples. The one call behind `roicast run`, sweeps, the server and the bench.
Forecast forecast(const Scenario& s, const ForecastSettings& settings);

}  // namespace models

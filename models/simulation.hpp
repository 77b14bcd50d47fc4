#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "models/path_store.hpp"
#include "models/scenario.hpp"
#include "sim/block.hpp"
#include "sim/gaussian_copula.hpp"
#include "sim/inverse_cdf_cache.hpp"
#include "sim/sampling.hpp"
#include "sim/uniform_design.hpp"

namespace models {

struct RunSettings {
    std::uint64_t paths = 10000;
    // The run's paths are first_path … first_path + paths − 1: a run that grows
    // adds paths without simulating the earlier ones again (mc and sobol only,
    // whose path i does not depend on how many paths there are).
    std::uint64_t first_path = 0;
    std::uint64_t seed = 1;
    sim::Sampling sampling = sim::Sampling::lhs;
    unsigned threads = 0;  // 0: every core
    std::size_t block_size = 512;
    // Optional: incremented by the paths of each finished block (progress bar).
    std::atomic<std::uint64_t>* progress = nullptr;
    // Optional: set to stop early; the run then throws Cancelled.
    const std::atomic<bool>* cancel = nullptr;
    // Keep every path's drawn input values (for Spearman and SRC).
    bool keep_inputs = false;
    // Keep every path's monthly cumulative cash flow (for the fan chart).
    bool keep_cumulative = true;
    // Solve every path's IRR per horizon (a root search, the costliest metric):
    // off when no requested output shows it.
    bool irr = true;
    // Keep every path's breakdown by component and horizon, and its year table.
    bool keep_breakdown = true;
    // Optional: inverse CDFs built by earlier runs, shared (same draws, less setup).
    sim::InverseCdfCache* tables = nullptr;
};

// Periods of the year table over H months: month 0, then ⌈H/12⌉ years.
inline std::size_t year_periods(int months) { return static_cast<std::size_t>((months + 11) / 12) + 1; }

// What a run with these settings keeps per path.
StoreShape store_shape(const Scenario& s, const RunSettings& settings);

// Where a run's uniforms come from, a block of paths at a time: out gets
// block.size rows and one column per uncertain input.
using UniformSource = std::function<void(sim::BlockRange, sim::BlockMatrix&)>;

struct Cancelled : std::exception {
    const char* what() const noexcept override { return "cancelled"; }
};

// The copula of a scenario's correlations over its uncertain inputs.
sim::GaussianCopula make_copula(const Scenario& s);
// The uniforms of a run, one dimension per uncertain input, keyed by its
// address: an input draws the same numbers whichever other inputs exist.
sim::UniformDesign uniform_design(const Scenario& s, const RunSettings& settings);

// The month from which option a's cumulative cash flow stays at or above b's
// through month H, i.e. one after the last month a is behind (1 when it never
// is); +∞ when a ends behind.
double overtake_month(std::span<const float> ccf_a, std::span<const float> ccf_b);

// Simulates every option of the scenario on the same draws of the shared
// inputs: path i of every option sees the same baseline, so option
// differences are paired. Bit-identical for any thread count.
PathStore simulate(const Scenario& s, const RunSettings& settings);

// The same model on uniforms from elsewhere (a sensitivity design, fixed
// points): settings.paths rows are taken from source.
PathStore simulate(const Scenario& s, const RunSettings& settings, const UniformSource& source);

// Simulates paths settings.first_path … + settings.paths − 1 into the rows of
// the same index of `store`, which must have room for them.
void simulate_into(const Scenario& s, const RunSettings& settings, PathStore& store);

// The drawn values of the uncertain inputs (a column per dimension) on the
// run's paths settings.first_path … + n − 1: the numbers simulate() gives
// the model on those paths, computed again without simulating them.
Eigen::MatrixXd input_draws(const Scenario& s, const RunSettings& settings, std::uint64_t n);

// Receives one finished block of paths: outputs holds them in rows 0 …
// block.size − 1 (a per-thread store, reused for the thread's next block).
// Called concurrently from worker threads, one block at a time each.
using BlockConsumer = std::function<void(sim::BlockRange block, const PathStore& outputs)>;

// The same run without keeping it: each block goes to the consumer, so
// memory does not grow with the number of paths.
void simulate_blocks(const Scenario& s, const RunSettings& settings, const BlockConsumer& consumer);

}  // namespace models

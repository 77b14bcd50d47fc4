#pragma once

#include <array>
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "models/best_option.hpp"
#include "models/output_columns.hpp"
#include "models/path_store.hpp"
#include "models/scenario.hpp"
#include "sim/histogram.hpp"
#include "sim/summary.hpp"

namespace models {

// Distribution of a time that may be censored (not reached within H months).
struct TimeToEvent {
    static constexpr std::array<double, 5> levels = {0.10, 0.25, 0.50, 0.75, 0.90};
    std::array<double, 5> percentiles{};  // +∞ where the level is not reached
    double mean_reached = 0;              // over the paths that reach it (NaN if none)
    double share_reached = 0;
    std::vector<double> prob_within;  // P(time ≤ h), one per scenario horizon
    std::vector<double> cdf;          // P(time ≤ t), t = 1 … H
};

struct FanChart {
    static constexpr std::array<double, 5> levels = {0.05, 0.25, 0.50, 0.75, 0.95};
    std::array<std::vector<double>, 5> bands;  // bands[level][t − 1]
};

struct OptionResults {
    std::string name;
    std::vector<std::array<sim::Summary, metric_count>> horizons;  // [h][metric]
    std::vector<std::vector<sim::Summary>> breakdown;  // [h][row of breakdown_layout()], when kept
    std::vector<std::array<sim::Summary, year_parts>> years;  // [period][part], when kept
    std::vector<std::optional<sim::Histogram>> roi_histograms;  // per horizon, for charts
    TimeToEvent payback, discounted_payback;
    FanChart cumulative_cash_flow;
};

struct Comparison {
    std::string a, b;
    std::vector<sim::Summary> npv_difference;  // per horizon: npv_a − npv_b
    std::vector<double> prob_a_better;         // per horizon: P(npv_a > npv_b)
    std::vector<std::optional<sim::Histogram>> npv_difference_histograms;  // per horizon
    TimeToEvent overtake;                      // month from which a stays ahead of b
};

struct Results {
    std::vector<OptionResults> options;
    std::vector<Comparison> comparisons;
    std::vector<BestChoice> best;  // per horizon: the share of paths each choice has the highest NPV
    // Whether the run computed the IRR and the fan chart; when not, their
    // summaries are empty and no output may show them.
    bool irr = true, fan_chart = true;
};

// Histogram for a chart: 40 bins over the central range of the values
// (P5 − ¼·(P95 − P5) to P95 + ¼·(P95 − P5), within min and max); values
// beyond are counted as below or above, so one extreme path cannot flatten it.
sim::Histogram chart_histogram(std::span<const double> values, const sim::Summary& summary);

TimeToEvent time_to_event(std::vector<double> times, const std::vector<Horizon>& horizons, int months);

// Results shaped for the scenario and what its store keeps, to be filled.
Results empty_results(const Scenario& s, const StoreShape& shape);

// Where a column's summaries go in results shaped by empty_results().
sim::Summary& summary_of(Results& r, const OutputColumn& c);           // metric, npv_difference, breakdown, year
std::optional<sim::Histogram>& chart_of(Results& r, const OutputColumn& c);  // charted columns
TimeToEvent& time_of(Results& r, const OutputColumn& c);               // payback, overtake
double& fan_point(Results& r, const OutputColumn& c, std::size_t level);  // cumulative: FanChart::levels[level]

// Summaries of every stored quantity, computed in parallel over columns.
// Throws Cancelled soon after *cancel is set.
Results summarize(const Scenario& s, const PathStore& store, unsigned threads = 0,
                  const std::atomic<bool>* cancel = nullptr);

}  // namespace models

#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace app {

// A results file (MODEL.md §5 and roicast's additions) read back into values,
// so that the HTML, Excel and CSV writers work alike from a run in memory or
// from a saved file. Undefined and censored values (JSON null) are NaN.

struct HistogramData {
    double low = 0, bin_width = 1;
    std::vector<double> counts;
    double below = 0, above = 0;
    double total() const;
};

// One output's summary: mean, sd, p5 … p95, prob_positive, expected_shortfall_5, undefined, n.
struct DistributionData {
    std::map<std::string, double> stats;
    std::optional<HistogramData> histogram;
    double operator[](const std::string& statistic) const;
};

struct TimeToEventData {
    std::map<std::string, double> stats;          // p10 … p90 (NaN = not reached), mean, share_reached
    std::map<std::string, double> prob_within;    // by horizon name
    std::vector<double> cdf;                      // P(time ≤ t), t = 1 … H
    double operator[](const std::string& statistic) const;
};

struct HorizonData {
    std::string name;  // short, medium, long
    int months = 0;
};

struct OptionData {
    std::string name;
    std::vector<std::map<std::string, DistributionData>> horizons;  // [h][metric]
    TimeToEventData payback, discounted_payback;
    std::vector<std::pair<std::string, std::vector<double>>> fan;  // ("p5", by month) … ("p95", …)
};

struct ComparisonData {
    std::string a, b;
    std::vector<DistributionData> npv_difference;  // per horizon
    std::vector<double> prob_a_better;
    TimeToEventData overtake;
};

struct RankedInput {
    std::string input;
    double value = 0;
    int rank = 0;
    std::optional<std::pair<double, double>> ci95;
};

struct InputData {
    std::string input, distribution, source;
    double mean = 0, p5 = 0, p50 = 0, p95 = 0;
};

struct CorrelationData {
    std::string a, b;
    double requested = 0, applied = 0;  // applied = requested unless repaired
};

struct SampleRow {
    double path = 0;
    std::string option;
    std::vector<double> values;  // one per value column
};

struct SamplesData {
    std::string note;
    std::vector<std::string> value_columns;  // npv_12, roi_12, …, payback_months
    std::vector<SampleRow> rows;
};

struct ReportData {
    std::string scenario, currency, sampling;
    double paths = 0, seed = 0, threads = 0, elapsed_seconds = 0, discount_rate = 0;
    std::vector<HorizonData> horizons;
    std::optional<std::pair<double, double>> payback_reference;
    std::vector<OptionData> options;
    std::vector<ComparisonData> comparisons;
    // sensitivity[option][horizon index][metric][method] = ranking, best first
    std::map<std::string, std::vector<std::map<std::string, std::map<std::string, std::vector<RankedInput>>>>>
        sensitivity;
    std::vector<InputData> inputs;
    std::vector<CorrelationData> correlations;
    bool correlations_repaired = false;
    std::vector<double> evpi;  // per horizon, when present
    std::vector<std::string> notes, method_notes;
    std::optional<std::string> convergence;  // one line, with --target-ci
    std::optional<SamplesData> samples;      // with --samples

    std::size_t horizon_index(int months) const;
    std::string option_label(const std::string& name) const;  // "custom" → "Custom"
};

// Why a results file cannot be read, with the address of the bad value.
class ResultsFileError : public std::runtime_error {
public:
    ResultsFileError(const std::string& address, const std::string& message)
        : std::runtime_error(address.empty() ? message : address + ": " + message) {}
};

ReportData read_report_data(const nlohmann::ordered_json& results);

}  // namespace app

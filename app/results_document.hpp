#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/financial_metrics.hpp"

// The results file (docs/model.md, "Results file") as typed values: what
// `roicast run --json` writes, what `roicast report` reads, and what every
// writer (terminal, HTML, workbook, CSV) shows. Each struct lists its JSON
// keys once, in visit(); the same list writes, reads and names its numbers.
// Undefined and censored values are NaN here and null in JSON.

namespace app {

// Why a results file cannot be read, with the address of the bad value.
class ResultsFileError : public std::runtime_error {
public:
    ResultsFileError(const std::string& address, const std::string& message)
        : std::runtime_error(address.empty() ? message : address + ": " + message), address_(address),
          message_(message) {}
    const std::string& address() const { return address_; }
    const std::string& message() const { return message_; }

private:
    std::string address_, message_;
};

// What a results file may hold (docs/model.md, "The results file"): well
// above what any run writes, low enough that every writer's arithmetic,
// memory and output stay bounded.
namespace results_limits {
inline constexpr std::uint64_t file_bytes = 256u << 20;  // what `roicast report` reads
inline constexpr int months = 1200;                      // a horizon; per-month arrays are this long at most
inline constexpr std::uint64_t count = 1ull << 53;       // paths and counts: exact as a double
inline constexpr double magnitude = 1e300;               // every number, so that the span of two stays finite
inline constexpr std::size_t options = 100;              // options, and variants
inline constexpr std::size_t bins = 1000;                // a histogram's bins
inline constexpr std::size_t inputs = 100'000;           // uncertain inputs; rankings list each once at most
inline constexpr std::uint64_t sample_paths = 100'000;   // samples: rows per option (models::max_samples)
inline constexpr std::size_t depth = 64;                 // nesting of JSON values
inline constexpr std::size_t members = 10'000;           // members of a JSON object
inline constexpr std::uint64_t key_comparisons = 1'000'000'000;  // to build every object (keys are found one by one)
}  // namespace results_limits

// One output's distribution over the paths where it is defined.
struct Statistics {
    double mean = 0, sd = 0;
    std::array<double, 2> mean_ci95{};
    double p5 = 0, p10 = 0, p25 = 0, p50 = 0, p75 = 0, p90 = 0, p95 = 0;
    double prob_positive = 0, expected_shortfall_5 = 0;
    double undefined = 0;  // share of paths where it is undefined
    std::uint64_t n = 0;   // paths where it is defined

    template <class V>
    void visit(V& v) {
        v("mean", mean), v("sd", sd), v("mean_ci95", mean_ci95), v("p5", p5), v("p10", p10), v("p25", p25);
        v("p50", p50), v("p75", p75), v("p90", p90), v("p95", p95), v("prob_positive", prob_positive);
        v("expected_shortfall_5", expected_shortfall_5), v("undefined", undefined), v("n", n);
    }
};

// Bins for a chart: counts over [low, low + bins·width), the rest counted apart.
struct Histogram {
    double low = 0, bin_width = 1;
    std::vector<std::uint64_t> counts;
    std::uint64_t below = 0, above = 0, undefined = 0;
    double total() const;  // every value, undefined ones aside

    template <class V>
    void visit(V& v) {
        v("low", low), v("bin_width", bin_width), v("counts", counts), v("below", below), v("above", above);
        v("undefined", undefined);
    }
};

// A statistic with the chart of its distribution (null when not charted).
struct ChartedStatistics {
    Statistics statistics;
    std::optional<Histogram> histogram;

    template <class V>
    void visit(V& v) {
        statistics.visit(v);
        v("histogram", histogram);
    }
};

// A time that may not be reached within the run (payback, overtake month).
struct TimeToEvent {
    double p10 = 0, p25 = 0, p50 = 0, p75 = 0, p90 = 0;  // NaN: not reached at that level
    double mean = 0;           // over the paths that reach it
    double share_reached = 0;
    struct Within {
        std::string name;  // horizon name
        double value = 0;
    };
    std::vector<Within> prob_within;  // P(time ≤ horizon), per horizon
    std::vector<double> cdf;          // P(time ≤ t), t = 1 … H

    template <class V>
    void visit(V& v) {
        v("p10", p10), v("p25", p25), v("p50", p50), v("p75", p75), v("p90", p90), v("mean", mean);
        v("share_reached", share_reached), v.named("prob_within", prob_within, &Within::value), v("cdf", cdf);
    }
};

// The centre and spread of a sum over the paths.
struct Quantiles {
    double mean = 0, p10 = 0, p50 = 0, p90 = 0;

    template <class V>
    void visit(V& v) {
        v("mean", mean), v("p10", p10), v("p50", p50), v("p90", p90);
    }
};

struct NamedQuantiles {
    std::string name;
    Quantiles quantiles;
    std::optional<bool> soft;  // a benefit line marked soft (not cash); written only then

    std::string key() const { return name; }
    void set_key(const std::string& key, const std::string&) { name = key; }

    template <class V>
    void visit(V& v) {
        quantiles.visit(v);
        v.optional("soft", soft);
    }
};

// Where the benefits come from: each customer effect alone, what they add
// together (interaction), productivity (soft), each savings and benefit line.
struct BenefitBreakdown {
    Quantiles conversion, sales_cycle, retention, revenue_per_customer, interaction, productivity;
    std::vector<NamedQuantiles> savings, lines;

    template <class V>
    void visit(V& v) {
        v("conversion", conversion), v("sales_cycle", sales_cycle), v("retention", retention);
        v("revenue_per_customer", revenue_per_customer), v("interaction", interaction);
        v("productivity", productivity), v.keyed_if_any("savings", savings), v.keyed_if_any("lines", lines);
    }
};

// Where the costs go: each cost line (overrun included), the dip, each risk.
struct CostBreakdown {
    std::vector<NamedQuantiles> lines;
    std::optional<Quantiles> productivity_dip;
    std::vector<NamedQuantiles> risks;

    template <class V>
    void visit(V& v) {
        v.keyed_if_any("lines", lines), v.optional("productivity_dip", productivity_dip);
        v.keyed_if_any("risks", risks);
    }
};

// Each component's undiscounted sum up to the horizon (month 0 included).
struct Breakdown {
    BenefitBreakdown benefits;
    CostBreakdown costs;

    double benefits_mean() const;
    double costs_mean() const;
    double soft_mean() const;  // productivity and the soft lines

    template <class V>
    void visit(V& v) {
        v("benefits", benefits), v("costs", costs);
    }
};

// One period of the year table: month 0, or a year of months.
struct YearRecord {
    Quantiles benefits, costs, net, discounted_net;

    template <class V>
    void visit(V& v) {
        v("benefits", benefits), v("costs", costs), v("net", net), v("discounted_net", discounted_net);
    }
};

// The metrics of one option at one horizon, by models::Metric.
struct HorizonMetrics {
    int months = 0;
    std::array<Statistics, models::metric_count> metrics{};
    std::optional<Histogram> roi_histogram;
    std::optional<Breakdown> breakdown;

    const Statistics& operator[](models::Metric m) const { return metrics[static_cast<std::size_t>(m)]; }
    std::string key() const { return std::to_string(months); }
    void set_key(const std::string& key, const std::string& at);

    template <class V>
    void visit(V& v) {
        for (models::Metric m : models::all_metrics) {
            auto& s = metrics[static_cast<std::size_t>(m)];
            v.object(models::metric_names[static_cast<std::size_t>(m)], [&](auto& inner) {
                s.visit(inner);
                if (m == models::Metric::roi) inner("histogram", roi_histogram);
            });
        }
        v.optional("breakdown", breakdown);
    }
};

// Cumulative cash flow by month: the fan chart's bands, t = 1 … H.
struct FanChart {
    std::vector<double> p5, p25, p50, p75, p95;

    // ("p5", band) … ("p95", band), lowest first.
    std::array<std::pair<const char*, const std::vector<double>*>, 5> bands() const {
        return {{{"p5", &p5}, {"p25", &p25}, {"p50", &p50}, {"p75", &p75}, {"p95", &p95}}};
    }

    template <class V>
    void visit(V& v) {
        v("p5", p5), v("p25", p25), v("p50", p50), v("p75", p75), v("p95", p95);
    }
};

struct OptionResult {
    std::string name;
    std::vector<HorizonMetrics> horizons;  // in the document's horizon order
    TimeToEvent payback, discounted_payback;
    FanChart cumulative_cash_flow;
    std::vector<YearRecord> years;  // month 0, then year 1, 2, …

    std::string key() const { return name; }
    void set_key(const std::string& key, const std::string&) { name = key; }

    template <class V>
    void visit(V& v) {
        v.keyed("horizons", horizons), v("payback_months", payback);
        v("discounted_payback_months", discounted_payback), v("cumulative_cash_flow", cumulative_cash_flow);
        v.defaulted("years", years);
    }
};

struct PairHorizon {
    int months = 0;
    ChartedStatistics npv_difference;  // NPV of a minus NPV of b, path by path
    double prob_a_better = 0;         // share of paths where a's NPV is higher

    std::string key() const { return std::to_string(months); }
    void set_key(const std::string& key, const std::string& at);

    template <class V>
    void visit(V& v) {
        v("npv_difference", npv_difference), v("prob_a_better", prob_a_better);
    }
};

// Option a against option b on the same draws.
struct ComparisonResult {
    std::string a, b;
    std::vector<PairHorizon> horizons;
    TimeToEvent overtake;  // month from which a's cumulative cash flow stays ahead of b's

    std::string key() const { return a + "_vs_" + b; }
    void set_key(const std::string& key, const std::string& at);

    template <class V>
    void visit(V& v) {
        v.keyed("horizons", horizons), v("overtake_month", overtake);
    }
};

// A share of paths per option, by the option's name.
struct OptionShare {
    std::string name;
    double value = 0;
};

// Which choice has the highest NPV at one horizon, path by path
// (models/best_option.hpp): among the options alone, and counting not
// investing (NPV 0) as a choice, as the decision rule does. Each sums to 1.
struct BestChoiceAt {
    int months = 0;
    std::vector<OptionShare> among_options, counting_not_investing;  // in the document's option order
    double not_investing = 0;

    std::string key() const { return std::to_string(months); }
    void set_key(const std::string& key, const std::string& at);
    // The option's share of either list; NaN if it is not there.
    static double of(const std::vector<OptionShare>& list, const std::string& option);

    template <class V>
    void visit(V& v) {
        v.named("among_options", among_options, &OptionShare::value);
        v.named("counting_not_investing", counting_not_investing, &OptionShare::value);
        v("not_investing", not_investing);
    }
};

struct HeadlineStatistic {
    std::string statistic;
    double value = 0, ci95_half_width = 0, relative = 0;
    bool met = false;

    template <class V>
    void visit(V& v) {
        v("statistic", statistic), v("value", value), v("ci95_half_width", ci95_half_width);
        v("relative", relative), v("met", met);
    }
};

struct ConvergenceStep {
    std::uint64_t paths = 0;
    std::vector<HeadlineStatistic> statistics;

    template <class V>
    void visit(V& v) {
        v("paths", paths), v("statistics", statistics);
    }
};

// A run grown until its headline statistics met a precision target.
struct ConvergenceRecord {
    double target = 0;
    std::uint64_t max_paths = 0;
    bool met = false;
    std::uint64_t paths = 0;
    std::vector<ConvergenceStep> trace;
    std::vector<std::string> notes;

    template <class V>
    void visit(V& v) {
        v("target", target), v("max_paths", max_paths), v("met", met), v("paths", paths), v("trace", trace);
        v("notes", notes);
    }
};

// A run summarised as it was simulated, not stored.
struct StreamingRecord {
    std::uint64_t pilot_paths = 0, bins = 0;
    double percentile_rank_error_bound = 0;
    std::string note;

    template <class V>
    void visit(V& v) {
        v("pilot_paths", pilot_paths), v("bins", bins);
        v("percentile_rank_error_bound", percentile_rank_error_bound), v("note", note);
    }
};

struct RankedInput {
    std::string input;  // the input's address
    double value = 0;
    std::uint64_t rank = 0;  // 1 = most important
    std::optional<std::array<double, 2>> ci95;
    // Tornado only: the metric with this input at its P10 and at its P90, every other input at its median.
    std::optional<double> low, high;

    template <class V>
    void visit(V& v) {
        v("input", input), v("value", value), v("rank", rank), v("ci95", ci95);
        v.optional("low", low), v.optional("high", high);
    }
};

struct MethodRanking {
    std::string method;  // tornado, spearman, src, sobol_first, sobol_total, tail
    std::vector<RankedInput> ranking;

    std::string key() const { return method; }
    void set_key(const std::string& key, const std::string&) { method = key; }
};

// The rankings of one metric: methods by name, then the fit and base values.
struct MetricSensitivity {
    std::string metric;  // npv, roi, payback_months; npv_difference for a pair
    std::vector<MethodRanking> methods;
    std::optional<double> src_r_squared, tornado_base;

    std::string key() const { return metric; }
    void set_key(const std::string& key, const std::string&) { metric = key; }
    const MethodRanking* find(const std::string& method) const;

    template <class V>
    void visit(V& v) {
        v.rankings(methods), v.optional("src_r_squared", src_r_squared), v.optional("tornado_base", tornado_base);
    }
};

struct HorizonSensitivity {
    int months = 0;
    std::vector<MetricSensitivity> metrics;

    std::string key() const { return std::to_string(months); }
    void set_key(const std::string& key, const std::string& at);
    const MetricSensitivity* find(const std::string& metric) const;

    template <class V>
    void visit(V& v) {
        v.keyed_here(metrics);
    }
};

// An option's rankings, or a pair's: option "a_vs_b" (as in `comparison`)
// with the one metric npv_difference.
struct OptionSensitivity {
    std::string option;
    std::vector<HorizonSensitivity> horizons;  // those present, in the document's order

    std::string key() const { return option; }
    void set_key(const std::string& key, const std::string&) { option = key; }

    template <class V>
    void visit(V& v) {
        v.keyed_here(horizons);
    }
};

struct InputValue {
    std::string input;
    double value = 0;
    std::uint64_t rank = 0;

    template <class V>
    void visit(V& v) {
        v("input", input), v("value", value), v("rank", rank);
    }
};

// Value of information at one horizon: what knowing everything before
// deciding is worth (EVPI), and per input (EVPPI) when computed.
struct HorizonValueOfInformation {
    int months = 0;
    double evpi = 0;
    std::array<double, 2> evpi_ci95{};
    std::string best_on_expected_npv;
    std::optional<std::vector<InputValue>> evppi;

    std::string key() const { return std::to_string(months); }
    void set_key(const std::string& key, const std::string& at);

    template <class V>
    void visit(V& v) {
        v("evpi", evpi), v("evpi_ci95", evpi_ci95), v("best_on_expected_npv", best_on_expected_npv);
        v.optional("evppi", evppi);
    }
};

struct ValueOfInformationRecord {
    std::vector<HorizonValueOfInformation> horizons;
    std::string method;

    template <class V>
    void visit(V& v) {
        v.keyed_here(horizons), v("method", method);
    }
};

// One uncertain input as the run drew it.
struct InputSummary {
    std::string input, distribution;
    double mean = 0, p5 = 0, p50 = 0, p95 = 0;
    std::string source, label;

    template <class V>
    void visit(V& v) {
        v("input", input), v("distribution", distribution), v("mean", mean), v("p5", p5), v("p50", p50);
        v("p95", p95), v("source", source), v.defaulted("label", label);
    }
};

// One entry of the assumptions register: an input of the scenario, constants
// (and the defaults the file leaves out) included, as a reader needs it (a risk's own occurrence draw
// is not one: its probability is).
struct Assumption {
    std::string group;     // "baseline" or an option's name
    std::string address;   // the input's address in the scenario file
    std::string label;     // the user's label, else a name for what it is
    std::string value;     // in words: "PERT €500,000 / €600,000 / €800,000 per user a month"
    std::string quantity;  // money, share, months, count, factor, rate: how its numbers read
    bool uncertain = false;
    double mean = 0, p10 = 0, p50 = 0, p90 = 0;
    std::string source;

    template <class V>
    void visit(V& v) {
        v("group", group), v("address", address), v("label", label), v("value", value), v("quantity", quantity);
        v("uncertain", uncertain), v("mean", mean), v("p10", p10), v("p50", p50), v("p90", p90);
        v("source", source);
    }
};

// A valid but implausible value of the scenario, at its address, with the
// value probably meant (models/plausibility.hpp).
struct ValueWarning {
    std::string address, message;

    template <class V>
    void visit(V& v) {
        v("address", address), v("message", message);
    }
};

struct RequestedCorrelation {
    std::array<std::string, 2> between;
    double rank = 0;

    template <class V>
    void visit(V& v) {
        v("between", between), v("rank", rank);
    }
};

struct CorrelationRepair {
    std::array<std::string, 2> between;
    double requested = 0, applied = 0;

    template <class V>
    void visit(V& v) {
        v("between", between), v("requested", requested), v("applied", applied);
    }
};

struct Correlations {
    std::vector<RequestedCorrelation> requested;
    std::vector<CorrelationRepair> repairs;

    template <class V>
    void visit(V& v) {
        v("requested", requested), v("repairs", repairs);
    }
};

// The key metrics of the first paths of the run, one row per path and option.
struct Samples {
    struct Row {
        std::uint64_t path = 0;
        std::string option;
        std::vector<double> values;  // one per value column; NaN = undefined or not reached
    };
    std::uint64_t paths = 0;
    std::string note;
    std::vector<std::string> columns;  // path, option, then the value columns
    std::vector<Row> rows;

    template <class V>
    void visit(V& v) {
        v("paths", paths), v("note", note), v("columns", columns), v.sample_rows("rows", rows);
    }
};

struct HorizonName {
    std::string name;  // short, medium, long
    int months = 0;
};

// How a variant moves one option's NPV at one horizon, paired path by path.
struct HorizonChange {
    int months = 0;
    Quantiles npv_change;   // the variant's NPV minus the base's on the same path
    double prob_worse = 0;  // share of paths where the variant's NPV is lower

    std::string key() const { return std::to_string(months); }
    void set_key(const std::string& key, const std::string& at);

    template <class V>
    void visit(V& v) {
        v("npv_change", npv_change), v("prob_worse", prob_worse);
    }
};

struct OptionChange {
    std::string option;
    std::vector<HorizonChange> horizons;
    double prob_payback_later = 0;  // the variant pays back later on the same path (or never where base does)

    std::string key() const { return option; }
    void set_key(const std::string& key, const std::string&) { option = key; }

    template <class V>
    void visit(V& v) {
        v.keyed("horizons", horizons), v("prob_payback_later", prob_payback_later);
    }
};

// A variant against the base run on the same seed and paths.
struct AgainstBase {
    std::uint64_t paths = 0;  // paths paired (a streamed run's pilot, else every path)
    std::vector<OptionChange> options;

    template <class V>
    void visit(V& v) {
        v("paths", paths), v.keyed("options", options);
    }
};

struct VariantResult;

// What a variant changes: values at dotted paths, inputs held to a percentile band.
struct VariantDefinition {
    std::string description;
    nlohmann::ordered_json set = nlohmann::ordered_json::object();     // path → value (its own, then --set)
    nlohmann::ordered_json stress = nlohmann::ordered_json::object();  // input address → [low, high]

    template <class V>
    void visit(V& v) {
        v("description", description), v("set", set), v("stress", stress);
    }
};

struct ResultsDocument {
    std::string scenario;
    std::uint64_t paths = 0, seed = 0;
    std::string sampling;
    unsigned threads = 0;
    double elapsed_seconds = 0;
    std::string currency;
    std::vector<HorizonName> horizons;
    double discount_rate = 0;
    std::optional<std::array<double, 2>> payback_reference_months;
    std::vector<OptionResult> options;
    std::vector<ComparisonResult> comparisons;
    std::vector<BestChoiceAt> prob_best;  // per horizon; empty in files of earlier versions
    std::optional<ConvergenceRecord> convergence;
    std::optional<StreamingRecord> streaming;
    std::optional<std::vector<OptionSensitivity>> sensitivity;
    std::optional<ValueOfInformationRecord> value_of_information;
    std::vector<InputSummary> inputs;
    std::vector<Assumption> assumptions;
    std::vector<ValueWarning> warnings;
    Correlations correlations;
    std::vector<std::string> notes;
    std::optional<std::vector<std::string>> sensitivity_notes;
    std::optional<std::uint64_t> sensitivity_sobol_paths;
    std::optional<Samples> samples;
    nlohmann::ordered_json set = nlohmann::ordered_json::object();  // --set edits this run applied (path → value)
    std::optional<std::vector<VariantResult>> variants;
    // Results keys the run left out because no requested output shows them
    // ("irr", "cumulative_cash_flow": the terminal summary shows neither).
    // Not part of the file: a document missing any of them is never written.
    std::vector<std::string> not_computed;

    // Throws std::logic_error when a writer gets a document with keys left out.
    void require_complete() const;

    template <class V>
    void visit(V& v) {
        // Keys a hand-made or older file may leave out are read as their defaults.
        v("scenario", scenario), v("paths", paths), v.full_range("seed", seed), v("sampling", sampling);
        v.defaulted("threads", threads), v.defaulted("elapsed_seconds", elapsed_seconds), v("currency", currency);
        v.named("horizons", horizons, &HorizonName::months), v("discount_rate", discount_rate);
        v.optional("payback_reference_months", payback_reference_months), v.keyed("options", options);
        v.defaulted_keyed("comparison", comparisons), v.keyed_if_any("prob_best", prob_best);
        v.optional("convergence", convergence);
        v.optional("streaming", streaming), v.optional_keyed("sensitivity", sensitivity);
        v.optional("value_of_information", value_of_information), v.defaulted("inputs", inputs);
        v.defaulted("assumptions", assumptions);
        v.defaulted("warnings", warnings);
        v.defaulted("correlations", correlations), v.defaulted("notes", notes);
        v.optional("sensitivity_notes", sensitivity_notes);
        v.optional("sensitivity_sobol_paths", sensitivity_sobol_paths), v.optional("samples", samples);
        v.defaulted_if_any("set", set), v.optional_keyed("variants", variants);
    }

    // Index of the horizon of that many months; horizons.size() if none.
    std::size_t horizon_index(int months) const;
    const OptionSensitivity* sensitivity_of(const std::string& option) const;
    // The rankings of `metric` for an option (or a pair, by its key) at a horizon index, if the run made them.
    const MetricSensitivity* sensitivity_of(const std::string& option, std::size_t horizon,
                                            const std::string& metric) const;
    // The ranking of `metric` by `method` for an option at a horizon index, if the run made one.
    const MethodRanking* ranking(const std::string& option, std::size_t horizon, const std::string& metric,
                                 const std::string& method) const;
};

// A what-if run beside the base: its own results (every key of a results
// file but "variants"), what it changed, and how it moves the base path by path.
struct VariantResult {
    std::string name;
    ResultsDocument results;
    VariantDefinition variant;
    std::optional<AgainstBase> against_base;

    std::string key() const { return name; }
    void set_key(const std::string& key, const std::string&) { name = key; }

    template <class V>
    void visit(V& v) {
        results.visit(v);
        v("variant", variant), v.optional("against_base", against_base);
    }
};

// The document as JSON, keys in the documented order.
nlohmann::ordered_json to_json(const ResultsDocument& document);
// The results file's text, as `run --json` writes it and the server answers it.
std::string results_json_text(const ResultsDocument& document);

// A results file read back; throws ResultsFileError naming the first bad
// value's address (missing keys, wrong types, numbers out of range, lengths
// that do not match, arrays beyond results_limits): what it returns, every
// writer can show without reading past an array or printing inf.
// A text a scenario could not hold (a control character, over 2,000
// characters, a currency that is not a code or symbol) is refused too.
ResultsDocument results_document_from_json(const nlohmann::ordered_json& json);

// The text of a results file as JSON, refused (ResultsFileError with the
// address) when nested deeper or with objects larger than results_limits
// allow; nlohmann::json::parse_error when it is not JSON.
nlohmann::ordered_json parse_results_json(std::string_view text);

// The number fields of a summary with their keys, in the documented order
// ("mean", "sd", …), for tidy CSV rows; arrays and nested values aside.
std::vector<std::pair<std::string, double>> named_numbers(const Statistics& s);
std::vector<std::pair<std::string, double>> named_numbers(const TimeToEvent& t);

// "Custom", "Standard SaaS": an option's name as a heading.
std::string option_label(const std::string& name);

}  // namespace app

#pragma once

#include <string>
#include <vector>

#include "app/results_document.hpp"

namespace app {

// Wording shared by the HTML report, the workbook and the text summary.

// "effects · conversion uplift" for "options.custom.effects.conversion_uplift".
std::string input_label(const std::string& address);

// The same with the option kept, for rankings over two options' inputs:
// "Custom · effects · conversion uplift"; baseline inputs as input_label.
std::string input_label_with_option(const std::string& address);

// "Custom minus Standard": what a pair's npv_difference measures.
std::string difference_label(const ComparisonResult& c);

// "7,500", "0.125", "2.5"; "n/a" for NaN: input values of any unit.
std::string plain_number(double x);

// The horizon an executive summary quotes: "medium" if there is one, else the last.
std::size_t headline_horizon(const ResultsDocument& r);

// "Custom: median ROI at 36 months 180 % (80 % interval 40 %–390 %); breaks even
// after 13.4 months (P10–P90: 10.9–16.8); 26 % chance of payback within 12 months, …"
std::string option_summary(const ResultsDocument& r, const OptionResult& o);

// "At 12 months Standard is ahead with probability 72 %; …" for one pair.
std::string comparison_summary(const ResultsDocument& r, const ComparisonResult& c);

// The one ranking every output shows for a metric (terminal, HTML, workbook),
// for an option's metrics and a pair's npv_difference alike: Sobol total
// effects when run (they count interactions and non-linear effects), else SRC
// when the linear fit explains at least 70 % of the variance, else Spearman,
// SRC, tornado, and tail only when it is the only one run: it says what the
// worst paths have in common, not how much an input moves the result, so it
// is shown beside the headline rather than as it. Null when none was run
// (or none has a defined value).
const MethodRanking* headline_ranking(const MetricSensitivity& m);

// That policy in a sentence, for the reports' method notes.
extern const char* const headline_policy;

// The same for an option's (or a pair's, by its key a_vs_b) metric at a horizon index of the document.
const MethodRanking* headline_ranking(const ResultsDocument& r, const std::string& option, std::size_t horizon,
                                      const std::string& metric);

// "Spearman rank correlation", "tornado swing (P10 to P90)", …: a method as a reader names it.
std::string method_name(const std::string& method);

// One ranked input's value as every output shows it: a tornado swing in
// money (a payback's in months, an ROI's as a percentage), a tail shift in
// signed standard deviations, an index or coefficient to two decimals.
std::string ranking_value_text(const ResultsDocument& r, const MethodRanking& m, const RankedInput& i,
                               const std::string& metric = "npv");

// IRR is undefined on many paths when an option never or always pays back
// within the horizon; a median over the rest is then not typical.
inline constexpr double irr_undefined_limit = 0.10;
bool irr_is_typical(const Statistics& irr);
// "12.3 %", or "undefined on 59 % of paths" when irr_is_typical is false.
std::string irr_median_text(const Statistics& irr);

// A requested rank correlation with what the copula applied (the same unless repaired).
struct CorrelationLine {
    std::string a, b;
    double requested = 0, applied = 0;
};
std::vector<CorrelationLine> correlation_lines(const ResultsDocument& r);

// What the reader should know about how the figures were made: the
// convergence outcome, each sensitivity method's assumptions, streaming, and
// the scenario's implausible values (ResultsDocument::warnings), then those
// only a variant has, under its name.
std::vector<std::string> method_notes(const ResultsDocument& r);

// The implausible values a variant has and the base does not (its results'
// own warnings), "Check this input: …" each: the variant's notes in the
// What-if section, and under its name in the method notes.
std::vector<std::string> variant_warning_notes(const ResultsDocument& base, const VariantResult& v);

}  // namespace app

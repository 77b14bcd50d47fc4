#pragma once

#include <string>

#include "app/report_data.hpp"

namespace app {

// Wording shared by the HTML report, the workbook and the text summary.

// "effects · conversion uplift" for "options.custom.effects.conversion_uplift".
std::string input_label(const std::string& address);

// "7,500", "0.125", "2.5"; "n/a" for NaN: input values of any unit.
std::string plain_number(double x);

// The horizon an executive summary quotes: "medium" if there is one, else the last.
std::size_t headline_horizon(const ReportData& r);

// "Custom: median ROI at 36 months 180 % (80 % interval 40 %–390 %); breaks even
// after 13.4 months (P10–P90: 10.9–16.8); 26 % chance of payback within 12 months, …"
std::string option_summary(const ReportData& r, const OptionData& o);

// "At 12 months Standard is ahead with probability 72 %; …" for one pair.
std::string comparison_summary(const ReportData& r, const ComparisonData& c);

// The sensitivity method a chart shows for an option, metric and horizon:
// tornado (in the metric's units) when run, else SRC, Spearman, Sobol total.
// Empty when none was run.
std::string preferred_sensitivity_method(const ReportData& r, const std::string& option, std::size_t horizon,
                                         const std::string& metric);

}  // namespace app

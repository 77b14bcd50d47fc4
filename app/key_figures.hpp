#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/results_document.hpp"
#include "app/what_if_table.hpp"

namespace app {

// The key figures of page one, per option, as every output shows them: the
// HTML page one, the workbook's Summary sheet, key_figures.csv and the
// terminal. One list of figures gives each statistic one label (the mean or
// the median said), one tidy name and one format everywhere.
struct KeyFigure {
    std::string label;             // "ROI median, 12 mo"
    std::string statistic;         // "roi_p50": its name in key_figures.csv
    std::optional<int> months;     // the horizon (or payback month) it is read at
    Figure figure = Figure::share;
    std::function<double(const OptionResult&)> read;  // NaN where undefined or not reached
};

// The labels of the k-way "probability each option is best" at the last
// horizon (ResultsDocument::prob_best): among the options alone, and with not
// investing counted as a choice of NPV 0.
extern const char* const prob_best_label;
extern const char* const prob_best_counting_label;

// ROI median per horizon; payback median, P10 and P90; P(payback within the
// reference band's end, else the first horizon); at the last horizon NPV
// mean, P10, median, P90 and P(NPV > 0), the probability of the highest NPV
// (among two options or more, and counting not investing) when the run has it, the median ROI on hard benefits and
// the soft share of the benefits (of their means).
std::vector<KeyFigure> key_figures(const ResultsDocument& r);

// A figure as every output writes it: "38 %", "-€1.23M", "13.4"; a payback
// not reached within the run "after 60".
std::string figure_text(Figure figure, double value, const std::string& currency, int last_months);

// The soft share of an option's benefits at a horizon: soft benefits' mean
// over all benefits' mean; NaN without a breakdown or without benefits.
double soft_share(const HorizonMetrics& h);

}  // namespace app

#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/escaped_stream.hpp"

namespace app::chart {

// A small chart model that the report builds and an SVG writer draws. Colours
// are chosen by the caller from palette.hpp, which differ in lightness so the
// charts still read when printed in grey.

using Format = std::function<std::string(double)>;

struct Band {  // filled region between two curves, e.g. P5–P95
    std::vector<double> x, low, high;
    std::string fill, label;
};

struct Line {
    std::vector<double> x, y;
    std::string stroke, label;
    double width = 2;
    std::string dash;   // SVG stroke-dasharray, empty for solid
    bool step = false;  // a step function (CDFs of whole months)
    bool dots = false;  // a dot at each point (values that were computed, not interpolated)
};

struct Bars {  // equal-width bins starting at x0
    double x0 = 0, bin_width = 1;
    std::vector<double> heights;
    std::string fill, label;
};

struct Marker {  // vertical reference line with a label at the top
    double x = 0;
    std::string label, dash = "4 3";
};

struct Span {  // shaded vertical region, e.g. a reference band of months
    double from = 0, to = 0;
    std::string label, fill;
};

struct Chart {
    std::string id, title, x_label, y_label;
    Format x_format, y_format;
    std::vector<Band> bands;
    std::vector<Bars> bars;
    std::vector<Line> lines;
    std::vector<Marker> markers;
    std::vector<Span> spans;
    std::optional<std::pair<double, double>> x_range, y_range;  // default: fitted to the data
    std::vector<double> x_ticks;                                // default: nice ticks
    bool zero_line = false;                                     // a stronger y = 0 line
};

// Horizontal bars from 0, largest first: a tornado of signed swings.
struct DivergingBars {
    std::string id, title, x_label;
    Format x_format;
    std::vector<std::pair<std::string, double>> bars;  // (label, value)
    std::string positive_fill, negative_fill;
    // Two-sided (a tornado): per bar the metric with the input at its P10
    // and at its P90, drawn from `base` (every input at its median); the
    // P10 side in negative_fill, the P90 side in positive_fill.
    std::optional<double> base;
    std::vector<std::pair<double, double>> ranges;  // (at P10, at P90), one per bar
};

// One quantity's spread per row, e.g. NPV per variant: whiskers from P5 to
// P95, an outer box from P10 to P90, an inner box from P25 to P75 and the median.
struct Interval {
    std::string label;
    double p5 = 0, p10 = 0, p25 = 0, p50 = 0, p75 = 0, p90 = 0, p95 = 0;
};

struct Intervals {
    std::string id, title, x_label;
    Format x_format;
    std::vector<Interval> rows;
    std::optional<Marker> marker;  // a vertical reference line, e.g. break-even
    std::string outer_fill, inner_fill, median_stroke;
};

// Where an amount comes from, row by row: each step a bar from the running
// total to the running total plus its value, a total a bar from 0 to the
// running total (which it checks: a total equals the steps above it).
struct WaterfallRow {
    std::string label;
    double value = 0;    // a step's amount; a total's own value
    bool total = false;
};

struct Waterfall {
    std::string id, title, x_label;
    Format x_format;
    std::vector<WaterfallRow> rows;
    std::string positive_fill, negative_fill, total_fill;
};

// Columns of stacked segments per category (positive values stacked up from
// 0, negative ones down), and optionally a mark per category with a
// whisker, e.g. the net mean with its P10 to P90.
struct StackedSeries {
    std::string label, fill;
    std::vector<double> values;  // one per category
};

struct StackedColumns {
    std::string id, title, y_label;
    Format y_format;
    std::vector<std::string> categories;
    std::vector<StackedSeries> series;
    std::string mark_label;                        // empty: no marks
    std::vector<double> mark, mark_low, mark_high;  // one per category
};

// Inline SVG for an HTML page; every text of the chart (title, labels,
// legend, tick labels) escaped as html_text does.
Markup render_svg(const Chart& chart, double width = 640, double height = 300);
Markup render_svg(const DivergingBars& chart, double width = 640);
Markup render_svg(const Intervals& chart, double width = 640);
Markup render_svg(const Waterfall& chart, double width = 640);
Markup render_svg(const StackedColumns& chart, double width = 640, double height = 320);

}  // namespace app::chart

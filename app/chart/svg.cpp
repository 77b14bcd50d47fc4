#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <tuple>

#include "app/chart/chart.hpp"
#include "app/chart/palette.hpp"
#include "app/chart/ticks.hpp"

namespace app::chart {

namespace {

constexpr const char* font = "font-family=\"Helvetica, Arial, sans-serif\"";
constexpr double char_width = 6.6;  // at 11 px (DejaVu Sans, the usual fallback, is wide), for laying out legends and labels

// A coordinate or size. SVG has no inf or nan, and a value far off the
// picture would print hundreds of digits: both are drawn just off it instead
// (the charts leave out undefined values before they get here).
std::string f(double x) {
    constexpr double off_the_picture = 1e6;
    x = std::isnan(x) ? -off_the_picture : std::clamp(x, -off_the_picture, off_the_picture);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", x);
    return buffer;
}

struct Range {
    double low = std::numeric_limits<double>::infinity(), high = -std::numeric_limits<double>::infinity();
    void add(double x) {
        if (!std::isfinite(x)) return;
        low = std::min(low, x);
        high = std::max(high, x);
    }
    bool empty() const { return !(low <= high); }
};

std::string default_format(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", x);
    return buffer;
}

void svg_open(HtmlStream& o, const std::string& id, const std::string& title, double width, double height) {
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " << f(width) << " " << f(height)
      << "\" width=\"" << f(width) << "\" height=\"" << f(height) << "\" role=\"img\" data-chart=\""
      << id << "\" " << font << ">\n<title>" << title << "</title>\n"
      << "<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\" fill=\"#222\">" << title
      << "</text>\n";
}

struct LegendItem {
    std::string label, fill, stroke, dash;
};

std::size_t shown_length(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

// Where each legend item goes: left to right from `left`, a new row (1 = the
// last, lowest) when the next would pass `left + width`.
struct LegendLayout {
    std::vector<std::pair<double, int>> at;  // x and row from the top
    int rows = 0;
    double height() const { return rows == 0 ? 0 : 22 + 16 * (rows - 1); }
};

LegendLayout lay_out_legend(const std::vector<LegendItem>& items, double left, double width) {
    LegendLayout l;
    double x = left;
    int row = 0;
    for (const auto& item : items) {
        const double w = 34 + char_width * static_cast<double>(shown_length(item.label));
        if (x > left && x + w - 12 > left + width) x = left, ++row;
        l.at.emplace_back(x, row);
        x += w;
    }
    l.rows = items.empty() ? 0 : row + 1;
    return l;
}

// The legend's rows above the picture's bottom edge.
void draw_legend(HtmlStream& o, const std::vector<LegendItem>& items, const LegendLayout& l, double height) {
    o << "<g font-size=\"11\" fill=\"#222\">\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        const double lx = l.at[i].first, ly = height - 12 - 16 * static_cast<double>(l.rows - 1 - l.at[i].second);
        if (!item.fill.empty())
            o << "<rect x=\"" << f(lx) << "\" y=\"" << f(ly - 9) << "\" width=\"14\" height=\"10\" fill=\"" << item.fill
              << "\" stroke=\"#888\" stroke-width=\"0.5\"/>";
        else {
            o << "<line x1=\"" << f(lx) << "\" x2=\"" << f(lx + 18) << "\" y1=\"" << f(ly - 4) << "\" y2=\""
              << f(ly - 4) << "\" stroke=\"" << item.stroke << "\" stroke-width=\"2.2\"";
            if (!item.dash.empty()) o << " stroke-dasharray=\"" << item.dash << "\"";
            o << "/>";
        }
        o << "<text x=\"" << f(lx + 22) << "\" y=\"" << f(ly) << "\">" << item.label << "</text>\n";
    }
    o << "</g>\n";
}

// Nice ticks over a range of values and the axis ends they give (never an empty span).
struct ValueScale {
    std::vector<double> ticks;
    double low = 0, high = 1;
};
ValueScale value_scale(double low, double high, int count) {
    ValueScale v{nice_ticks(low, high, count), 0, 1};
    v.low = v.ticks.front();
    v.high = v.ticks.back() > v.ticks.front() ? v.ticks.back() : v.ticks.front() + 1;
    return v;
}

// The value axis of a chart of labelled rows: a grid line and label per tick, the axis title under them.
template <class Scale>
void value_axis(HtmlStream& o, const std::vector<double>& ticks, Scale sx, const Format& xf, double centre,
                double top, double plot_bottom, const std::string& label) {
    o << "<g font-size=\"11\" fill=\"" << palette::axis << "\">\n";
    for (double t : ticks)
        o << "<line x1=\"" << f(sx(t)) << "\" x2=\"" << f(sx(t)) << "\" y1=\"" << f(top) << "\" y2=\""
          << f(plot_bottom) << "\" stroke=\"" << palette::grid << "\"/><text x=\"" << f(sx(t)) << "\" y=\""
          << f(plot_bottom + 15) << "\" text-anchor=\"middle\">" << xf(t) << "</text>\n";
    o << "<text x=\"" << f(centre) << "\" y=\"" << f(plot_bottom + 32) << "\" text-anchor=\"middle\">"
      << label << "</text>\n</g>\n";
}

}  // namespace

Markup render_svg(const Chart& c, double width, double height) {
    std::vector<LegendItem> legend;
    for (const auto& s : c.spans)
        if (!s.label.empty()) legend.push_back({s.label, s.fill, "", ""});
    for (const auto& b : c.bands)
        if (!b.label.empty()) legend.push_back({b.label, b.fill, "", ""});
    for (const auto& b : c.bars)
        if (!b.label.empty()) legend.push_back({b.label, b.fill, "", ""});
    for (const auto& l : c.lines)
        if (!l.label.empty()) legend.push_back({l.label, "", l.stroke, l.dash});

    const double left = 74, right = 18, top = 40;
    const LegendLayout layout = lay_out_legend(legend, left, width - left - 4);
    const double bottom = 46 + layout.height();
    const double pw = width - left - right, ph = height - top - bottom;

    Range xr, yr;
    for (const auto& b : c.bands) {
        for (double x : b.x) xr.add(x);
        for (double y : b.low) yr.add(y);
        for (double y : b.high) yr.add(y);
    }
    for (const auto& b : c.bars) {
        xr.add(b.x0);
        xr.add(b.x0 + b.bin_width * static_cast<double>(b.heights.size()));
        yr.add(0);
        for (double y : b.heights) yr.add(y);
    }
    for (const auto& l : c.lines) {
        for (double x : l.x) xr.add(x);
        for (double y : l.y) yr.add(y);
    }
    for (const auto& m : c.markers) xr.add(m.x);
    for (const auto& s : c.spans) {
        xr.add(s.from);
        xr.add(s.to);
    }
    if (c.zero_line) yr.add(0);
    if (xr.empty()) xr = {0, 1};
    if (yr.empty()) yr = {0, 1};

    std::vector<double> xt = c.x_ticks;
    if (c.x_range) xr = {c.x_range->first, c.x_range->second};
    if (xt.empty()) {
        xt = nice_ticks(xr.low, xr.high, 6);
        if (!c.x_range) xr = {xt.front(), xt.back()};
    }
    if (c.y_range) yr = {c.y_range->first, c.y_range->second};
    std::vector<double> yt = nice_ticks(yr.low, yr.high, 5);
    if (!c.y_range) yr = {yt.front(), yt.back()};
    if (!(xr.high > xr.low)) xr.high = xr.low + 1;
    if (!(yr.high > yr.low)) yr.high = yr.low + 1;

    const auto sx = [&](double x) { return left + (x - xr.low) / (xr.high - xr.low) * pw; };
    const auto sy = [&](double y) { return top + ph - (y - yr.low) / (yr.high - yr.low) * ph; };
    const Format xf = c.x_format ? c.x_format : default_format, yf = c.y_format ? c.y_format : default_format;

    std::ostringstream buffer;
    HtmlStream o(buffer);
    svg_open(o, c.id, c.title, width, height);
    const std::string clip = "clip-" + c.id;
    o << "<defs><clipPath id=\"" << clip << "\"><rect x=\"" << f(left) << "\" y=\"" << f(top)
      << "\" width=\"" << f(pw) << "\" height=\"" << f(ph) << "\"/></clipPath></defs>\n";

    // Grid and tick labels.
    o << "<g font-size=\"11\" fill=\"" << palette::axis << "\">\n";
    for (double t : yt) {
        if (t < yr.low - 1e-9 * std::abs(yr.high - yr.low) || t > yr.high + 1e-9 * std::abs(yr.high - yr.low)) continue;
        o << "<line x1=\"" << f(left) << "\" x2=\"" << f(left + pw) << "\" y1=\"" << f(sy(t)) << "\" y2=\""
          << f(sy(t)) << "\" stroke=\"" << palette::grid << "\"/>"
          << "<text x=\"" << f(left - 6) << "\" y=\"" << f(sy(t) + 4) << "\" text-anchor=\"end\">"
          << yf(t) << "</text>\n";
    }
    for (double t : xt) {
        if (t < xr.low - 1e-9 * (xr.high - xr.low) || t > xr.high + 1e-9 * (xr.high - xr.low)) continue;
        o << "<line x1=\"" << f(sx(t)) << "\" x2=\"" << f(sx(t)) << "\" y1=\"" << f(top + ph) << "\" y2=\""
          << f(top + ph + 4) << "\" stroke=\"" << palette::axis << "\"/>"
          << "<text x=\"" << f(sx(t)) << "\" y=\"" << f(top + ph + 16) << "\" text-anchor=\"middle\">"
          << xf(t) << "</text>\n";
    }
    o << "<text x=\"" << f(left + pw / 2) << "\" y=\"" << f(top + ph + 34) << "\" text-anchor=\"middle\">"
      << c.x_label << "</text>\n";
    o << "<text transform=\"translate(14 " << f(top + ph / 2) << ") rotate(-90)\" text-anchor=\"middle\">"
      << c.y_label << "</text>\n</g>\n";

    o << "<g clip-path=\"url(#" << clip << ")\">\n";
    for (const auto& s : c.spans) {
        if (!std::isfinite(s.from) || !std::isfinite(s.to)) continue;
        o << "<rect class=\"span\" x=\"" << f(sx(s.from)) << "\" y=\"" << f(top) << "\" width=\""
          << f(std::max(0.0, sx(s.to) - sx(s.from))) << "\" height=\"" << f(ph) << "\" fill=\"" << s.fill
          << "\"/>\n";
    }
    for (const auto& b : c.bands) {
        // The points where both edges are defined, joined along the top edge and back along the bottom.
        std::vector<std::size_t> shown;
        for (std::size_t i = 0; i < b.x.size() && i < b.low.size() && i < b.high.size(); ++i)
            if (std::isfinite(b.x[i]) && std::isfinite(b.low[i]) && std::isfinite(b.high[i])) shown.push_back(i);
        if (shown.empty()) continue;
        o << "<path class=\"band\" fill=\"" << b.fill << "\" stroke=\"none\" d=\"";
        for (std::size_t k = 0; k < shown.size(); ++k)
            o << (k ? "L" : "M") << f(sx(b.x[shown[k]])) << " " << f(sy(b.high[shown[k]]));
        for (std::size_t k = shown.size(); k-- > 0;) o << "L" << f(sx(b.x[shown[k]])) << " " << f(sy(b.low[shown[k]]));
        o << "Z\"/>\n";
    }
    for (const auto& b : c.bars)
        for (std::size_t i = 0; i < b.heights.size(); ++i) {
            if (!(b.heights[i] > 0) || !std::isfinite(b.heights[i])) continue;
            const double x0 = sx(b.x0 + b.bin_width * static_cast<double>(i));
            const double x1 = sx(b.x0 + b.bin_width * static_cast<double>(i + 1));
            o << "<rect class=\"bar\" x=\"" << f(x0) << "\" y=\"" << f(sy(b.heights[i])) << "\" width=\""
              << f(std::max(0.5, x1 - x0 - 0.6)) << "\" height=\"" << f(sy(0) - sy(b.heights[i])) << "\" fill=\""
              << b.fill << "\"/>\n";
        }
    if (c.zero_line && yr.low < 0 && yr.high > 0)
        o << "<line x1=\"" << f(left) << "\" x2=\"" << f(left + pw) << "\" y1=\"" << f(sy(0)) << "\" y2=\"" << f(sy(0))
          << "\" stroke=\"#000\" stroke-width=\"1.2\"/>\n";
    for (const auto& l : c.lines) {
        o << "<path class=\"line\" fill=\"none\" stroke=\"" << l.stroke << "\" stroke-width=\"" << f(l.width) << "\"";
        if (!l.dash.empty()) o << " stroke-dasharray=\"" << l.dash << "\"";
        o << " d=\"";
        bool pen = false;
        for (std::size_t i = 0; i < l.x.size() && i < l.y.size(); ++i) {
            if (!std::isfinite(l.y[i]) || !std::isfinite(l.x[i])) {
                pen = false;
                continue;
            }
            if (pen && l.step) o << "L" << f(sx(l.x[i])) << " " << f(sy(l.y[i - 1]));
            o << (pen ? "L" : "M") << f(sx(l.x[i])) << " " << f(sy(l.y[i]));
            pen = true;
        }
        o << "\"/>\n";
    }
    o << "</g>\n";
    // Dots outside the clip, so a point on the plot's edge shows whole.
    for (const auto& l : c.lines)
        for (std::size_t i = 0; l.dots && i < l.x.size() && i < l.y.size(); ++i)
            if (l.x[i] >= xr.low && l.x[i] <= xr.high && l.y[i] >= yr.low && l.y[i] <= yr.high)
                o << "<circle class=\"dot\" cx=\"" << f(sx(l.x[i])) << "\" cy=\"" << f(sy(l.y[i]))
                  << "\" r=\"3.2\" fill=\"" << l.stroke << "\"/>\n";
    for (std::size_t i = 0; i < c.markers.size(); ++i) {
        const auto& m = c.markers[i];
        if (!(m.x >= xr.low && m.x <= xr.high)) continue;
        o << "<line class=\"marker\" x1=\"" << f(sx(m.x)) << "\" x2=\"" << f(sx(m.x)) << "\" y1=\"" << f(top)
          << "\" y2=\"" << f(top + ph) << "\" stroke=\"#222\" stroke-width=\"1.2\" stroke-dasharray=\"" << m.dash
          << "\"/><text x=\"" << f(sx(m.x) + 3) << "\" y=\"" << f(top + 10 + 12 * static_cast<double>(i % 3))
          << "\" font-size=\"10.5\" fill=\"#222\">" << m.label << "</text>\n";
    }
    o << "<rect x=\"" << f(left) << "\" y=\"" << f(top) << "\" width=\"" << f(pw) << "\" height=\"" << f(ph)
      << "\" fill=\"none\" stroke=\"" << palette::axis << "\" stroke-width=\"0.8\"/>\n";

    draw_legend(o, legend, layout, height);
    o << "</svg>\n";
    return {buffer.str()};
}

namespace {

// A tornado: each input's bar runs from the metric at its P10 to the metric at its P90, across the base.
Markup two_sided(const DivergingBars& c, double width) {
    std::size_t longest = 0;
    for (const auto& bar : c.bars) longest = std::max(longest, shown_length(bar.first));
    const double label_width = std::clamp(char_width * static_cast<double>(longest) + 16, 220.0, width / 2);
    const double right = 80, top = 50, row = 22, bottom = 64;
    const double height = top + row * static_cast<double>(std::max<std::size_t>(c.bars.size(), 1)) + bottom;
    const double pw = width - label_width - right - 70;
    const double base = *c.base;
    Range r;
    r.add(base);
    for (const auto& [low, high] : c.ranges) r.add(low), r.add(high);
    if (!(r.high > r.low)) r.high = r.low + 1;
    const ValueScale scale = value_scale(r.low, r.high, 4);  // not a binding: clang 14 cannot capture one
    const auto& ticks = scale.ticks;
    const double low = scale.low, high = scale.high;
    const auto sx = [&](double x) { return label_width + 70 + (x - low) / (high - low) * pw; };
    const Format xf = c.x_format ? c.x_format : default_format;

    std::ostringstream buffer;
    HtmlStream o(buffer);
    svg_open(o, c.id, c.title, width, height);
    const double plot_bottom = top + row * static_cast<double>(c.bars.size());
    value_axis(o, ticks, sx, xf, label_width + 70 + pw / 2, top, plot_bottom, c.x_label);
    o << "<g font-size=\"11\" fill=\"#222\">\n";
    for (std::size_t i = 0; i < c.bars.size() && i < c.ranges.size(); ++i) {
        const double y = top + row * static_cast<double>(i);
        o << "<text x=\"" << f(label_width - 8) << "\" y=\"" << f(y + 15) << "\" text-anchor=\"end\">"
          << c.bars[i].first << "</text>";
        const auto [at_p10, at_p90] = c.ranges[i];
        for (const auto& [value, side, fill] : {std::tuple{at_p10, "p10", c.negative_fill}, {at_p90, "p90", c.positive_fill}}) {
            if (!std::isfinite(value)) continue;
            const double x0 = sx(std::min(base, value)), x1 = sx(std::max(base, value));
            o << "<rect class=\"bar\" data-side=\"" << side << "\" x=\"" << f(x0) << "\" y=\"" << f(y + 4)
              << "\" width=\"" << f(std::max(0.5, x1 - x0)) << "\" height=\"" << f(row - 8) << "\" fill=\"" << fill
              << "\" stroke=\"#555\" stroke-width=\"0.5\"/>";
        }
        // Each end's value beside it, the lower on the left.
        const double lo = std::min(at_p10, at_p90), hi = std::max(at_p10, at_p90);
        if (std::isfinite(lo) && std::isfinite(hi))
            o << "<text x=\"" << f(sx(std::min(lo, base)) - 4) << "\" y=\"" << f(y + 15)
              << "\" text-anchor=\"end\" font-size=\"10.5\">" << xf(lo) << "</text><text x=\""
              << f(sx(std::max(hi, base)) + 4) << "\" y=\"" << f(y + 15) << "\" font-size=\"10.5\">" << xf(hi)
              << "</text>\n";
    }
    o << "<line class=\"marker\" x1=\"" << f(sx(base)) << "\" x2=\"" << f(sx(base)) << "\" y1=\"" << f(top - 6)
      << "\" y2=\"" << f(plot_bottom) << "\" stroke=\"#000\" stroke-width=\"1.2\"/><text x=\"" << f(sx(base))
      << "\" y=\"" << f(top - 10) << "\" text-anchor=\"middle\" font-size=\"10.5\">every input at its median: "
      << xf(base) << "</text>\n</g>\n";
    const std::vector<LegendItem> legend{{"input at its P10", c.negative_fill, "", ""},
                                         {"input at its P90", c.positive_fill, "", ""}};
    draw_legend(o, legend, lay_out_legend(legend, label_width, width - label_width), height);
    o << "</svg>\n";
    return {buffer.str()};
}

}  // namespace

Markup render_svg(const DivergingBars& c, double width) {
    if (c.base && std::isfinite(*c.base) && c.ranges.size() == c.bars.size() && !c.bars.empty())
        return two_sided(c, width);
    // Room for the longest label (in code points: "·" is one), at least 250 and at most half the chart.
    std::size_t longest = 0;
    for (const auto& bar : c.bars)
        longest = std::max<std::size_t>(longest, std::count_if(bar.first.begin(), bar.first.end(), [](char ch) {
                                            return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
                                        }));
    const double label_width = std::clamp(char_width * static_cast<double>(longest) + 16, 250.0, width / 2);
    const double right = 70, top = 34, row = 22, bottom = 42;
    const double height = top + row * static_cast<double>(std::max<std::size_t>(c.bars.size(), 1)) + bottom;
    const double pw = width - label_width - right;
    Range r;
    r.add(0);
    for (const auto& [label, v] : c.bars) r.add(1.3 * v);  // room for the value printed beyond the bar
    if (!(r.high > r.low)) r.high = r.low + 1;
    const auto ticks = nice_ticks(r.low, r.high, 4);
    const double low = ticks.front(), high = ticks.back();
    const auto sx = [&](double x) { return label_width + (x - low) / (high - low) * pw; };
    const Format xf = c.x_format ? c.x_format : default_format;

    std::ostringstream buffer;
    HtmlStream o(buffer);
    svg_open(o, c.id, c.title, width, height);
    const double plot_bottom = top + row * static_cast<double>(c.bars.size());
    value_axis(o, ticks, sx, xf, label_width + pw / 2, top, plot_bottom, c.x_label);
    o << "<g font-size=\"11\" fill=\"#222\">\n";
    for (std::size_t i = 0; i < c.bars.size(); ++i) {
        const auto& [label, v] = c.bars[i];
        const double y = top + row * static_cast<double>(i);
        o << "<text x=\"" << f(label_width - 8) << "\" y=\"" << f(y + 15) << "\" text-anchor=\"end\">"
          << label << "</text>";
        if (!std::isfinite(v)) {
            o << "<text x=\"" << f(sx(0) + 4) << "\" y=\"" << f(y + 15) << "\" font-size=\"10.5\">n/a</text>\n";
            continue;
        }
        const double x0 = sx(std::min(0.0, v)), x1 = sx(std::max(0.0, v));
        o << "<rect class=\"bar\" x=\"" << f(x0) << "\" y=\"" << f(y + 4) << "\" width=\""
          << f(std::max(0.5, x1 - x0)) << "\" height=\"" << f(row - 8) << "\" fill=\""
          << (v >= 0 ? c.positive_fill : c.negative_fill) << "\" stroke=\"#555\" stroke-width=\"0.5\"/>"
          << "<text x=\"" << f(v >= 0 ? x1 + 4 : x0 - 4) << "\" y=\"" << f(y + 15) << "\" text-anchor=\""
          << (v >= 0 ? "start" : "end") << "\" font-size=\"10.5\">" << xf(v) << "</text>\n";
    }
    o << "<line x1=\"" << f(sx(0)) << "\" x2=\"" << f(sx(0)) << "\" y1=\"" << f(top) << "\" y2=\"" << f(plot_bottom)
      << "\" stroke=\"#000\" stroke-width=\"1.2\"/>\n</g>\n</svg>\n";
    return {buffer.str()};
}

Markup render_svg(const Intervals& c, double width) {
    std::size_t longest = 4;
    for (const auto& row : c.rows) longest = std::max(longest, shown_length(row.label));
    const double label_width = std::clamp(16 + char_width * static_cast<double>(longest), 90.0, 250.0);
    const double right = 96, top = 34, row_height = 30;
    const std::vector<LegendItem> legend{{"P5 to P95", "", palette::axis, ""},
                                         {"P10 to P90", c.outer_fill, "", ""},
                                         {"P25 to P75", c.inner_fill, "", ""},
                                         {"median", "", c.median_stroke, ""}};
    const LegendLayout layout = lay_out_legend(legend, label_width, width - label_width - 4);
    const double plot_bottom = top + row_height * static_cast<double>(std::max<std::size_t>(c.rows.size(), 1));
    const double height = plot_bottom + 40 + layout.height();
    const double pw = width - label_width - right;
    Range r;
    for (const auto& row : c.rows) {
        r.add(row.p5);
        r.add(row.p95);
    }
    // The reference line joins the axis only when it is near the data: far
    // away it would squeeze the rows into a corner.
    if (c.marker && !r.empty() && c.marker->x >= r.low - 0.25 * (r.high - r.low) &&
        c.marker->x <= r.high + 0.25 * (r.high - r.low))
        r.add(c.marker->x);
    if (r.empty()) r = {0, 1};
    const ValueScale scale = value_scale(r.low, r.high, 5);  // not a binding: clang 14 cannot capture one
    const auto& ticks = scale.ticks;
    const double low = scale.low, high = scale.high;
    const auto sx = [&](double x) { return label_width + (x - low) / (high - low) * pw; };
    const Format xf = c.x_format ? c.x_format : default_format;

    std::ostringstream buffer;
    HtmlStream o(buffer);
    svg_open(o, c.id, c.title, width, height);
    value_axis(o, ticks, sx, xf, label_width + pw / 2, top, plot_bottom, c.x_label);
    if (c.marker && c.marker->x >= low && c.marker->x <= high)
        o << "<line class=\"marker\" x1=\"" << f(sx(c.marker->x)) << "\" x2=\"" << f(sx(c.marker->x)) << "\" y1=\""
          << f(top - 4) << "\" y2=\"" << f(plot_bottom) << "\" stroke=\"#222\" stroke-width=\"1.2\" stroke-dasharray=\""
          << c.marker->dash << "\"/><text x=\"" << f(sx(c.marker->x) + 3) << "\" y=\"" << f(top - 6)
          << "\" font-size=\"10.5\" fill=\"#222\">" << c.marker->label << "</text>\n";
    const auto box = [&](const char* cls, double from, double to, double y, double h, const std::string& fill) {
        o << "<path class=\"" << cls << "\" fill=\"" << fill << "\" stroke=\"#555\" stroke-width=\"0.5\" d=\"M"
          << f(sx(from)) << " " << f(y - h / 2) << "H" << f(sx(to)) << "V" << f(y + h / 2) << "H" << f(sx(from))
          << "Z\"/>";
    };
    o << "<g font-size=\"11\" fill=\"#222\">\n";
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
        const Interval& row = c.rows[i];
        const double y = top + row_height * (static_cast<double>(i) + 0.5);
        o << "<text x=\"" << f(label_width - 8) << "\" y=\"" << f(y + 4) << "\" text-anchor=\"end\">"
          << row.label << "</text>";
        const double q[] = {row.p5, row.p10, row.p25, row.p50, row.p75, row.p90, row.p95};
        if (!std::all_of(std::begin(q), std::end(q), [](double x) { return std::isfinite(x); })) {
            o << "<text x=\"" << f(label_width + 4) << "\" y=\"" << f(y + 4) << "\">n/a</text>\n";
            continue;
        }
        o << "<path class=\"line\" fill=\"none\" stroke=\"" << palette::axis << "\" stroke-width=\"1.2\" d=\"M"
          << f(sx(row.p5)) << " " << f(y) << "H" << f(sx(row.p95)) << "M" << f(sx(row.p5)) << " " << f(y - 5) << "V"
          << f(y + 5) << "M" << f(sx(row.p95)) << " " << f(y - 5) << "V" << f(y + 5) << "\"/>";
        box("band", row.p10, row.p90, y, 14, c.outer_fill);
        box("band", row.p25, row.p75, y, 14, c.inner_fill);
        o << "<path class=\"line\" fill=\"none\" stroke=\"" << c.median_stroke << "\" stroke-width=\"3\" d=\"M"
          << f(sx(row.p50)) << " " << f(y - 9) << "V" << f(y + 9) << "\"/><text x=\"" << f(label_width + pw + 8)
          << "\" y=\"" << f(y + 4) << "\" font-size=\"10.5\">median " << xf(row.p50) << "</text>\n";
    }
    o << "</g>\n<rect x=\"" << f(label_width) << "\" y=\"" << f(top) << "\" width=\"" << f(pw) << "\" height=\""
      << f(plot_bottom - top) << "\" fill=\"none\" stroke=\"" << palette::axis << "\" stroke-width=\"0.8\"/>\n";
    draw_legend(o, legend, layout, height);
    o << "</svg>\n";
    return {buffer.str()};
}

namespace {

// A number as data for a checker: the shortest text that reads back as the same double.
std::string data_number(double x) {
    if (!std::isfinite(x)) return "";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", x);
    return buffer;
}

}  // namespace

Markup render_svg(const Waterfall& c, double width) {
    std::size_t longest = 4;
    for (const auto& row : c.rows) longest = std::max(longest, shown_length(row.label));
    const double label_width = std::clamp(16 + char_width * static_cast<double>(longest), 110.0, width * 0.42);
    const double right = 64, top = 34, row_height = 21, bottom = 42;
    const double plot_bottom = top + row_height * static_cast<double>(std::max<std::size_t>(c.rows.size(), 1));
    const double height = plot_bottom + bottom;
    Range r;
    r.add(0);
    double running = 0;
    for (const auto& row : c.rows) {
        if (!std::isfinite(row.value)) continue;
        if (row.total) {
            r.add(row.value);
        } else {
            r.add(running);
            running += row.value;
            r.add(running);
        }
    }
    if (!(r.high > r.low)) r.high = r.low + 1;
    const ValueScale scale = value_scale(r.low, r.high, 4);  // not a binding: clang 14 cannot capture one
    const auto& ticks = scale.ticks;
    const double low = scale.low, high = scale.high;
    const double pw = width - label_width - right;
    const auto sx = [&](double x) { return label_width + (x - low) / (high - low) * pw; };
    const Format xf = c.x_format ? c.x_format : default_format;

    std::ostringstream buffer;
    HtmlStream o(buffer);
    svg_open(o, c.id, c.title, width, height);
    value_axis(o, ticks, sx, xf, label_width + pw / 2, top, plot_bottom, c.x_label);
    o << "<g font-size=\"11\" fill=\"#222\">\n";
    running = 0;
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
        const auto& row = c.rows[i];
        const double y = top + row_height * static_cast<double>(i);
        o << "<text x=\"" << f(label_width - 8) << "\" y=\"" << f(y + 14) << "\" text-anchor=\"end\""
          << (row.total ? " font-weight=\"bold\"" : "") << ">" << row.label << "</text>";
        if (!std::isfinite(row.value)) {
            o << "<text x=\"" << f(sx(0) + 4) << "\" y=\"" << f(y + 14) << "\" font-size=\"10.5\">n/a</text>\n";
            continue;
        }
        const double from = row.total ? 0 : running, to = row.total ? row.value : running + row.value;
        if (!row.total) running = to;
        const double x0 = sx(std::min(from, to)), x1 = sx(std::max(from, to));
        const std::string& fill = row.total ? c.total_fill : row.value >= 0 ? c.positive_fill : c.negative_fill;
        o << "<rect class=\"bar\" data-kind=\"" << (row.total ? "total" : "step") << "\" data-value=\""
          << data_number(row.value) << "\" x=\"" << f(x0) << "\" y=\"" << f(y + 3) << "\" width=\""
          << f(std::max(0.5, x1 - x0)) << "\" height=\"" << f(row_height - 6) << "\" fill=\"" << fill
          << "\" stroke=\"#555\" stroke-width=\"0.5\"/><text x=\"" << f(x1 + 4) << "\" y=\"" << f(y + 14)
          << "\" font-size=\"10.5\">" << xf(row.value) << "</text>\n";
    }
    o << "<line x1=\"" << f(sx(0)) << "\" x2=\"" << f(sx(0)) << "\" y1=\"" << f(top) << "\" y2=\"" << f(plot_bottom)
      << "\" stroke=\"#000\" stroke-width=\"1.2\"/>\n</g>\n</svg>\n";
    return {buffer.str()};
}

Markup render_svg(const StackedColumns& c, double width, double height) {
    std::vector<LegendItem> legend;
    for (const auto& s : c.series) legend.push_back({s.label, s.fill, "", ""});
    if (!c.mark_label.empty()) legend.push_back({c.mark_label, "", palette::dark, ""});
    const double left = 74, right = 18, top = 40;
    const LegendLayout layout = lay_out_legend(legend, left, width - left - 4);
    const double bottom = 30 + layout.height();
    const double pw = width - left - right, ph = height - top - bottom;
    const std::size_t n = c.categories.size();
    Range yr;
    yr.add(0);
    for (std::size_t k = 0; k < n; ++k) {
        double up = 0, down = 0;
        for (const auto& s : c.series)
            if (k < s.values.size() && std::isfinite(s.values[k])) (s.values[k] >= 0 ? up : down) += s.values[k];
        yr.add(up), yr.add(down);
        for (const auto* v : {&c.mark, &c.mark_low, &c.mark_high})
            if (k < v->size()) yr.add((*v)[k]);
    }
    const ValueScale scale = value_scale(yr.low, yr.high, 5);
    const auto& yt = scale.ticks;
    const double low = scale.low, high = scale.high;
    const auto sy = [&](double y) { return top + ph - (y - low) / (high - low) * ph; };
    const double slot = pw / static_cast<double>(std::max<std::size_t>(n, 1)), bar = std::min(60.0, slot * 0.6);
    const Format yf = c.y_format ? c.y_format : default_format;

    std::ostringstream buffer;
    HtmlStream o(buffer);
    svg_open(o, c.id, c.title, width, height);
    o << "<g font-size=\"11\" fill=\"" << palette::axis << "\">\n";
    for (double t : yt)
        o << "<line x1=\"" << f(left) << "\" x2=\"" << f(left + pw) << "\" y1=\"" << f(sy(t)) << "\" y2=\"" << f(sy(t))
          << "\" stroke=\"" << palette::grid << "\"/><text x=\"" << f(left - 6) << "\" y=\"" << f(sy(t) + 4)
          << "\" text-anchor=\"end\">" << yf(t) << "</text>\n";
    for (std::size_t k = 0; k < n; ++k)
        o << "<text x=\"" << f(left + slot * (static_cast<double>(k) + 0.5)) << "\" y=\"" << f(top + ph + 16)
          << "\" text-anchor=\"middle\">" << c.categories[k] << "</text>\n";
    o << "<text transform=\"translate(14 " << f(top + ph / 2) << ") rotate(-90)\" text-anchor=\"middle\">"
      << c.y_label << "</text>\n</g>\n";
    for (std::size_t k = 0; k < n; ++k) {
        const double x = left + slot * (static_cast<double>(k) + 0.5) - bar / 2;
        double up = 0, down = 0;
        for (const auto& s : c.series) {
            if (k >= s.values.size() || !std::isfinite(s.values[k]) || s.values[k] == 0) continue;
            const double v = s.values[k];
            const double from = v >= 0 ? up : down, to = from + v;
            (v >= 0 ? up : down) = to;
            o << "<rect class=\"bar\" data-category=\"" << c.categories[k] << "\" data-series=\"" << s.label
              << "\" data-value=\"" << data_number(v) << "\" x=\"" << f(x) << "\" y=\"" << f(sy(std::max(from, to)))
              << "\" width=\"" << f(bar) << "\" height=\"" << f(std::max(0.5, std::abs(sy(from) - sy(to))))
              << "\" fill=\"" << s.fill << "\" stroke=\"#fff\" stroke-width=\"0.6\"/>\n";
        }
        if (!c.mark_label.empty() && k < c.mark.size() && std::isfinite(c.mark[k])) {
            const double cx = x + bar / 2;
            if (k < c.mark_low.size() && k < c.mark_high.size() && std::isfinite(c.mark_low[k]) &&
                std::isfinite(c.mark_high[k]))
                o << "<path class=\"line\" fill=\"none\" stroke=\"" << palette::dark << "\" stroke-width=\"1.4\" d=\"M"
                  << f(cx) << " " << f(sy(c.mark_low[k])) << "V" << f(sy(c.mark_high[k])) << "M" << f(cx - 6) << " "
                  << f(sy(c.mark_low[k])) << "H" << f(cx + 6) << "M" << f(cx - 6) << " " << f(sy(c.mark_high[k])) << "H"
                  << f(cx + 6) << "\"/>";
            o << "<circle class=\"dot\" data-category=\"" << c.categories[k] << "\" data-value=\""
              << data_number(c.mark[k]) << "\" cx=\"" << f(cx) << "\" cy=\"" << f(sy(c.mark[k]))
              << "\" r=\"4\" fill=\"" << palette::dark << "\" stroke=\"#fff\"/>\n";
        }
    }
    if (low < 0 && high > 0)
        o << "<line x1=\"" << f(left) << "\" x2=\"" << f(left + pw) << "\" y1=\"" << f(sy(0)) << "\" y2=\"" << f(sy(0))
          << "\" stroke=\"#000\" stroke-width=\"1.2\"/>\n";
    o << "<rect x=\"" << f(left) << "\" y=\"" << f(top) << "\" width=\"" << f(pw) << "\" height=\"" << f(ph)
      << "\" fill=\"none\" stroke=\"" << palette::axis << "\" stroke-width=\"0.8\"/>\n";
    draw_legend(o, legend, layout, height);
    o << "</svg>\n";
    return {buffer.str()};
}

}  // namespace app::chart

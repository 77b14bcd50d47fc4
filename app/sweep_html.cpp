#include "app/sweep_html.hpp"

#include <algorithm>
#include <cmath>

#include "app/chart/chart.hpp"
#include "app/chart/palette.hpp"
#include "app/format.hpp"
#include "app/html_page.hpp"
#include "models/scenario_edit.hpp"
#include "sim/invalid_parameter.hpp"

namespace app {

namespace {

namespace palette = chart::palette;

constexpr const char* footer = "Produced by roicast; every point is a forecast on the same seed and paths, each "
                               "figure a statistic of its simulated futures, not a promise.";

// "payback_months.p50 (months)": the end of a statistic's path, with its unit.
std::string axis_label(const std::string& stat, const std::string& currency) {
    const auto segments = models::path_segments(stat);
    std::string label = segments.back();
    if (segments.size() > 1) label = segments[segments.size() - 2] + "." + label;
    switch (stat_kind(stat)) {
        case StatKind::money: return label + " (" + currency + ")";
        case StatKind::share: return label + " (share)";
        case StatKind::months: return label + " (months)";
        case StatKind::number: break;
    }
    return label;
}

// A chart of one statistic against the varied value, whose values (and
// bands) are `ys`. Shares that stay within [0, 1] get the whole 0 to 100 %
// axis; tick labels carry the decimals their steps need.
chart::Chart point_chart(const std::string& id, const std::string& title, const std::string& path,
                         const std::string& stat, const std::string& currency, const std::vector<double>& ys) {
    chart::Chart c;
    c.id = id;
    c.title = title;
    c.x_label = path;
    c.y_label = axis_label(stat, currency);
    c.x_format = [currency](double x) { return show_stat(x, StatKind::number, currency); };
    const StatKind kind = stat_kind(stat);
    double low = INFINITY, high = -INFINITY;
    for (double y : ys)
        if (std::isfinite(y)) low = std::min(low, y), high = std::max(high, y);
    if (kind == StatKind::share && low >= 0 && high <= 1) c.y_range = std::pair{0.0, 1.0}, low = 0, high = 1;
    const double span = high > low ? 100 * (high - low) : 1;
    const int decimals = span >= 10 ? 0 : span >= 1 ? 1 : 2;
    if (kind == StatKind::share)
        c.y_format = [decimals](double y) { return percent(y, decimals); };
    else if (kind == StatKind::months)
        c.y_format = [](double y) { return sim::format_number(std::round(y * 100) / 100); };
    else
        c.y_format = [kind, currency](double y) { return show_stat(y, kind, currency); };
    return c;
}

void table_cell(HtmlStream& out, const std::string& text) { out << "<td>" << text << "</td>"; }

}  // namespace

void write_sweep_html(std::ostream& page, const SweepResult& r) {
    HtmlStream out(page);
    open_html_page(out, "Sweep of " + r.path);
    out << "<h1>Sweep of " << r.path << "</h1>\n<p class=\"subtitle\">" << r.values.size()
        << " values from " << show_stat(r.values.front(), StatKind::number, r.currency) << " to "
        << show_stat(r.values.back(), StatKind::number, r.currency)
        << ", each forecast on the same seed and paths, so the differences between points are what the value "
           "does, not noise.</p>\n";
    for (std::size_t k = 0; k < r.stats.size(); ++k) {
        const std::string& stat = r.stats[k];
        std::vector<double> ys = r.series[k];
        for (const auto& band : r.bands[k])
            if (band) ys.insert(ys.end(), band->begin(), band->end());
        chart::Chart c = point_chart("sweep-" + std::to_string(k + 1), stat, r.path, stat, r.currency, ys);
        // The 95 % band where the results give one, in runs of neighbouring points that have it.
        bool labelled = false;
        for (std::size_t i = 0; i < r.values.size();) {
            if (!r.bands[k][i]) {
                ++i;
                continue;
            }
            chart::Band band{{}, {}, {}, palette::band_outer, labelled ? "" : "95 % interval"};
            for (; i < r.values.size() && r.bands[k][i]; ++i) {
                band.x.push_back(r.values[i]);
                band.low.push_back((*r.bands[k][i])[0]);
                band.high.push_back((*r.bands[k][i])[1]);
            }
            labelled = true;
            c.bands.push_back(std::move(band));
        }
        c.lines.push_back({r.values, r.series[k], palette::dark, "estimate", 2.2, "", false, true});
        out << "<section>\n<h2>" << stat << "</h2>\n<figure>" << chart::render_svg(c, 960, 340)
            << "<figcaption>Dots: the statistic at each value run"
            << (labelled ? "; shaded: its 95 % interval (Monte Carlo error at these paths)" : "")
            << ".</figcaption></figure>\n</section>\n";
    }
    out << "<section id=\"points\">\n<h2>Points</h2>\n<table>\n<tr><th class=\"text\">value</th>";
    for (const auto& stat : r.stats) out << "<th>" << axis_label(stat, r.currency) << "</th>";
    out << "</tr>\n";
    for (std::size_t i = 0; i < r.values.size(); ++i) {
        out << "<tr><td class=\"text\">" << show_stat(r.values[i], StatKind::number, r.currency) << "</td>";
        for (std::size_t k = 0; k < r.stats.size(); ++k) {
            const StatKind kind = stat_kind(r.stats[k]);
            const auto& band = r.bands[k][i];
            table_cell(out, show_stat(r.series[k][i], kind, r.currency) +
                                (band ? " (" + show_stat((*band)[0], kind, r.currency) + " to " +
                                            show_stat((*band)[1], kind, r.currency) + ")"
                                      : ""));
        }
        out << "</tr>\n";
    }
    out << "</table>\n<p>Each statistic at each value of " << r.path
        << ", with its 95 % interval in brackets where the results give one.</p>\n</section>\n";
    close_html_page(out, footer);
}

void write_solve_html(std::ostream& page, const SolveResult& r) {
    HtmlStream out(page);
    const StatKind kind = stat_kind(r.stat);
    open_html_page(out, "Goal seek: " + r.stat);
    out << "<h1>Goal seek: " << r.stat << "</h1>\n<p class=\"subtitle\">Searching " << r.path
        << " from " << show_stat(r.from, StatKind::number, r.currency) << " to "
        << show_stat(r.to, StatKind::number, r.currency) << " for "
        << show_stat(r.target, kind, r.currency)
        << ", every point forecast on the same seed and paths.</p>\n<div class=\"summary\"><p id=\"answer\">"
        << solve_sentence(r) << "</p></div>\n";

    std::vector<double> ys{r.target};
    for (const auto& [x, y] : r.evaluations) ys.push_back(y);
    chart::Chart c = point_chart("solve", r.stat + " against " + r.path, r.path, r.stat, r.currency, ys);
    std::vector<std::array<double, 2>> points = r.evaluations;
    std::sort(points.begin(), points.end());
    chart::Line line{{}, {}, palette::dark, "evaluations", 1.6, "", false, true};
    for (const auto& [x, y] : points) line.x.push_back(x), line.y.push_back(y);
    c.lines.push_back(std::move(line));
    const double low = std::min(r.from, r.to), high = std::max(r.from, r.to);
    c.lines.push_back({{low, high}, {r.target, r.target}, palette::warm,
                       "target " + show_stat(r.target, kind, r.currency), 2, "6 4", false, false});
    if (r.bracketed)
        c.markers.push_back({r.value, "answer " + show_stat(r.value, StatKind::number, r.currency), "2 2"});
    out << "<section>\n<figure>" << chart::render_svg(c, 960, 360)
        << "<figcaption>Dots: the statistic at each value the search ran; dashed: the target"
        << (r.bracketed ? "; the vertical line marks the answer" : "")
        << ". A time that is never reached is left off the chart.</figcaption></figure>\n</section>\n";

    out << "<section id=\"evaluations\">\n<h2>Evaluations, in the order they were run</h2>\n<table>\n"
        << "<tr><th>Step</th><th>" << r.path << "</th><th>" << r.stat << "</th></tr>\n";
    for (std::size_t i = 0; i < r.evaluations.size(); ++i) {
        out << "<tr><td>" << i + 1 << "</td>";
        table_cell(out, show_stat(r.evaluations[i][0], StatKind::number, r.currency));
        table_cell(out, show_stat(r.evaluations[i][1], kind, r.currency));
        out << "</tr>\n";
    }
    out << "</table>\n";
    if (r.bracketed) out << "<p>The last row is the answer: the midpoint of the final bracket.</p>\n";
    out << "</section>\n";
    close_html_page(out, footer);
}

}  // namespace app

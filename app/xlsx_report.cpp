#include "app/xlsx_report.hpp"

#include <xlsxwriter.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "app/decision.hpp"
#include "app/distribution_text.hpp"
#include "app/format.hpp"
#include "app/key_figures.hpp"
#include "app/money_breakdown.hpp"
#include "app/output_text.hpp"
#include "app/report_text.hpp"
#include "app/what_if_table.hpp"
#include "models/scenario_fields.hpp"

namespace app {

namespace {

// Owns the workbook; closing writes the file, and a workbook is closed (and
// freed) even when building it throws half-way.
class Workbook {
public:
    explicit Workbook(const std::filesystem::path& path) : book_(workbook_new(path.c_str())) {
        if (!book_) throw std::runtime_error("cannot create the workbook " + path.string());
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;
    ~Workbook() {
        if (book_) workbook_close(book_);
    }
    lxw_workbook* get() const { return book_; }
    void close() {
        const lxw_error e = workbook_close(book_);
        book_ = nullptr;
        if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("cannot write the workbook: ") + lxw_strerror(e));
    }

private:
    lxw_workbook* book_;
};

// A chart's title, series name or axis name as literal text. libxlsxwriter
// reads a leading '=' as a reference to a cell, and has no escape for it: such
// a text starts with an invisible zero-width space instead.
std::string chart_text(const std::string& text) {
    std::string t = workbook_text(text, workbook_chart_characters - 1);
    return !t.empty() && t[0] == '=' ? "\u200B" + t : t;
}

struct Formats {
    lxw_format *title, *bold, *bold_wrap, *header, *wrap, *money, *percent, *whole_percent, *months, *number, *integer;
    lxw_format* two_decimals;
    std::string currency_label;  // the currency as f.money labels amounts; empty when they are unlabelled
};

// A money axis's number format, scaled to the largest amount it shows, as
// the reports write money: "1.5M EUR", "250k EUR", "900 EUR" (Excel's
// trailing commas divide by a thousand each).
std::string money_axis_format(const Formats& f, double largest) {
    const std::string unit = f.currency_label.empty() ? "" : " " + f.currency_label;
    if (largest >= 1e6) return "#,##0.0,,\"M" + unit + "\"";
    if (largest >= 1e4) return "#,##0,\"k" + unit + "\"";
    return unit.empty() ? "#,##0" : "#,##0\"" + unit + "\"";
}

double largest_amount(const std::vector<std::vector<double>>& series) {
    double largest = 0;
    for (const auto& values : series)
        for (double x : values)
            if (std::isfinite(x)) largest = std::max(largest, std::abs(x));
    return largest;
}

void money_axis(lxw_chart_axis* axis, const Formats& f, double largest) {
    chart_axis_set_num_format(axis, money_axis_format(f, largest).c_str());
}

Formats make_formats(lxw_workbook* wb, const std::string& currency) {
    Formats f{};
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.bold = workbook_add_format(wb);
    format_set_bold(f.bold);
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xDCE6F1);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    format_set_text_wrap(f.header);
    f.wrap = workbook_add_format(wb);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.bold_wrap = workbook_add_format(wb);
    format_set_bold(f.bold_wrap);
    format_set_text_wrap(f.bold_wrap);
    format_set_align(f.bold_wrap, LXW_ALIGN_VERTICAL_TOP);
    f.money = workbook_add_format(wb);
    // The currency as a quoted label in the format: a code or symbol needs no
    // escape. Any other text (only a document built in process can hold one;
    // both readers refuse it) leaves the amounts unlabelled: a quote or ';' in
    // it would break the format, and libxlsxwriter keeps 127 bytes of one.
    const bool label = models::fields::text_problem(currency, models::fields::Kind::currency).empty();
    const std::string money_format = label ? "#,##0\" " + currency + "\";-#,##0\" " + currency + "\"" : "#,##0";
    format_set_num_format(f.money, money_format.c_str());
    if (label) f.currency_label = currency;
    f.percent = workbook_add_format(wb);
    format_set_num_format(f.percent, "0.0%");
    f.whole_percent = workbook_add_format(wb);
    format_set_num_format(f.whole_percent, "0%");
    f.months = workbook_add_format(wb);
    format_set_num_format(f.months, "0.0");
    f.number = workbook_add_format(wb);
    format_set_num_format(f.number, "General");
    f.two_decimals = workbook_add_format(wb);
    format_set_num_format(f.two_decimals, "0.00");
    f.integer = workbook_add_format(wb);
    format_set_num_format(f.integer, "#,##0");
    return f;
}

// Writes text as strings (never formulas, through workbook_text), numbers as
// numbers and undefined values as empty cells.
struct Sheet {
    lxw_worksheet* ws;
    std::string name;
    void text(lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f = nullptr) {
        const lxw_error e = worksheet_write_string(ws, r, c, workbook_text(s).c_str(), f);
        if (e != LXW_NO_ERROR)
            throw std::runtime_error("cannot write a cell of the workbook's " + name + " sheet: " + lxw_strerror(e));
    }
    void number(lxw_row_t r, lxw_col_t c, double x, lxw_format* f) {
        if (std::isfinite(x)) worksheet_write_number(ws, r, c, x, f);
    }
    // Text over columns 0 … last of row r, wrapped, the row as tall as its
    // lines (`width`: the columns' width in characters): a sentence that
    // would run on under a chart beside it stays within its columns.
    void paragraph(lxw_row_t r, lxw_col_t last, const std::string& s, lxw_format* f, double width) {
        const lxw_error e = worksheet_merge_range(ws, r, 0, r, last, workbook_text(s).c_str(), f);
        if (e != LXW_NO_ERROR)
            throw std::runtime_error("cannot write a cell of the workbook's " + name + " sheet: " + lxw_strerror(e));
        std::size_t shown = 0;
        for (unsigned char c : s) shown += (c & 0xC0) != 0x80;
        // A proportional font fits about 1.1 characters per unit of column width; lines of 15 points.
        const double lines = std::max(1.0, std::ceil(static_cast<double>(shown) / (1.1 * width)));
        worksheet_set_row(ws, r, 15 * lines, nullptr);
    }
    void headers(lxw_row_t r, std::initializer_list<const char*> names, lxw_format* f, lxw_col_t first = 0) {
        lxw_col_t c = first;
        for (const char* n : names) text(r, c++, n, f);
    }
};

// An input's values in its own unit (the assumptions register's quantity):
// money in the currency, shares as percentages, months to one decimal,
// counts whole, factors to two decimals, a curve's rate as it is.
lxw_format* quantity_format(const Formats& f, Quantity q) {
    switch (q) {
        case Quantity::money: return f.money;
        case Quantity::share: return f.percent;
        case Quantity::months: return f.months;
        case Quantity::count: return f.integer;
        case Quantity::factor: return f.two_decimals;
        case Quantity::rate: return f.number;
    }
    return f.number;
}

lxw_format* metric_format(const Formats& f, const std::string& metric) {
    if (metric == "roi" || metric == "roi_discounted" || metric == "roi_hard" || metric == "irr") return f.percent;
    return f.money;
}

void series_range(lxw_chart_series* s, const std::string& sheet, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
                  lxw_col_t c1, bool categories) {
    if (categories) chart_series_set_categories(s, sheet.c_str(), r0, c0, r1, c1);
    else chart_series_set_values(s, sheet.c_str(), r0, c0, r1, c1);
}

lxw_chart_series* add_series(lxw_chart* chart, const std::string& sheet, const std::string& name, lxw_row_t r0,
                             lxw_row_t r1, lxw_col_t category_col, lxw_col_t value_col) {
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    series_range(s, sheet, r0, category_col, r1, category_col, true);
    series_range(s, sheet, r0, value_col, r1, value_col, false);
    chart_series_set_name(s, chart_text(name).c_str());
    return s;
}

void style_line(lxw_chart_series* s, lxw_color_t colour, float width, uint8_t dash) {
    lxw_chart_line line{};
    line.color = colour;
    line.width = width;
    line.dash_type = dash;
    chart_series_set_line(s, &line);
}

// The HTML report's series colours (app/chart/palette.hpp).
constexpr lxw_color_t chart_colours[] = {0x08306B, 0xD9822B, 0x5A9B5A, 0x7B4F9D, 0xA50F15, 0x6BAED6};

// Payback curves, one series a column right of the months in column A (rows first … last).
lxw_chart* payback_chart(lxw_workbook* wb, const std::string& sheet, const std::string& title,
                         const std::vector<std::string>& series, lxw_row_t first, lxw_row_t last) {
    static const uint8_t dashes[] = {LXW_CHART_LINE_DASH_SOLID,         LXW_CHART_LINE_DASH_DASH,
                                     LXW_CHART_LINE_DASH_ROUND_DOT,     LXW_CHART_LINE_DASH_LONG_DASH_DOT,
                                     LXW_CHART_LINE_DASH_SQUARE_DOT,    LXW_CHART_LINE_DASH_LONG_DASH};
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_LINE);
    for (std::size_t i = 0; i < series.size(); ++i)
        style_line(add_series(chart, sheet, series[i], first, last, 0, static_cast<lxw_col_t>(1 + i)), chart_colours[i % 6],
                   2.25, dashes[i % 6]);
    chart_title_set_name(chart, chart_text(title).c_str());
    chart_axis_set_name(chart->x_axis, "Months from the start");
    chart_axis_set_name(chart->y_axis, "Probability");
    chart_axis_set_num_format(chart->y_axis, "0%");
    chart_axis_set_max(chart->y_axis, 1);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    return chart;
}

Sheet new_sheet(lxw_workbook* wb, const std::string& name) { return {workbook_add_worksheet(wb, name.c_str()), name}; }

// The numbers behind the charts of the Summary, Breakdown and Years sheets,
// on a sheet of their own, a block per chart, so the tables people read
// hold no chart data.
class ChartData {
public:
    ChartData(Sheet sheet, const Formats& f) : s_(std::move(sheet)), f_(f) {
        worksheet_set_column(s_.ws, 0, 0, 30, nullptr);
        worksheet_set_column(s_.ws, 1, 20, 14, nullptr);
        s_.text(0, 0, "The data of the charts on the Summary, Breakdown and Years sheets, a block per chart.", f.bold);
    }
    struct Block {
        lxw_row_t first = 0, last = 0;  // the data rows
    };
    // A block: its title, a header row (the categories' heading and a series
    // name per column), then a row per category with a value per series.
    Block add(const std::string& title, const std::string& heading, const std::vector<std::string>& categories,
              const std::vector<std::string>& series, const std::vector<std::vector<double>>& values,
              lxw_format* format) {
        s_.text(next_++, 0, title, f_.bold);
        s_.text(next_, 0, heading, f_.header);
        for (std::size_t k = 0; k < series.size(); ++k) s_.text(next_, static_cast<lxw_col_t>(1 + k), series[k], f_.header);
        Block b{++next_, 0};
        for (std::size_t c = 0; c < categories.size(); ++c, ++next_) {
            s_.text(next_, 0, categories[c]);
            for (std::size_t k = 0; k < series.size(); ++k) s_.number(next_, static_cast<lxw_col_t>(1 + k), values[k][c], format);
        }
        b.last = next_ - 1;
        ++next_;
        return b;
    }
    const std::string& name() const { return s_.name; }

private:
    Sheet s_;
    const Formats& f_;
    lxw_row_t next_ = 2;
};

lxw_chart* block_chart(lxw_workbook* wb, uint8_t type, const ChartData& data, const ChartData::Block& b,
                       const std::vector<std::string>& series, const std::string& title) {
    lxw_chart* chart = workbook_add_chart(wb, type);
    for (std::size_t k = 0; k < series.size(); ++k) {
        lxw_chart_series* s = add_series(chart, data.name(), series[k], b.first, b.last, 0, static_cast<lxw_col_t>(1 + k));
        lxw_chart_fill fill{};
        fill.color = chart_colours[k % 6];
        chart_series_set_fill(s, &fill);
    }
    chart_title_set_name(chart, chart_text(title).c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    return chart;
}

// Page one of the HTML report as a sheet: the decision, how sure, what would
// change it, the key figures per option, and its charts (payback curves, NPV
// P10 / median / P90 at the longest horizon, ROI median per horizon).
void summary_sheet(lxw_workbook* wb, const Formats& f, const ResultsDocument& r, Sheet s, ChartData& data) {
    worksheet_set_column(s.ws, 0, 0, 46, nullptr);
    worksheet_set_column(s.ws, 1, static_cast<lxw_col_t>(r.options.size()), 15, nullptr);
    s.text(0, 0, "CRM investment case: " + r.scenario, f.title);
    s.text(1, 0, "Monte Carlo forecast, " + grouped(r.paths) + " simulated futures, amounts in " + r.currency +
                     ", discounted at " + percent(r.discount_rate, 1) + " a year.");
    const Decision d = decide(r);
    lxw_row_t row = 3;
    // The sentences wrap within the table's columns: the charts sit right of them.
    const auto last_col = static_cast<lxw_col_t>(r.options.size());
    const double width = 46 + 15 * static_cast<double>(r.options.size());
    s.paragraph(row++, last_col, d.sentence, f.bold_wrap, width);
    s.paragraph(row++, last_col, d.rule, f.wrap, width);
    const auto lines = [&](const char* heading, const std::vector<std::string>& list) {
        s.text(++row, 0, heading, f.bold);
        ++row;
        for (const auto& line : list) s.paragraph(row++, last_col, line, f.wrap, width);
    };
    lines("How sure", d.certainty);
    lines("What would change it", d.change);
    ++row;
    s.text(row, 0, "Key figures", f.header);
    for (std::size_t i = 0; i < r.options.size(); ++i)
        s.text(row, static_cast<lxw_col_t>(1 + i), option_label(r.options[i].name), f.header);
    ++row;
    const int last = r.horizons.back().months;
    for (const auto& k : key_figures(r)) {
        s.text(row, 0, k.label);
        for (std::size_t i = 0; i < r.options.size(); ++i) {
            const double v = k.read(r.options[i]);
            const auto col = static_cast<lxw_col_t>(1 + i);
            if (k.figure == Figure::months && std::isnan(v)) s.text(row, col, figure_text(k.figure, v, r.currency, last));
            else s.number(row, col, v, k.figure == Figure::money ? f.money : k.figure == Figure::months ? f.months : f.whole_percent);
        }
        ++row;
    }
    s.paragraph(++row, last_col,
                "Payback in months from the start of the project; \"after " + std::to_string(last) +
                    "\": not reached within the run. Medians and percentiles over the simulated futures.",
                f.wrap, width);
    row += 2;
    s.text(row++, 0, "Run", f.bold);
    s.text(row, 0, "Simulated paths");
    s.number(row++, 1, r.paths, f.integer);
    s.text(row, 0, "Seed");
    s.number(row++, 1, r.seed, f.number);
    s.text(row, 0, "Sampling");
    s.text(row++, 1, r.sampling);
    s.text(row, 0, "Discount rate (annual)");
    s.number(row++, 1, r.discount_rate, f.percent);
    s.text(row, 0, "Currency");
    s.text(row++, 1, r.currency);

    // The charts, right of the table.
    std::vector<std::string> names;
    for (const auto& o : r.options) names.push_back(option_label(o.name));
    const auto chart_col = static_cast<lxw_col_t>(r.options.size() + 2);
    lxw_chart_options place{};
    place.x_scale = 1.3;
    place.y_scale = 1.15;
    std::size_t months = 0;
    for (const auto& o : r.options) months = std::max(months, o.payback.cdf.size());
    std::vector<std::string> month_names;
    std::vector<std::vector<double>> curves(r.options.size(), std::vector<double>(months, NAN));
    for (std::size_t t = 0; t < months; ++t) {
        month_names.push_back(std::to_string(t + 1));
        for (std::size_t i = 0; i < r.options.size(); ++i)
            if (t < r.options[i].payback.cdf.size()) curves[i][t] = r.options[i].payback.cdf[t];
    }
    if (months > 0) {
        const auto b = data.add("Summary: chance of having paid back, by month", "Month", month_names, names, curves, f.percent);
        worksheet_insert_chart_opt(s.ws, 3, chart_col,
                                   payback_chart(wb, data.name(), "Chance of having paid back, by month", names, b.first, b.last),
                                   &place);
    }
    const std::size_t h = r.horizons.size() - 1;
    std::vector<std::vector<double>> npv(3);
    for (const auto& o : r.options) {
        const auto& n = o.horizons[h][models::Metric::npv];
        npv[0].push_back(n.p10), npv[1].push_back(n.p50), npv[2].push_back(n.p90);
    }
    const std::vector<std::string> levels{"NPV P10", "NPV median", "NPV P90"};
    const std::string npv_title = "NPV at " + std::to_string(last) + " months: P10, median, P90";
    const auto nb = data.add("Summary: " + npv_title, "Option", names, levels, npv, f.money);
    lxw_chart* npv_chart = block_chart(wb, LXW_CHART_COLUMN, data, nb, levels, npv_title);
    money_axis(npv_chart->y_axis, f, largest_amount(npv));
    worksheet_insert_chart_opt(s.ws, 22, chart_col, npv_chart, &place);
    std::vector<std::string> horizon_names;
    std::vector<std::vector<double>> roi(r.options.size());
    for (std::size_t k = 0; k < r.horizons.size(); ++k) {
        horizon_names.push_back(std::to_string(r.horizons[k].months) + " months");
        for (std::size_t i = 0; i < r.options.size(); ++i)
            roi[i].push_back(r.options[i].horizons[k][models::Metric::roi].p50);
    }
    const auto rb = data.add("Summary: ROI median by horizon", "Horizon", horizon_names, names, roi, f.percent);
    lxw_chart* roi_chart = block_chart(wb, LXW_CHART_COLUMN, data, rb, names, "ROI median by horizon");
    chart_axis_set_num_format(roi_chart->y_axis, "0%");
    worksheet_insert_chart_opt(s.ws, 41, chart_col, roi_chart, &place);
}

// Where the money comes from, per option: each component's mean with the
// horizons as columns, the totals, the soft share and the ROI on hard
// benefits; a waterfall chart per horizon (its data on the Chart data sheet).
void breakdown_sheet(lxw_workbook* wb, const Formats& f, const ResultsDocument& r, Sheet s, ChartData& data) {
    using models::Metric;
    worksheet_set_column(s.ws, 0, 0, 40, nullptr);
    worksheet_set_column(s.ws, 1, static_cast<lxw_col_t>(r.horizons.size()), 14, nullptr);
    s.text(0, 0, "Where the money comes from: means of each component's undiscounted sum up to the horizon", f.title);
    lxw_row_t row = 2, chart_row = 2;
    const auto chart_col = static_cast<lxw_col_t>(r.horizons.size() + 2);
    for (const auto& o : r.options) {
        if (o.horizons.empty() || !o.horizons[0].breakdown) continue;
        const auto benefits = benefit_components(r, o), costs = cost_components(r, o);
        chart_row = row;
        s.text(row, 0, option_label(o.name), f.header);
        for (std::size_t h = 0; h < r.horizons.size(); ++h)
            s.text(row, static_cast<lxw_col_t>(1 + h), std::to_string(r.horizons[h].months) + " months", f.header);
        ++row;
        const auto line = [&](const std::string& label, auto value, lxw_format* format, lxw_format* label_format = nullptr) {
            s.text(row, 0, label, label_format);
            for (std::size_t h = 0; h < o.horizons.size(); ++h)
                s.number(row, static_cast<lxw_col_t>(1 + h), value(o.horizons[h]), format);
            ++row;
        };
        const auto component = [&](const MoneyComponent& c) {
            line(c.label, [&](const HorizonMetrics& m) {
                const Quantiles* q = m.breakdown ? c.pick(*m.breakdown) : nullptr;
                return q ? q->mean : 0.0;
            }, f.money);
        };
        for (const auto& c : benefits) component(c);
        line("Benefits (mean)", [](const HorizonMetrics& m) { return m.breakdown->benefits_mean(); }, f.money, f.bold);
        for (const auto& c : costs) component(c);
        line("Costs (mean)", [](const HorizonMetrics& m) { return m.breakdown->costs_mean(); }, f.money, f.bold);
        line("Net, undiscounted (mean)",
             [](const HorizonMetrics& m) { return m.breakdown->benefits_mean() - m.breakdown->costs_mean(); }, f.money,
             f.bold);
        line("Soft share of benefits (means)", [](const HorizonMetrics& m) { return soft_share(m); }, f.whole_percent);
        line("ROI median", [](const HorizonMetrics& m) { return m[Metric::roi].p50; }, f.whole_percent);
        line("ROI on hard benefits, median", [](const HorizonMetrics& m) { return m[Metric::roi_hard].p50; }, f.whole_percent);
        line("NPV on hard benefits, median", [](const HorizonMetrics& m) { return m[Metric::npv_hard].p50; }, f.money);
        row += 2;

        // A waterfall per horizon: a stacked column chart whose invisible series lift each step to its start.
        for (std::size_t h = 0; h < o.horizons.size(); ++h) {
            const Breakdown& b = *o.horizons[h].breakdown;
            std::vector<std::string> steps;
            std::vector<std::vector<double>> series(4);  // lift up, step up, lift down, step down
            const auto bar = [&](const std::string& label, double from, double to) {
                const double low = std::min(from, to), high = std::max(from, to);
                steps.push_back(label);
                series[0].push_back(std::max(low, 0.0));
                series[1].push_back(std::max(high, 0.0) - std::max(low, 0.0));
                series[2].push_back(std::min(high, 0.0));
                series[3].push_back(std::min(low, 0.0) - std::min(high, 0.0));
            };
            double running = 0;
            for (const auto& c : benefits)
                if (const Quantiles* q = c.pick(b); q && q->mean != 0) {
                    bar(c.label, running, running + q->mean);
                    running += q->mean;
                }
            bar("Benefits", 0, b.benefits_mean());
            bar("Costs", b.benefits_mean(), b.benefits_mean() - b.costs_mean());
            bar("Net", 0, b.benefits_mean() - b.costs_mean());
            const std::string title =
                option_label(o.name) + ": benefits to net at " + std::to_string(r.horizons[h].months) + " months";
            const std::vector<std::string> names{"(lift)", "Up", "(lift below 0)", "Down"};
            const auto block = data.add("Breakdown: " + title, "Step", steps, names, series, f.money);
            lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN_STACKED);
            const lxw_color_t fills[] = {0, 0x4A7FB5, 0, 0xD9822B};
            for (std::size_t k = 0; k < 4; ++k) {
                lxw_chart_series* cs = add_series(chart, data.name(), names[k], block.first, block.last, 0,
                                                  static_cast<lxw_col_t>(1 + k));
                lxw_chart_fill fill{};
                fill.color = fills[k];
                fill.none = k % 2 == 0;
                chart_series_set_fill(cs, &fill);
                if (k % 2 == 0) {
                    lxw_chart_line none{};
                    none.none = LXW_TRUE;
                    chart_series_set_line(cs, &none);
                }
            }
            chart_title_set_name(chart, chart_text(title).c_str());
            money_axis(chart->y_axis, f, largest_amount(series));
            chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
            chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
            lxw_chart_options place{};
            place.x_scale = 1.4;
            place.y_scale = 1.1;
            worksheet_insert_chart_opt(s.ws, chart_row, chart_col, chart, &place);
            chart_row += 18;
        }
        row = chart_row = std::max(row, chart_row);
    }
}

// Total cost of ownership by year, years as columns, per option, with a chart.
void years_sheet(lxw_workbook* wb, const Formats& f, const ResultsDocument& r, Sheet s, ChartData& data) {
    worksheet_set_column(s.ws, 0, 0, 26, nullptr);
    s.text(0, 0, "By year: initial (month 0), then year 1 (months 1 to 12), year 2, … to the last horizon", f.title);
    lxw_row_t row = 2, chart_row = 2;
    std::size_t widest = 0;
    for (const auto& o : r.options) widest = std::max(widest, o.years.size());
    worksheet_set_column(s.ws, 1, static_cast<lxw_col_t>(widest + 1), 13, nullptr);
    const auto chart_col = static_cast<lxw_col_t>(widest + 3);
    const auto period = [](std::size_t y) { return y == 0 ? std::string("Initial") : "Year " + std::to_string(y); };
    for (const auto& o : r.options) {
        if (o.years.empty()) continue;
        chart_row = row;
        s.text(row, 0, option_label(o.name), f.header);
        std::vector<std::string> periods;
        for (std::size_t y = 0; y < o.years.size(); ++y) {
            periods.push_back(period(y));
            s.text(row, static_cast<lxw_col_t>(1 + y), periods.back(), f.header);
        }
        s.text(row, static_cast<lxw_col_t>(1 + o.years.size()), "Total", f.header);
        ++row;
        const auto line = [&](const char* label, auto pick, bool total) {
            s.text(row, 0, label);
            double sum = 0;
            for (std::size_t y = 0; y < o.years.size(); ++y) {
                sum += pick(o.years[y]);
                s.number(row, static_cast<lxw_col_t>(1 + y), pick(o.years[y]), f.money);
            }
            if (total) s.number(row, static_cast<lxw_col_t>(1 + o.years.size()), sum, f.money);
            ++row;
        };
        line("Costs (mean)", [](const YearRecord& y) { return y.costs.mean; }, true);
        line("Benefits (mean)", [](const YearRecord& y) { return y.benefits.mean; }, true);
        line("Net (mean)", [](const YearRecord& y) { return y.net.mean; }, true);
        line("Net P10", [](const YearRecord& y) { return y.net.p10; }, false);
        line("Net P90", [](const YearRecord& y) { return y.net.p90; }, false);
        line("Discounted net (mean)", [](const YearRecord& y) { return y.discounted_net.mean; }, true);
        row += 2;
        std::vector<std::vector<double>> series(3);
        for (const auto& y : o.years) {
            series[0].push_back(y.benefits.mean);
            series[1].push_back(-y.costs.mean);
            series[2].push_back(y.net.mean);
        }
        const std::vector<std::string> names{"Benefits (mean)", "Costs (mean)", "Net (mean)"};
        const std::string title = option_label(o.name) + ": costs, benefits and net by year";
        const auto block = data.add("Years: " + title, "Period", periods, names, series, f.money);
        lxw_chart* chart = block_chart(wb, LXW_CHART_COLUMN, data, block, names, title);
        money_axis(chart->y_axis, f, largest_amount(series));
        chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
        lxw_chart_options place{};
        place.x_scale = 1.4;
        worksheet_insert_chart_opt(s.ws, chart_row, chart_col, chart, &place);
        chart_row += 17;
        row = chart_row = std::max(row, chart_row);
    }
    s.text(row, 0, "P10 and P90 are those of each year's net, not differences of percentiles; totals are sums of the means.");
}

void horizons_sheet(lxw_workbook* wb, const Formats& f, const ResultsDocument& r) {
    Sheet s{workbook_add_worksheet(wb, "Horizons"), "Horizons"};
    worksheet_set_column(s.ws, 0, 2, 14, nullptr);
    worksheet_set_column(s.ws, 3, 15, 15, nullptr);  // "10,123,456 EUR" and wider
    worksheet_set_row(s.ws, 0, 30, nullptr);         // two lines of header
    s.headers(0, {"Option", "Horizon (months)", "Metric", "Mean", "SD", "P5", "P10", "P25", "P50", "P75", "P90", "P95",
                  "P(> 0)", "Expected shortfall 5 %", "Undefined share", "Note"},
              f.header);
    worksheet_freeze_panes(s.ws, 1, 0);
    lxw_row_t row = 1;
    for (const auto& o : r.options)
        for (std::size_t h = 0; h < r.horizons.size(); ++h)
            for (models::Metric m : models::all_metrics) {
                const std::string metric = models::metric_names[static_cast<std::size_t>(m)];
                const Statistics& d = o.horizons[h][m];
                s.text(row, 0, option_label(o.name));
                s.number(row, 1, r.horizons[h].months, f.integer);
                s.text(row, 2, metric);
                lxw_format* value = metric_format(f, metric);
                const double values[] = {d.mean, d.sd,  d.p5,  d.p10, d.p25, d.p50, d.p75, d.p90, d.p95};
                lxw_col_t c = 3;
                for (double x : values) s.number(row, c++, x, value);
                s.number(row, c++, d.prob_positive, f.percent);
                s.number(row, c++, d.expected_shortfall_5, value);
                s.number(row, c++, d.undefined, f.percent);
                if (m == models::Metric::irr && !irr_is_typical(d))
                    s.text(row, c, "IRR " + irr_median_text(d) + ": the statistics over the rest are not typical");
                ++row;
            }

    // ROI histograms: a block of bins per option and horizon, each with its column chart.
    row += 2;
    s.text(row++, 0, "ROI histograms (share of paths per bin; paths beyond the range are counted in the first and last rows)",
           f.bold);
    lxw_row_t chart_row = 1;
    for (const auto& o : r.options)
        for (std::size_t h = 0; h < r.horizons.size(); ++h) {
            const auto& hist = o.horizons[h].roi_histogram;
            if (!hist) continue;
            const std::string label = option_label(o.name) + ", ROI at " + std::to_string(r.horizons[h].months) + " months";
            s.text(row++, 0, label, f.bold);
            s.headers(row++, {"ROI from", "ROI to", "Share of paths"}, f.header);
            const lxw_row_t first = row;
            const double total = hist->total();
            for (std::size_t b = 0; b < hist->counts.size(); ++b, ++row) {
                const double from = hist->low + hist->bin_width * static_cast<double>(b);
                s.number(row, 0, from, f.percent);
                s.number(row, 1, from + hist->bin_width, f.percent);
                auto n = static_cast<double>(hist->counts[b]);
                if (b == 0) n += static_cast<double>(hist->below);
                if (b + 1 == hist->counts.size()) n += static_cast<double>(hist->above);
                s.number(row, 2, total > 0 ? n / total : 0, f.percent);
            }
            lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
            add_series(chart, s.name, "Share of paths", first, row - 1, 0, 2);
            chart_title_set_name(chart, chart_text(label).c_str());
            chart_axis_set_name(chart->x_axis, "ROI (bin start)");
            chart_axis_set_name(chart->y_axis, "Share of paths");
            chart_axis_set_num_format(chart->x_axis, "0%");
            chart_axis_set_num_format(chart->y_axis, "0%");
            chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
            worksheet_insert_chart(s.ws, chart_row, 17, chart);
            chart_row += 16;
            ++row;
        }
}

void payback_sheet(lxw_workbook* wb, const Formats& f, const ResultsDocument& r) {
    Sheet s{workbook_add_worksheet(wb, "Payback"), "Payback"};
    worksheet_set_column(s.ws, 0, 0, 18, nullptr);
    worksheet_set_column(s.ws, 1, 1, 20, nullptr);  // "discounted payback"
    worksheet_set_column(s.ws, 2, 12, 12, nullptr);
    worksheet_set_row(s.ws, 0, 45, nullptr);  // headings of up to three lines
    s.headers(0, {"Option", "Measure", "P10", "P25", "P50", "P75", "P90", "Mean (paths that pay back)", "Share that pays back"},
              f.header);
    lxw_row_t row = 1;
    for (const auto& o : r.options)
        for (const auto* t : {&o.payback, &o.discounted_payback}) {
            s.text(row, 0, option_label(o.name));
            s.text(row, 1, t == &o.payback ? "payback" : "discounted payback");
            lxw_col_t c = 2;
            for (double p : {t->p10, t->p25, t->p50, t->p75, t->p90, t->mean}) s.number(row, c++, p, f.months);
            s.number(row, c, t->share_reached, f.percent);
            ++row;
        }
    s.text(row++, 0, "Months from the start of the project; empty: not reached within the run.");
    row += 1;
    s.text(row++, 0, "Probability of having paid back by month", f.bold);
    const lxw_row_t header = row++;
    s.text(header, 0, "Month", f.header);
    for (std::size_t i = 0; i < r.options.size(); ++i)
        s.text(header, static_cast<lxw_col_t>(1 + i), option_label(r.options[i].name), f.header);
    const lxw_row_t first = row;
    std::size_t months = 0;
    for (const auto& o : r.options) months = std::max(months, o.payback.cdf.size());
    for (std::size_t t = 0; t < months; ++t, ++row) {
        s.number(row, 0, static_cast<double>(t + 1), f.integer);
        for (std::size_t i = 0; i < r.options.size(); ++i)
            if (t < r.options[i].payback.cdf.size())
                s.number(row, static_cast<lxw_col_t>(1 + i), r.options[i].payback.cdf[t], f.percent);
    }
    if (months == 0) return;
    std::vector<std::string> names;
    for (const auto& o : r.options) names.push_back(option_label(o.name));
    lxw_chart_options place{};
    place.x_scale = 1.6;
    place.y_scale = 1.3;
    worksheet_insert_chart_opt(s.ws, 1, 10,
                               payback_chart(wb, s.name, "Chance of having paid back, by month", names, first, row - 1),
                               &place);
}

void cash_flow_sheet(lxw_workbook* wb, const Formats& f, const ResultsDocument& r) {
    Sheet s{workbook_add_worksheet(wb, "CashFlow"), "CashFlow"};
    s.text(0, 0, "Cumulative net cash flow by month: percentiles over the simulated paths", f.bold);
    s.text(1, 0, "Month", f.header);
    lxw_col_t col = 1;
    for (const auto& o : r.options)
        for (const auto& [level, values] : o.cumulative_cash_flow.bands())
            s.text(1, col++, option_label(o.name) + " P" + std::string(level + 1), f.header);
    worksheet_set_column(s.ws, 0, 0, 8, nullptr);
    worksheet_set_column(s.ws, 1, col, 14, nullptr);
    worksheet_freeze_panes(s.ws, 2, 1);
    const std::size_t months = r.options.front().cumulative_cash_flow.p50.size();
    for (std::size_t t = 0; t < months; ++t) {
        const auto row = static_cast<lxw_row_t>(2 + t);
        s.number(row, 0, static_cast<double>(t + 1), f.integer);
        col = 1;
        for (const auto& o : r.options)
            for (const auto& [level, values] : o.cumulative_cash_flow.bands())
                s.number(row, col++, t < values->size() ? (*values)[t] : NAN, f.money);
    }
    if (months == 0) return;
    const auto last = static_cast<lxw_row_t>(1 + months);
    const lxw_col_t chart_col = col + 1;  // right of the table
    col = 1;
    lxw_row_t chart_row = 1;
    for (const auto& o : r.options) {
        lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_LINE);
        for (const auto& [name, values] : o.cumulative_cash_flow.bands()) {
            const std::string level = name;
            const bool median = level == "p50", inner = level == "p25" || level == "p75";
            style_line(add_series(chart, s.name, "P" + level.substr(1), 2, last, 0, col++), median ? 0x08306B : inner ? 0x4A7FB5 : 0x9ECAE1,
                       median ? 2.75f : 1.5f, median ? LXW_CHART_LINE_DASH_SOLID : LXW_CHART_LINE_DASH_DASH);
        }
        const std::string title = option_label(o.name) + ": cumulative net cash flow (fan chart)";
        chart_title_set_name(chart, chart_text(title).c_str());
        chart_axis_set_name(chart->x_axis, "Month");
        chart_axis_set_name(chart->y_axis, "Cumulative net cash flow");
        double largest = 0;
        for (const auto& [level, values] : o.cumulative_cash_flow.bands()) largest = std::max(largest, largest_amount({*values}));
        money_axis(chart->y_axis, f, largest);
        chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options options{};
        options.x_scale = 1.6;
        options.y_scale = 1.3;
        worksheet_insert_chart_opt(s.ws, chart_row, chart_col, chart, &options);
        chart_row += 22;
    }
}

// "Custom", or "Custom vs Standard" for a pair's rankings (keyed a_vs_b).
std::string sensitivity_subject(const ResultsDocument& r, const std::string& key) {
    for (const auto& c : r.comparisons)
        if (c.key() == key) return option_label(c.a) + " vs " + option_label(c.b);
    return option_label(key);
}

void sensitivity_sheet(lxw_workbook* wb, const Formats& f, const ResultsDocument& r) {
    Sheet s{workbook_add_worksheet(wb, "Sensitivity"), "Sensitivity"};
    if (!r.sensitivity) {
        s.text(0, 0, "No sensitivity analysis in this run: add --sensitivity tornado,spearman,src,sobol to 'roicast run'.");
        return;
    }
    worksheet_set_column(s.ws, 0, 4, 12, nullptr);
    worksheet_set_column(s.ws, 5, 5, 48, nullptr);
    worksheet_set_column(s.ws, 6, 10, 14, nullptr);
    s.headers(0, {"Option", "Horizon (months)", "Metric", "Method", "Rank", "Input", "Value", "CI 95 % low", "CI 95 % high",
                  "Metric at the input's P10", "Metric at the input's P90"},
              f.header);
    worksheet_freeze_panes(s.ws, 1, 0);
    lxw_row_t row = 1;
    for (const auto& o : *r.sensitivity)
        for (const auto& h : o.horizons)
            for (const auto& [metric, methods, r2, base] : h.metrics)
                for (const auto& [method, ranking] : methods)
                    for (const auto& e : ranking) {
                        s.text(row, 0, sensitivity_subject(r, o.option));
                        s.number(row, 1, h.months, f.integer);
                        s.text(row, 2, metric);
                        s.text(row, 3, method);
                        s.number(row, 4, e.rank, f.integer);
                        s.text(row, 5, e.input);
                        // A tornado in the metric's unit, an index or coefficient to two decimals.
                        lxw_format* vf = method != "tornado"          ? f.two_decimals
                                         : metric == "roi"            ? f.percent
                                         : metric == "payback_months" ? f.months
                                                                      : f.money;
                        s.number(row, 6, e.value, vf);
                        if (e.ci95) {
                            s.number(row, 7, (*e.ci95)[0], vf);
                            s.number(row, 8, (*e.ci95)[1], vf);
                        }
                        if (e.low && e.high) {  // a tornado's two sides
                            s.number(row, 9, *e.low, vf);
                            s.number(row, 10, *e.high, vf);
                        }
                        ++row;
                    }

    // Chart data for the NPV drivers: ten inputs per option (then per pair, for the NPV difference) and
    // horizon, smallest first so Excel's bottom-up bar order puts the largest on top. The headline
    // ranking at every horizon, as in the HTML report; a tornado drawn two-sided, as @RISK draws one:
    // the metric with the input at its P10 and at its P90, each minus the base (every input at its
    // median), two overlapping series. At the longest horizon, a tornado that ran beside another
    // headline method follows it (one at a time).
    lxw_row_t block = 1, chart_row = 1;
    constexpr lxw_col_t data_col = 12;
    worksheet_set_column(s.ws, data_col, data_col, 34, nullptr);
    worksheet_set_column(s.ws, data_col + 1, data_col + 2, 20, nullptr);
    s.text(0, data_col, "NPV drivers (chart data)", f.bold);
    const auto chart_of = [&](const std::string& key, const std::string& metric, std::size_t h, const std::string& what,
                              std::string (*label)(const std::string&), const MethodRanking* shown) {
        if (!shown) return;
        const std::string& method = shown->method;
        const auto& ranking = shown->ranking;
        const std::size_t n = std::min<std::size_t>(10, ranking.size());
        if (n == 0) return;
        const MetricSensitivity* m = r.sensitivity_of(key, h, metric);
        const bool two_sided =
            method == "tornado" && m && m->tornado_base && std::isfinite(*m->tornado_base) &&
            std::all_of(ranking.begin(), ranking.begin() + static_cast<std::ptrdiff_t>(n), [](const RankedInput& e) {
                return e.low && e.high && std::isfinite(*e.low) && std::isfinite(*e.high);
            });
        const std::string measure = metric == "npv" ? "NPV" : "NPV difference";
        const std::string title = what + " at " + std::to_string(r.horizons[h].months) + " months (" +
                                  method_name(method) + ")";
        s.text(block, data_col, title, f.bold);
        s.text(block + 1, data_col, "Input", f.header);
        if (two_sided) {
            s.text(block + 1, data_col + 1, "At P10, minus base", f.header);
            s.text(block + 1, data_col + 2, "At P90, minus base", f.header);
        } else {
            s.text(block + 1, data_col + 1, method == "tornado" ? "Swing" : "Value", f.header);
        }
        lxw_format* vf = method == "tornado" ? f.money : f.two_decimals;
        const lxw_row_t first = block + 2, last = first + static_cast<lxw_row_t>(n) - 1;
        for (std::size_t i = 0; i < n; ++i) {
            const auto& e = ranking[n - 1 - i];
            const lxw_row_t row = first + static_cast<lxw_row_t>(i);
            s.text(row, data_col, label(e.input));
            if (two_sided) {
                s.number(row, data_col + 1, *e.low - *m->tornado_base, vf);
                s.number(row, data_col + 2, *e.high - *m->tornado_base, vf);
            } else {
                s.number(row, data_col + 1, e.value, vf);
            }
        }
        lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR);
        const auto series = [&](const std::string& name, lxw_col_t col, lxw_color_t colour) {
            lxw_chart_series* sr = add_series(chart, s.name, name, first, last, data_col, col);
            lxw_chart_fill fill{};
            fill.color = colour;
            chart_series_set_fill(sr, &fill);
            return sr;
        };
        std::string axis;
        if (two_sided) {
            series("Input at its P10", data_col + 1, 0xD9822B);
            series("Input at its P90", data_col + 2, 0x4A7FB5);
            chart_set_series_overlap(chart, 100);
            chart_set_series_gap(chart, 60);
            chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
            axis = "Change in " + measure + " from the base of " + money(*m->tornado_base, r.currency) +
                   " (every input at its median)";
        } else {
            chart_series_set_invert_if_negative(series(method == "tornado" ? "NPV swing" : method_name(method),
                                                       data_col + 1, 0x4A7FB5));
            chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
            axis = method == "tornado" ? "Change in " + measure + ", input from P10 to P90"
                   : method == "tail"  ? "Worst 10 %: shift of the input's median (sd)"
                                       : method_name(method);
        }
        chart_title_set_name(chart, chart_text(title).c_str());
        // In a bar chart libxlsxwriter's x axis is the value axis (below), its y axis the inputs (left),
        // their names at the low end so that they never sit on the bars left of zero.
        chart_axis_set_name(chart->x_axis, chart_text(axis).c_str());
        if (method == "tornado") {
            double largest = 0;
            for (std::size_t i = 0; i < n; ++i)
                largest = std::max({largest, std::abs(ranking[i].value),
                                    two_sided ? std::abs(*ranking[i].low - *m->tornado_base) : 0.0,
                                    two_sided ? std::abs(*ranking[i].high - *m->tornado_base) : 0.0});
            money_axis(chart->x_axis, f, largest);
        }
        chart_axis_set_label_position(chart->y_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
        lxw_chart_font small{};
        small.size = 8;  // ten input names, none skipped
        chart_axis_set_num_font(chart->y_axis, &small);
        lxw_chart_options options{};
        options.x_scale = 1.5;
        options.y_scale = 1.2;
        worksheet_insert_chart_opt(s.ws, chart_row, data_col + 4, chart, &options);
        chart_row += 19;
        block = last + 2;
    };
    const std::size_t longest = r.horizons.size() - 1;
    // The headline ranking, then at the longest horizon a tornado that is not the headline.
    const auto charts_of = [&](const std::string& key, const std::string& metric, const std::string& what,
                               std::string (*label)(const std::string&)) {
        for (std::size_t h = 0; h < r.horizons.size(); ++h) {
            const MethodRanking* headline = headline_ranking(r, key, h, metric);
            chart_of(key, metric, h, what, label, headline);
            const MethodRanking* tornado = r.ranking(key, h, metric, "tornado");
            if (h == longest && tornado && tornado != headline)
                chart_of(key, metric, h, what + ", one at a time", label, tornado);
        }
    };
    for (const auto& o : r.options) charts_of(o.name, "npv", option_label(o.name) + ": NPV drivers", input_label);
    for (const auto& c : r.comparisons)
        charts_of(c.key(), "npv_difference", "NPV difference, " + difference_label(c) + ": drivers",
                  input_label_with_option);
}

void assumptions_sheet(lxw_workbook* wb, const Formats& f, const ResultsDocument& r) {
    Sheet s{workbook_add_worksheet(wb, "Assumptions"), "Assumptions"};
    worksheet_set_column(s.ws, 0, 0, 16, nullptr);
    worksheet_set_column(s.ws, 1, 1, 46, nullptr);
    worksheet_set_column(s.ws, 2, 2, 44, nullptr);
    worksheet_set_column(s.ws, 3, 5, 13, nullptr);
    worksheet_set_column(s.ws, 6, 6, 70, f.wrap);
    worksheet_set_column(s.ws, 7, 7, 50, nullptr);
    s.headers(0, {"Group", "Assumption", "Value or distribution", "Mean", "P10", "P90", "Source", "Address in the scenario"},
              f.header);
    worksheet_freeze_panes(s.ws, 1, 0);
    lxw_row_t row = 1;
    for (const auto& a : r.assumptions) {
        lxw_format* format = quantity_format(f, quantity_named(a.quantity).value_or(Quantity::rate));
        s.text(row, 0, a.group == "baseline" ? std::string("Business today") : option_label(a.group));
        s.text(row, 1, a.label);
        s.text(row, 2, a.value);
        s.number(row, 3, a.mean, format);
        if (a.uncertain) {
            s.number(row, 4, a.p10, format);
            s.number(row, 5, a.p90, format);
        }
        s.text(row, 6, a.source, f.wrap);
        s.text(row, 7, a.address);
        ++row;
    }
    if (r.assumptions.empty())
        for (const auto& in : r.inputs) {  // a results file without a register: its uncertain inputs
            s.text(row, 1, in.label.empty() ? input_label_with_option(in.input) : in.label);
            s.text(row, 2, in.distribution);
            s.number(row, 3, in.mean, f.number);
            s.text(row, 6, in.source, f.wrap);
            s.text(row, 7, in.input);
            ++row;
        }
    row += 1;
    if (const auto correlations = correlation_lines(r); !correlations.empty()) {
        s.text(row++, 0, "Rank correlations", f.bold);
        s.headers(row++, {"Between", "And", "Requested", "Applied"}, f.header);
        for (const auto& c : correlations) {
            s.text(row, 0, c.a);
            s.text(row, 1, c.b);
            s.number(row, 2, c.requested, f.number);
            s.number(row, 3, c.applied, f.number);
            ++row;
        }
        ++row;
    }
    s.text(row++, 0, "Method notes", f.bold);
    s.text(row++, 0, "Paths: " + grouped(r.paths) + ", sampling: " + r.sampling + ", seed: " + grouped(r.seed));
    for (const auto& n : method_notes(r)) s.text(row++, 0, n);
    for (const auto& n : r.notes) s.text(row++, 0, n);
}

// The what-if tables of the terminal and the HTML report, numbers as numbers,
// and per option the payback curves of base and every variant.
void what_if_sheet(lxw_workbook* wb, const Formats& f, const ResultsDocument& r) {
    Sheet s{workbook_add_worksheet(wb, "What if"), "What if"};
    const WhatIfTables t = what_if_tables(r);
    const auto format = [&](Figure figure) {
        return figure == Figure::money ? f.money : figure == Figure::months ? f.months : f.whole_percent;
    };
    worksheet_set_column(s.ws, 0, 0, 18, nullptr);
    worksheet_set_column(s.ws, 1, static_cast<lxw_col_t>(t.side_by_side.size()), 13, nullptr);
    s.text(0, 0, "What if: every variant on the base's seed and " + grouped(t.paths) + " paths", f.title);
    lxw_row_t row = 2;
    // The description, then a line per change, each running on over the empty cells to its right.
    s.text(row, 0, "Variant", f.header);
    s.text(row++, 1, "Description and what it changes", f.bold);
    for (const auto& v : *r.variants) {
        const lxw_row_t first = row;
        s.text(row, 0, v.name);
        if (!v.variant.description.empty()) s.text(row++, 1, v.variant.description);
        for (const auto& line : variant_changes(v.variant)) s.text(row++, 1, line);
        for (const auto& note : variant_warning_notes(r, v)) s.text(row++, 1, note);
        row = std::max(row, first + 1);  // a variant that says nothing still has its row
    }
    const auto table = [&](const std::vector<WhatIfColumn>& columns, const std::vector<WhatIfRow>& rows) {
        worksheet_set_row(s.ws, row, 45, nullptr);  // headings of up to three lines
        s.text(row, 0, "Variant", f.header);
        for (std::size_t k = 0; k < columns.size(); ++k)
            s.text(row, static_cast<lxw_col_t>(1 + k), columns[k].label, f.header);
        ++row;
        for (const auto& line : rows) {
            s.text(row, 0, line.variant);
            for (std::size_t k = 0; k < columns.size(); ++k)
                s.number(row, static_cast<lxw_col_t>(1 + k), line.values[k], format(columns[k].figure));
            ++row;
        }
    };
    for (const auto& o : t.options) {
        ++row;
        s.text(row++, 0, option_label(o.option), f.bold);
        table(t.side_by_side, o.side_by_side);
        if (o.changes.empty()) continue;
        s.text(row++, 0, "Against base at " + std::to_string(t.headline_months) + " months, path by path", f.bold);
        table(t.changes, o.changes);
    }
    s.text(++row, 0, "Empty payback cells: not reached within " + std::to_string(t.last_months) +
                         " months. NPV change: the variant's NPV minus the base's on the same path.");
    row += 2;

    // Per option: the payback curves' data below the tables and their chart to the right.
    const auto chart_col = static_cast<lxw_col_t>(t.side_by_side.size() + 2);
    lxw_row_t chart_row = 2;
    for (const auto& o : t.options) {
        std::vector<std::pair<std::string, const TimeToEvent*>> curves;
        if (const OptionResult* x = find_option(r, o.option)) curves.emplace_back("base", &x->payback);
        for (const auto& v : *r.variants)
            if (const OptionResult* x = find_option(v.results, o.option)) curves.emplace_back(v.name, &x->payback);
        std::size_t months = 0;
        for (const auto& [name, curve] : curves) months = std::max(months, curve->cdf.size());
        if (months == 0) continue;
        const std::string title = option_label(o.option) + ": chance of having paid back, base and variants";
        s.text(row++, 0, title, f.bold);
        s.text(row, 0, "Month", f.header);
        std::vector<std::string> names;
        for (std::size_t i = 0; i < curves.size(); ++i) {
            s.text(row, static_cast<lxw_col_t>(1 + i), curves[i].first, f.header);
            names.push_back(curves[i].first);
        }
        const lxw_row_t first = ++row;
        for (std::size_t m = 0; m < months; ++m, ++row) {
            s.number(row, 0, static_cast<double>(m + 1), f.integer);
            for (std::size_t i = 0; i < curves.size(); ++i)
                if (m < curves[i].second->cdf.size())
                    s.number(row, static_cast<lxw_col_t>(1 + i), curves[i].second->cdf[m], f.percent);
        }
        lxw_chart_options options{};
        options.x_scale = 1.4;
        options.y_scale = 1.3;
        worksheet_insert_chart_opt(s.ws, chart_row, chart_col, payback_chart(wb, s.name, title, names, first, row - 1),
                                   &options);
        chart_row += 21;
        ++row;
    }
}

// The first paths, a row per path and option: NPV in money, ROI in percent,
// payback in months, then each input's draw in its own unit as the
// assumptions register states it (a risk's occurrence draw, a uniform on
// [0, 1] the register does not list, as it is).
void samples_sheet(lxw_workbook* wb, const Formats& f, const ResultsDocument& r) {
    const Samples& d = *r.samples;
    const std::vector<std::string> value_columns(d.columns.begin() + 2, d.columns.end());
    std::vector<lxw_format*> formats;
    for (const auto& name : value_columns) {
        const auto input = std::find_if(r.assumptions.begin(), r.assumptions.end(),
                                        [&](const Assumption& a) { return a.address == name; });
        formats.push_back(input != r.assumptions.end()
                              ? quantity_format(f, quantity_named(input->quantity).value_or(Quantity::rate))
                          : name.rfind("npv_", 0) == 0 ? f.money
                          : name.rfind("roi_", 0) == 0 ? f.percent
                          : name == "payback_months"   ? f.months
                                                       : f.number);
    }
    Sheet s{workbook_add_worksheet(wb, "Samples"), "Samples"};
    s.text(0, 0, d.note);
    s.text(1, 0, "Path", f.header);
    s.text(1, 1, "Option", f.header);
    for (std::size_t c = 0; c < value_columns.size(); ++c)
        s.text(1, static_cast<lxw_col_t>(2 + c), value_columns[c], f.header);
    worksheet_set_column(s.ws, 0, 1, 12, nullptr);
    worksheet_set_column(s.ws, 2, static_cast<lxw_col_t>(1 + value_columns.size()), 14, nullptr);
    worksheet_freeze_panes(s.ws, 2, 0);
    lxw_row_t row = 2;
    for (const auto& sample : d.rows) {
        s.number(row, 0, static_cast<double>(sample.path), f.integer);
        s.text(row, 1, sample.option);
        for (std::size_t c = 0; c < sample.values.size(); ++c)
            s.number(row, static_cast<lxw_col_t>(2 + c), sample.values[c], formats[c]);
        ++row;
    }
}

}  // namespace

void write_xlsx_report(const std::filesystem::path& path, const ResultsDocument& r) {
    Workbook book(path);
    lxw_workbook* wb = book.get();
    const Formats f = make_formats(wb, r.currency);
    // Sheets in reading order; the Summary is filled once the chart data sheet (the last) exists.
    Sheet summary = new_sheet(wb, "Summary");
    Sheet breakdown = new_sheet(wb, "Breakdown");
    Sheet years = new_sheet(wb, "Years");
    horizons_sheet(wb, f, r);
    payback_sheet(wb, f, r);
    cash_flow_sheet(wb, f, r);
    sensitivity_sheet(wb, f, r);
    assumptions_sheet(wb, f, r);
    if (r.variants && !r.variants->empty()) what_if_sheet(wb, f, r);
    if (r.samples) samples_sheet(wb, f, r);
    ChartData data(new_sheet(wb, "Chart data"), f);
    summary_sheet(wb, f, r, summary, data);
    breakdown_sheet(wb, f, r, breakdown, data);
    years_sheet(wb, f, r, years, data);
    book.close();
}

}  // namespace app

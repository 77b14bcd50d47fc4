#include "app/html_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "app/chart/chart.hpp"
#include "app/chart/palette.hpp"
#include "app/assumption_register.hpp"
#include "app/chart/ticks.hpp"
#include "app/decision.hpp"
#include "app/distribution_text.hpp"
#include "app/key_figures.hpp"
#include "app/money_breakdown.hpp"
#include "app/format.hpp"
#include "app/html_page.hpp"
#include "app/report_text.hpp"
#include "app/what_if_table.hpp"

namespace app {

namespace {

namespace palette = chart::palette;

std::string roi_percent(double x) { return percent(x, 0); }

struct Page {
    HtmlStream out;
    const ResultsDocument& r;

    chart::Format money_format() const {
        return [c = r.currency](double x) { return money(x, c); };
    }

    void figure(const Markup& svg, const std::string& caption = "") {
        out << "<figure>" << svg;
        if (!caption.empty()) out << "<figcaption>" << caption << "</figcaption>";
        out << "</figure>\n";
    }

    // Page one, on one A4 page when printed: the decision with its rule, how
    // sure it is, what would change it, the key figures and the payback curves.
    void page_one() {
        const Decision d = decide(r);
        out << "<section id=\"page-one\">\n<h1>CRM investment case: " << r.scenario
            << "</h1>\n<p class=\"subtitle\">Monte Carlo forecast, " << grouped(static_cast<unsigned long long>(r.paths))
            << " simulated futures, amounts in " << r.currency << ", discounted at " << percent(r.discount_rate, 1)
            << " a year.</p>\n<div class=\"decision\">\n<p class=\"verdict\" id=\"decision\" data-choice=\"" << d.choice
            << "\">" << d.sentence << "</p>\n<p class=\"rule\">" << d.rule << "</p>\n<div class=\"columns\">\n"
            << "<div id=\"how-sure\"><h3>How sure</h3><ul>\n";
        for (const auto& line : d.certainty) out << "<li>" << line << "</li>\n";
        out << "</ul></div>\n<div id=\"what-would-change-it\"><h3>What would change it</h3><ul>\n";
        for (const auto& line : d.change) out << "<li>" << line << "</li>\n";
        out << "</ul></div>\n</div>\n</div>\n<div class=\"page-one-body\">\n";
        key_figures_table();
        chart::Chart c = payback_curves("page-one-payback");
        c.x_label = "months from the start";
        figure(chart::render_svg(c, 470, 400),
               "Share of simulated futures whose cumulative cash flow has turned positive by each month" +
                   std::string(r.payback_reference_months ? "; shaded: the scenario's reference band." : "."));
        out << "</div>\n<p class=\"caption\">Medians and percentiles are over the simulated futures: P10 is exceeded "
               "on 90 % of them, P90 on 10 %. ROI is (benefits − costs) / costs, undiscounted; NPV is discounted. Hard "
               "benefits leave out the soft ones (time saved, benefit lines marked soft), which free capacity rather "
               "than cash. Payback is the first month cumulative net cash flow reaches zero.</p>\n</section>\n";
    }

    // Figures as rows, options as columns: each cell tagged with its statistic for checking.
    void key_figures_table() {
        const int last = r.horizons.back().months;
        out << "<table id=\"key-figures\">\n<tr><th class=\"text\">Key figures</th>";
        for (const auto& o : r.options) out << "<th>" << option_label(o.name) << "</th>";
        out << "</tr>\n";
        for (const auto& k : key_figures(r)) {
            out << "<tr><td class=\"text\">" << k.label << "</td>";
            for (const auto& o : r.options)
                out << "<td data-option=\"" << o.name << "\" data-statistic=\"" << k.statistic << "\" data-months=\""
                    << (k.months ? std::to_string(*k.months) : std::string()) << "\">"
                    << figure_text(k.figure, k.read(o), r.currency, last) << "</td>";
            out << "</tr>\n";
        }
        out << "</table>\n";
    }

    void horizon_table() {
        out << "<section id=\"summary\">\n<h2>Figures by horizon</h2>\n";
        out << "<table id=\"by-horizon\">\n<tr><th class=\"text\">Option</th><th>Horizon</th><th>NPV mean</th><th>NPV median</th>"
               "<th>NPV P10 to P90</th><th>P(NPV &gt; 0)</th><th>ROI median</th><th>ROI P10 to P90</th>"
               "<th>ROI on hard benefits, median</th><th>IRR median</th><th>Costs (mean)</th><th>Benefits (mean)</th></tr>\n";
        bool irr_note = false;
        for (const auto& o : r.options)
            for (std::size_t h = 0; h < r.horizons.size(); ++h) {
                const auto& m = o.horizons[h];
                const auto& npv = m[models::Metric::npv];
                const auto& roi = m[models::Metric::roi];
                const auto& irr = m[models::Metric::irr];
                irr_note = irr_note || !irr_is_typical(irr);
                out << "<tr><td class=\"text\">" << option_label(o.name) << "</td><td>" << r.horizons[h].months
                    << " months</td><td>" << money(npv.mean, r.currency) << "</td><td>" << money(npv.p50, r.currency)
                    << "</td><td>" << money(npv.p10, r.currency) << " to " << money(npv.p90, r.currency) << "</td><td>"
                    << percent(npv.prob_positive, 0) << "</td><td>" << roi_percent(roi.p50) << "</td><td>"
                    << roi_percent(roi.p10) << " to " << roi_percent(roi.p90) << "</td><td>"
                    << roi_percent(m[models::Metric::roi_hard].p50) << "</td><td>" << irr_median_text(irr) << "</td><td>"
                    << money(m[models::Metric::costs].mean, r.currency) << "</td><td>"
                    << money(m[models::Metric::benefits].mean, r.currency) << "</td></tr>\n";
            }
        out << "</table>\n<p>ROI is (benefits − costs) / costs, undiscounted, cumulated up to the horizon. IRR is annual. "
               "An 80 % interval runs from the 10th to the 90th percentile of the simulated futures.";
        if (irr_note)
            out << " Where IRR is undefined on more than " << percent(irr_undefined_limit, 0)
                << " of the paths (the cash flows never change sign by then: nothing paid back yet, or nothing spent), "
                   "no median is shown: one over the remaining paths would not be typical.";
        out << "</p>\n";
        for (const auto& o : r.options) out << "<p class=\"caption\">" << option_summary(r, o) << "</p>\n";
        out << "</section>\n";
    }

    // Where the money comes from, per option: a waterfall of the benefits per
    // horizon down to the net, the costs stacked by line, the soft share and
    // ROI on hard benefits, and the total cost of ownership by year.
    void where_the_money_comes_from() {
        if (std::none_of(r.options.begin(), r.options.end(),
                         [](const OptionResult& o) { return !o.horizons.empty() && o.horizons[0].breakdown; }))
            return;
        out << "<section id=\"money\">\n<h2>Where the money comes from</h2>\n<p>Means over the simulated futures of "
               "each component's undiscounted sum from the start to the horizon; the components add up to the "
               "benefits and the costs. Soft benefits (time saved, benefit lines marked soft) free capacity rather "
               "than cash: the ROI on hard benefits leaves them out.</p>\n";
        for (const auto& o : r.options) {
            if (o.horizons.empty() || !o.horizons[0].breakdown) continue;
            out << "<h3>" << option_label(o.name) << "</h3>\n<div class=\"charts\">\n";
            const auto benefits = benefit_components(r, o);
            const auto costs = cost_components(r, o);
            for (std::size_t h = 0; h < o.horizons.size(); ++h) {
                const Breakdown& b = *o.horizons[h].breakdown;
                const int months = r.horizons[h].months;
                chart::Waterfall w;
                w.id = "waterfall-" + o.name + "-" + std::to_string(months);
                w.title = option_label(o.name) + ": benefits to net at " + std::to_string(months) + " months";
                w.x_label = "mean, undiscounted (" + r.currency + ")";
                w.x_format = money_format();
                w.positive_fill = palette::bars;
                w.negative_fill = palette::warm;
                w.total_fill = palette::dark;
                for (const auto& c : benefits)
                    if (const Quantiles* q = c.pick(b); q && q->mean != 0) w.rows.push_back({c.label, q->mean, false});
                w.rows.push_back({"Benefits", b.benefits_mean(), true});
                w.rows.push_back({"Costs", -b.costs_mean(), false});
                w.rows.push_back({"Net (undiscounted)", b.benefits_mean() - b.costs_mean(), true});
                figure(chart::render_svg(w, 480));
            }
            out << "</div>\n";
            hard_and_soft_table(o);
            chart::StackedColumns c;
            c.id = "costs-" + o.name;
            c.title = option_label(o.name) + ": costs by line, cumulated to each horizon";
            c.y_label = "mean cost (" + r.currency + ")";
            c.y_format = money_format();
            for (const auto& h : r.horizons) c.categories.push_back(std::to_string(h.months) + " months");
            for (std::size_t k = 0; k < costs.size(); ++k) {
                chart::StackedSeries series{costs[k].label, palette::stack_fill[k % palette::stack_count], {}};
                for (const auto& h : o.horizons) {
                    const Quantiles* q = h.breakdown ? costs[k].pick(*h.breakdown) : nullptr;
                    series.values.push_back(q ? q->mean : 0.0);
                }
                c.series.push_back(std::move(series));
            }
            out << "<div class=\"charts wide\">\n";
            figure(chart::render_svg(c, 960, 340), "Each column is the mean total cost up to the horizon; the segments "
                                                   "are the cost lines, the productivity dip and the risks.");
            out << "</div>\n";
            years(o);
        }
        out << "</section>\n";
    }

    // Per horizon: benefits and their soft part, costs, ROI with and without the soft benefits.
    void hard_and_soft_table(const OptionResult& o) {
        using models::Metric;
        out << "<table class=\"hard-soft\" data-option=\"" << o.name << "\">\n<tr><th class=\"text\">Horizon</th>"
               "<th>Benefits (mean)</th><th>of which soft (mean)</th><th>Soft share</th><th>Costs (mean)</th>"
               "<th>ROI median</th><th>ROI on hard benefits, median</th><th>NPV on hard benefits, median</th></tr>\n";
        for (std::size_t h = 0; h < o.horizons.size(); ++h) {
            const auto& m = o.horizons[h];
            const Breakdown& b = *m.breakdown;
            out << "<tr><td class=\"text\">" << r.horizons[h].months << " months</td><td>"
                << money(b.benefits_mean(), r.currency) << "</td><td>" << money(b.soft_mean(), r.currency) << "</td><td>"
                << percent(soft_share(m), 0) << "</td><td>" << money(b.costs_mean(), r.currency) << "</td><td>"
                << roi_percent(m[Metric::roi].p50) << "</td><td>" << roi_percent(m[Metric::roi_hard].p50) << "</td><td>"
                << money(m[Metric::npv_hard].p50, r.currency) << "</td></tr>\n";
        }
        out << "</table>\n";
    }

    // Total cost of ownership by year, years as columns: month 0 ("initial"), then year 1, 2, …
    void years(const OptionResult& o) {
        if (o.years.empty()) return;
        const auto period = [](std::size_t y) { return y == 0 ? std::string("Initial") : "Year " + std::to_string(y); };
        out << "<table class=\"years\" data-option=\"" << o.name << "\">\n<tr><th class=\"text\">"
            << option_label(o.name) << ": by year</th>";
        for (std::size_t y = 0; y < o.years.size(); ++y) out << "<th>" << period(y) << "</th>";
        out << "<th>Total</th></tr>\n";
        const auto line = [&](const char* label, const char* key, auto pick, bool total) {
            out << "<tr data-row=\"" << key << "\"><td class=\"text\">" << label << "</td>";
            double sum = 0;
            for (const auto& y : o.years) {
                sum += pick(y);
                out << "<td>" << money(pick(y), r.currency) << "</td>";
            }
            out << "<td>" << (total ? money(sum, r.currency) : std::string()) << "</td></tr>\n";
        };
        line("Costs (mean)", "costs", [](const YearRecord& y) { return y.costs.mean; }, true);
        line("Benefits (mean)", "benefits", [](const YearRecord& y) { return y.benefits.mean; }, true);
        line("Net (mean)", "net", [](const YearRecord& y) { return y.net.mean; }, true);
        line("Net P10", "net_p10", [](const YearRecord& y) { return y.net.p10; }, false);
        line("Net P90", "net_p90", [](const YearRecord& y) { return y.net.p90; }, false);
        line("Discounted net (mean)", "discounted_net", [](const YearRecord& y) { return y.discounted_net.mean; }, true);
        out << "</table>\n<p class=\"caption\">Initial: flows at signature (month 0). Year 1 is months 1 to 12, and so "
               "on to the last horizon. P10 and P90 are those of each year's net, not differences of percentiles; "
               "totals are sums of the means.</p>\n";
        chart::StackedColumns c;
        c.id = "years-" + o.name;
        c.title = option_label(o.name) + ": costs, benefits and net by year";
        c.y_label = "mean (" + r.currency + ")";
        c.y_format = money_format();
        chart::StackedSeries benefits{"benefits", palette::bars, {}}, costs{"costs", palette::warm, {}};
        for (std::size_t y = 0; y < o.years.size(); ++y) {
            c.categories.push_back(period(y));
            benefits.values.push_back(o.years[y].benefits.mean);
            costs.values.push_back(-o.years[y].costs.mean);
            c.mark.push_back(o.years[y].net.mean);
            c.mark_low.push_back(o.years[y].net.p10);
            c.mark_high.push_back(o.years[y].net.p90);
        }
        c.series = {benefits, costs};
        c.mark_label = "net: mean, P10 to P90";
        out << "<div class=\"charts wide\">\n";
        figure(chart::render_svg(c, 960, 320), "Benefits up, costs down (means); the dot is the year's mean net, the "
                                               "whisker its P10 to P90.");
        out << "</div>\n";
    }

    void roi_distributions() {
        out << "<section id=\"roi\">\n<h2>Return on investment by horizon</h2>\n";
        std::vector<chart::Chart> cdfs;
        for (std::size_t h = 0; h < r.horizons.size(); ++h) {
            const int months = r.horizons[h].months;
            out << "<h3>" << months << " months (" << r.horizons[h].name << " term)</h3>\n<div class=\"charts\">\n";
            // One x axis for every option at this horizon, so they compare at a glance.
            double low = INFINITY, high = -INFINITY;
            for (const auto& o : r.options)
                if (const auto& hist = o.horizons[h].roi_histogram) {
                    low = std::min(low, hist->low);
                    high = std::max(high, hist->low + hist->bin_width * static_cast<double>(hist->counts.size()));
                }
            const std::vector<double> ticks = low < high ? chart::nice_ticks(low, high, 6) : std::vector<double>{};
            chart::Chart cdf;
            cdf.id = "roi-cdf-" + std::to_string(months);
            cdf.title = "ROI at " + std::to_string(months) + " months";
            cdf.x_label = "ROI";
            cdf.y_label = "probability ROI ≤ x";
            cdf.x_format = [](double x) { return percent(x, 0); };
            cdf.y_format = [](double y) { return percent(y, 0); };
            cdf.y_range = std::pair{0.0, 1.0};
            cdf.x_ticks = ticks;
            if (!ticks.empty()) cdf.x_range = std::pair{ticks.front(), ticks.back()};
            cdf.markers.push_back({0, "break-even", "2 2"});
            for (std::size_t i = 0; i < r.options.size(); ++i) {
                const auto& o = r.options[i];
                const auto& roi = o.horizons[h][models::Metric::roi];
                if (!o.horizons[h].roi_histogram) continue;
                const auto& hist = *o.horizons[h].roi_histogram;
                if (!(hist.total() > 0)) {
                    out << "<p>" << option_label(o.name) << ": ROI at " << months
                        << " months is undefined on every path (no costs up to then).</p>\n";
                    continue;
                }
                chart::Chart c;
                c.id = "roi-histogram-" + o.name + "-" + std::to_string(months);
                c.title = option_label(o.name) + ": ROI at " + std::to_string(months) + " months";
                c.x_label = "ROI";
                c.y_label = "share of futures";
                c.x_format = cdf.x_format;
                c.y_format = [](double y) { return percent(y, 1); };
                c.x_ticks = cdf.x_ticks;
                c.x_range = cdf.x_range;
                const double total = hist.total();
                c.bars.push_back(share_bars(hist));
                c.markers.push_back({roi.p10, "P10 " + roi_percent(roi.p10), "4 3"});
                c.markers.push_back({roi.p50, "P50 " + roi_percent(roi.p50), ""});
                c.markers.push_back({roi.p90, "P90 " + roi_percent(roi.p90), "4 3"});
                std::string caption = "Bars: share of simulated futures per ROI bin. Dashed lines: P10 and P90; solid: median.";
                if (hist.below + hist.above > 0)
                    caption += " " + percent((hist.below + hist.above) / total, 1) + " of futures lie beyond the charted range.";
                figure(chart::render_svg(c, 480, 270), caption);

                chart::Line line;
                line.stroke = palette::option_stroke[i % palette::series_count];
                line.dash = palette::option_dash[i % palette::series_count];
                line.label = option_label(o.name);
                double cumulative = hist.below;
                line.x.push_back(hist.low);
                line.y.push_back(total > 0 ? cumulative / total : 0);
                for (std::size_t b = 0; b < hist.counts.size(); ++b) {
                    cumulative += hist.counts[b];
                    line.x.push_back(hist.low + hist.bin_width * static_cast<double>(b + 1));
                    line.y.push_back(total > 0 ? cumulative / total : 0);
                }
                cdf.lines.push_back(std::move(line));
            }
            out << "</div>\n";
            if (!cdf.lines.empty()) cdfs.push_back(std::move(cdf));
        }
        if (cdfs.empty()) {
            out << "</section>\n";
            return;
        }
        out << "<h3>Cumulative probability of ROI</h3>\n<div class=\"charts three\">\n";
        for (const auto& cdf : cdfs) figure(chart::render_svg(cdf, 340, 280));
        out << "</div>\n<p class=\"caption\">Read across from a return on the horizontal axis to the chance of doing no "
               "better than it; the dotted line is break-even.</p>\n</section>\n";
    }

    static chart::Bars share_bars(const Histogram& hist) {
        const double total = hist.total();
        chart::Bars bars{hist.low, hist.bin_width, {}, palette::bars, ""};
        for (const auto n : hist.counts) bars.heights.push_back(total > 0 ? static_cast<double>(n) / total : 0);
        return bars;
    }

    void cash_flow() {
        out << "<section id=\"cash-flow\">\n<h2>Cumulative cash flow</h2>\n<div class=\"charts wide\">\n";
        for (const auto& o : r.options) {
            chart::Chart c;
            c.id = "fan-" + o.name;
            c.title = option_label(o.name) + ": cumulative net cash flow by month";
            c.x_label = "months from the start of the project";
            c.y_label = "cumulative cash flow (" + r.currency + ")";
            c.x_format = [](double x) { return plain_number(x); };
            c.y_format = money_format();
            c.zero_line = true;
            const auto& fan = o.cumulative_cash_flow;
            const std::size_t n = fan.p50.size();
            std::vector<double> x(n);
            for (std::size_t t = 0; t < n; ++t) x[t] = static_cast<double>(t + 1);
            c.x_ticks = chart::month_ticks(static_cast<double>(n));
            c.x_range = std::pair{0.0, c.x_ticks.back()};
            const double p10 = o.payback.p10, p90 = o.payback.p90;
            if (std::isfinite(p10))
                c.spans.push_back({p10, std::isfinite(p90) ? p90 : static_cast<double>(n), "payback P10 to P90",
                                   palette::reference});
            c.bands.push_back({x, fan.p5, fan.p95, palette::band_outer, "P5 to P95"});
            c.bands.push_back({x, fan.p25, fan.p75, palette::band_inner, "P25 to P75"});
            c.lines.push_back({x, fan.p50, palette::dark, "median", 2.4, "", false});
            figure(chart::render_svg(c, 960, 340),
                   "Shaded bands hold 90 % and 50 % of the simulated futures; the line is the median. Above zero the "
                   "project has paid back what it cost so far.");
        }
        out << "</div>\n</section>\n";
    }

    // A payback CDF from month 0, in the colour and dash of its series.
    static chart::Line payback_line(const TimeToEvent& time, std::size_t series, std::string label) {
        chart::Line line;
        line.stroke = palette::option_stroke[series % palette::series_count];
        line.dash = palette::option_dash[series % palette::series_count];
        line.width = 2.4;
        line.label = std::move(label);
        line.x.push_back(0);
        line.y.push_back(0);
        for (std::size_t m = 0; m < time.cdf.size(); ++m) {
            line.x.push_back(static_cast<double>(m + 1));
            line.y.push_back(time.cdf[m]);
        }
        return line;
    }

    // A payback chart's axes and reference band. The month axis stops a
    // little after every curve has (nearly) all paid back: the flat tail says nothing.
    void payback_axes(chart::Chart& c, const std::vector<const TimeToEvent*>& curves) const {
        c.x_label = "months from the start of the project";
        c.y_label = "probability of payback";
        c.x_format = [](double x) { return plain_number(x); };
        c.y_format = [](double y) { return percent(y, 0); };
        c.y_range = std::pair{0.0, 1.0};
        std::size_t months = 0, shown = 0;
        for (const TimeToEvent* t : curves) {
            months = std::max(months, t->cdf.size());
            for (std::size_t m = 0; m < t->cdf.size(); ++m)
                if (t->cdf[m] < 0.995) shown = std::max(shown, m + 1);
        }
        if (r.payback_reference_months)
            shown = std::max(shown, static_cast<std::size_t>(std::ceil((*r.payback_reference_months)[1])));
        shown = std::min(months, shown + 6);
        c.x_ticks = chart::month_ticks(static_cast<double>(shown));
        c.x_range = std::pair{0.0, c.x_ticks.back()};
        if (r.payback_reference_months) {
            const auto [from, to] = *r.payback_reference_months;
            c.spans.push_back({from, to, "reference: " + months_text(from) + " to " + months_text(to) + " months",
                               palette::reference});
        }
    }

    // Every option's payback curve on one chart.
    chart::Chart payback_curves(const std::string& id) const {
        chart::Chart c;
        c.id = id;
        c.title = "Chance of having paid back, by month";
        std::vector<const TimeToEvent*> curves;
        for (std::size_t i = 0; i < r.options.size(); ++i) {
            c.lines.push_back(payback_line(r.options[i].payback, i, option_label(r.options[i].name)));
            curves.push_back(&r.options[i].payback);
        }
        payback_axes(c, curves);
        return c;
    }

    void payback() {
        out << "<section id=\"payback\">\n<h2>Time to positive ROI</h2>\n<div class=\"charts wide\">\n";
        const chart::Chart c = payback_curves("payback-cdf");
        std::string caption = "Each line gives the share of simulated futures whose cumulative cash flow has turned "
                              "positive by that month.";
        if (r.payback_reference_months)
            caption += " The shaded band is the payback range the scenario cites as a reference.";
        figure(chart::render_svg(c, 960, 320), caption);
        out << "</div>\n<table>\n<tr><th class=\"text\">Option</th><th>P10</th><th>P25</th><th>Median</th><th>P75</th>"
               "<th>P90</th><th>Discounted payback, median</th><th>Share that ever pays back</th></tr>\n";
        for (const auto& o : r.options) {
            const int last = r.horizons.back().months;
            const auto m = [&](double x) { return std::isnan(x) ? "after " + std::to_string(last) : months_text(x); };
            out << "<tr><td class=\"text\">" << option_label(o.name) << "</td>";
            for (double p : {o.payback.p10, o.payback.p25, o.payback.p50, o.payback.p75, o.payback.p90})
                out << "<td>" << m(p) << "</td>";
            out << "<td>" << m(o.discounted_payback.p50) << "</td><td>" << percent(o.payback.share_reached, 1)
                << "</td></tr>\n";
        }
        out << "</table>\n<p>Months from the start of the project; payback is the first time cumulative net cash "
               "flow reaches zero.</p>\n</section>\n";
    }

    static std::string months_text(double x) { return plain_number(std::round(x * 10) / 10); }

    void sensitivity() {
        if (!r.sensitivity) return;
        out << "<section id=\"sensitivity\">\n<h2>What drives the result</h2>\n<p>One ranking throughout the "
               "reports (terminal, page one, workbook): "
            << headline_policy << " When the tornado ran beside it, the tornado at the longest horizon follows: "
               "the metric with one input at its P10 or its P90, every other input at its median.</p>\n";
        const std::size_t last = r.horizons.size() - 1;
        const auto own = [this](const std::string& a) { return input_name(r, a); };
        for (const auto& o : r.options)
            for (std::size_t h = 0; h < r.horizons.size(); ++h) {
                const std::string title = option_label(o.name) + ": NPV drivers";
                drivers_chart(o.name, "npv", h, title, "NPV", own, headline_ranking(r, o.name, h, "npv"), "tornado-");
                if (h == last) one_at_a_time(o.name, "npv", h, title + ", one at a time", "NPV", own);
            }
        for (const auto& c : r.comparisons)
            for (std::size_t h = 0; h < r.horizons.size(); ++h) {
                const std::string title = "NPV difference, " + difference_label(c) + ": drivers";
                drivers_chart(c.key(), "npv_difference", h, title, "the NPV difference", own,
                              headline_ranking(r, c.key(), h, "npv_difference"), "tornado-");
                if (h == last) one_at_a_time(c.key(), "npv_difference", h, title + ", one at a time", "the NPV difference", own);
            }
        out << "</section>\n";
    }

    // The tornado, two-sided, when it ran but another method heads the rankings.
    void one_at_a_time(const std::string& key, const std::string& metric, std::size_t h, const std::string& title,
                       const std::string& measure, const std::function<std::string(const std::string&)>& label) {
        const MethodRanking* tornado = r.ranking(key, h, metric, "tornado");
        if (!tornado || tornado == headline_ranking(r, key, h, metric)) return;
        drivers_chart(key, metric, h, title, measure, label, tornado, "one-at-a-time-");
    }

    // A ranking of `key`'s metric at horizon h as bars, ten inputs at most; a tornado two-sided.
    void drivers_chart(const std::string& key, const std::string& metric, std::size_t h, const std::string& title,
                       const std::string& measure, const std::function<std::string(const std::string&)>& label,
                       const MethodRanking* headline, const std::string& id_prefix) {
        if (!headline) return;
        const std::string& method = headline->method;
        const auto& ranking = headline->ranking;
        chart::DivergingBars c;
        c.id = id_prefix + key + "-" + std::to_string(r.horizons[h].months);
        c.title = title + " at " + std::to_string(r.horizons[h].months) + " months (" + r.horizons[h].name + " term)";
        c.positive_fill = palette::bars;
        c.negative_fill = palette::negative;
        c.x_format = [](double x) { return plain_number(x); };
        if (method == "tornado") {
            c.x_label = "change in " + measure + " when the input moves from its P10 to its P90";
            c.x_format = money_format();
        } else if (method == "tail") {
            c.x_label = "input's median on the worst 10 % of futures minus its usual median, in standard deviations";
        } else {
            c.x_label = method == "sobol_total" ? "total-order Sobol index" : method + " coefficient";
        }
        for (std::size_t i = 0; i < ranking.size() && i < 10; ++i)
            c.bars.emplace_back(label(ranking[i].input), ranking[i].value);
        // A tornado is drawn two-sided: the metric at each input's P10 and P90 around the base.
        const MetricSensitivity* m = r.sensitivity_of(key, h, metric);
        if (method == "tornado" && m && m->tornado_base) {
            c.base = m->tornado_base;
            for (std::size_t i = 0; i < c.bars.size(); ++i)
                c.ranges.emplace_back(ranking[i].low.value_or(NAN), ranking[i].high.value_or(NAN));
            c.x_label = measure + " with one input at its P10 or P90, every other at its median";
            if (std::any_of(c.ranges.begin(), c.ranges.end(),
                            [](const auto& p) { return !std::isfinite(p.first) || !std::isfinite(p.second); }))
                c.ranges.clear();  // an older results file: the swings only
        }
        figure(chart::render_svg(c, 960),
               method == "tail" ? "The ten inputs that set the worst 10 % of futures for " + measure +
                                      " most apart, largest first. Bars to the left: those futures drew lower values "
                                      "of the input than usual."
                                : "The ten inputs that move " + measure + " most, largest first. Bars to the left: a "
                                  "higher value of the input lowers " + measure + ".");
    }

    void comparison() {
        if (r.comparisons.empty()) return;
        out << "<section id=\"comparison\">\n<h2>Option comparison</h2>\n";
        for (const auto& cmp : r.comparisons) {
            out << "<p>" << comparison_summary(r, cmp) << "</p>\n<p class=\"caption\">" << npv_versus_cash_note
                << "</p>\n<div class=\"charts\">\n";
            for (std::size_t h = 0; h < r.horizons.size(); ++h) {
                const auto& d = cmp.horizons[h].npv_difference;
                if (!d.histogram) continue;
                const auto& hist = *d.histogram;
                const int months = r.horizons[h].months;
                chart::Chart c;
                c.id = "npv-difference-" + cmp.a + "-vs-" + cmp.b + "-" + std::to_string(months);
                c.title = "NPV " + option_label(cmp.a) + " minus " + option_label(cmp.b) + " at " +
                          std::to_string(months) + " months";
                c.x_label = "NPV difference (" + r.currency + ")";
                c.y_label = "share of futures";
                c.x_format = money_format();
                c.y_format = [](double y) { return percent(y, 1); };
                c.bars.push_back(share_bars(hist));
                c.markers.push_back({0, "equal", "2 2"});
                c.markers.push_back({d.statistics.p50, "median", ""});
                figure(chart::render_svg(c, 480, 270),
                       "Right of zero: " + option_label(cmp.a) + " is ahead, probability " +
                           percent(cmp.horizons[h].prob_a_better, 0) + ".");
            }
            out << "</div>\n";
        }
        out << "</section>\n";
    }

    // Base and every variant side by side, their change against base paired
    // path by path, and per option their payback curves and NPV spreads.
    void what_if() {
        if (!r.variants || r.variants->empty()) return;
        const WhatIfTables t = what_if_tables(r);
        out << "<section id=\"what-if\">\n<h2>What if</h2>\n<p>Each variant is the scenario with the changes below, "
               "run on the same seed and the same "
            << grouped(t.paths)
            << " simulated futures as the base, so a difference between them is what the change does, not noise.";
        if (t.paired_paths < t.paths)
            out << " Changes against base are paired over the first " << grouped(t.paired_paths)
                << " paths (the streamed run's pilot).";
        out << "</p>\n<table class=\"variants\">\n<tr><th class=\"text\">Variant</th>"
               "<th class=\"text\">Description</th><th class=\"text\">What it changes</th></tr>\n";
        for (const auto& v : *r.variants) {
            out << "<tr data-variant=\"" << v.name << "\"><td class=\"text\">" << v.name
                << "</td><td class=\"text\">" << v.variant.description << "</td><td class=\"text\">";
            const auto changes = variant_changes(v.variant);
            for (std::size_t k = 0; k < changes.size(); ++k)
                out << (k ? "<br>" : "") << "<code>" << changes[k] << "</code>";
            for (const auto& note : variant_warning_notes(r, v)) out << "<br><span class=\"warning\">" << note << "</span>";
            out << "</td></tr>\n";
        }
        out << "</table>\n";
        for (const auto& o : t.options) {
            out << "<h3>" << option_label(o.option) << "</h3>\n";
            what_if_table(t, o.option, "side-by-side", t.side_by_side, o.side_by_side);
            if (!o.changes.empty()) {
                out << "<p class=\"caption\">Against base at " << t.headline_months
                    << " months, path by path: the variant's NPV minus the base's on the same simulated future, and "
                       "the share of futures where the variant does worse.</p>\n";
                what_if_table(t, o.option, "against-base", t.changes, o.changes);
            }
            std::vector<const TimeToEvent*> curves;
            chart::Chart payback;
            payback.id = "what-if-payback-" + o.option;
            payback.title = option_label(o.option) + ": chance of having paid back, base and variants";
            chart::Intervals npv;
            npv.id = "what-if-npv-" + o.option;
            npv.title =
                option_label(o.option) + ": NPV at " + std::to_string(t.headline_months) + " months, base and variants";
            npv.x_label = "NPV at " + std::to_string(t.headline_months) + " months (" + r.currency + ")";
            npv.x_format = money_format();
            npv.marker = chart::Marker{0, "break-even", "2 2"};
            npv.outer_fill = palette::band_outer;
            npv.inner_fill = palette::band_inner;
            npv.median_stroke = palette::dark;
            const auto add = [&](const std::string& name, const ResultsDocument& run, std::size_t series) {
                const OptionResult* x = find_option(run, o.option);
                if (!x) return;
                payback.lines.push_back(payback_line(x->payback, series, name));
                curves.push_back(&x->payback);
                const std::size_t h = run.horizon_index(t.headline_months);
                if (h >= x->horizons.size()) return;
                const Statistics& s = x->horizons[h][models::Metric::npv];
                npv.rows.push_back({name, s.p5, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95});
            };
            add("base", r, 0);
            for (std::size_t k = 0; k < r.variants->size(); ++k)
                add((*r.variants)[k].name, (*r.variants)[k].results, k + 1);
            payback_axes(payback, curves);
            out << "<div class=\"charts wide\">\n";
            figure(chart::render_svg(payback, 960, 340),
                   "The share of simulated futures paid back by each month, for the base (solid) and each variant.");
            figure(chart::render_svg(npv, 960),
                   "Per run: whiskers from P5 to P95, boxes from P10 to P90 and P25 to P75, the bar at the median.");
            out << "</div>\n";
        }
        out << "</section>\n";
    }

    // One table of the what-if section: a row per run, the columns' labels as headings.
    void what_if_table(const WhatIfTables& t, const std::string& option, const char* kind,
                       const std::vector<WhatIfColumn>& columns, const std::vector<WhatIfRow>& rows) {
        out << "<table class=\"what-if\" data-option=\"" << option << "\" data-table=\"" << kind
            << "\">\n<tr><th class=\"text\">Variant</th>";
        for (const auto& c : columns) out << "<th>" << c.label << "</th>";
        out << "</tr>\n";
        for (const auto& row : rows) {
            out << "<tr data-variant=\"" << row.variant << "\"><td class=\"text\">"
                << row.variant << "</td>";
            for (std::size_t k = 0; k < columns.size(); ++k)
                out << "<td>" << t.shown(columns[k], row.values[k]) << "</td>";
            out << "</tr>\n";
        }
        out << "</table>\n";
    }

    // Every input of the scenario, grouped by baseline and option, in words.
    void assumptions() {
        out << "<section id=\"assumptions\">\n<h2>Assumptions register</h2>\n";
        if (r.assumptions.empty()) {
            uncertain_inputs();
            return;
        }
        out << "<p>Every input of the scenario, constants included (a figure the file leaves out is its default: "
               "0, or 1 for a multiplier or share that scales). An uncertain input shows its distribution; P10 and P90 "
               "are the values it stays above and below on 90 % of the draws.</p>\n";
        std::vector<std::string> groups;
        for (const auto& a : r.assumptions)
            if (std::find(groups.begin(), groups.end(), a.group) == groups.end()) groups.push_back(a.group);
        for (const auto& g : groups) {
            out << "<h3>" << (g == "baseline" ? std::string("The business today (shared by every option)") : option_label(g))
                << "</h3>\n<table class=\"register\" data-group=\"" << g
                << "\">\n<tr><th class=\"text\">Assumption</th><th class=\"text\">Value or distribution</th>"
                   "<th>P10</th><th>P90</th><th class=\"text\">Source</th></tr>\n";
            for (const auto& a : r.assumptions) {
                if (a.group != g) continue;
                const Quantity q = quantity_named(a.quantity).value_or(Quantity::rate);
                out << "<tr data-address=\"" << a.address << "\"><td class=\"text\">" << a.label
                    << "</td><td class=\"text\">" << a.value << "</td><td>"
                    << (a.uncertain ? quantity_text(a.p10, q, r.currency) : std::string()) << "</td><td>"
                    << (a.uncertain ? quantity_text(a.p90, q, r.currency) : std::string()) << "</td><td class=\"source\">"
                    << a.source << "</td></tr>\n";
            }
            out << "</table>\n";
        }
        out << "</section>\n";
    }

    // A results file without a register: its uncertain inputs as the run drew them.
    void uncertain_inputs() {
        if (r.inputs.empty()) {
            out << "<p>The results file lists no inputs.</p>\n</section>\n";
            return;
        }
        out << "<table>\n<tr><th class=\"text\">Input</th><th class=\"text\">Distribution</th><th>P5</th><th>P50</th>"
               "<th>P95</th><th class=\"text\">Source</th></tr>\n";
        for (const auto& in : r.inputs)
            out << "<tr><td class=\"text\">" << (in.label.empty() ? input_label_with_option(in.input) : in.label)
                << "</td><td class=\"text\">" << in.distribution << "</td><td>" << plain_number(in.p5) << "</td><td>"
                << plain_number(in.p50) << "</td><td>" << plain_number(in.p95) << "</td><td class=\"source\">"
                << in.source << "</td></tr>\n";
        out << "</table>\n</section>\n";
    }

    void method_notes() {
        out << "<section id=\"method\">\n<h2>Method notes</h2>\n<ul class=\"notes\">\n"
            << "<li>" << grouped(static_cast<unsigned long long>(r.paths)) << " paths, " << sampling_text()
            << ", seed " << grouped(static_cast<unsigned long long>(r.seed))
            << ". The same scenario and seed give the same numbers on any number of threads.</li>\n";
        const auto correlations = correlation_lines(r);
        if (correlations.empty())
            out << "<li>Inputs are sampled independently.</li>\n";
        else {
            out << "<li>Rank correlations (Gaussian copula):<ul>\n";
            for (const auto& c : correlations) {
                out << "<li>" << c.a << " and " << c.b << ": " << plain_number(c.requested);
                if (c.applied != c.requested)
                    out << ", repaired to " << plain_number(c.applied)
                        << " to make the correlation matrix valid (Higham's nearest correlation matrix)";
                out << "</li>\n";
            }
            out << "</ul></li>\n";
        }
        for (const auto& n : app::method_notes(r)) out << "<li>" << n << "</li>\n";
        if (r.value_of_information)
            for (const auto& hv : r.value_of_information->horizons)
                if (std::isfinite(hv.evpi))
                    out << "<li>Expected value of perfect information at " << hv.months
                        << " months: " << money(hv.evpi, r.currency)
                        << " (what removing all uncertainty before choosing would be worth).</li>\n";
        out << "</ul>\n";
        if (!r.notes.empty()) {
            out << "<h3>Scenario notes</h3>\n<ul class=\"notes\">\n";
            for (const auto& n : r.notes) out << "<li>" << n << "</li>\n";
            out << "</ul>\n";
        }
        out << "</section>\n";
        close_html_page(out, "Produced by roicast from a results file; every figure is a statistic of the simulated "
                             "futures, not a promise.");
    }

    std::string sampling_text() const {
        if (r.sampling == "lhs") return "Latin hypercube sampling";
        if (r.sampling == "sobol") return "scrambled Sobol sampling";
        if (r.sampling == "mc") return "plain Monte Carlo sampling";
        return r.sampling + " sampling";
    }
};

}  // namespace

void write_html_report(std::ostream& out, const ResultsDocument& report) {
    Page page{HtmlStream(out), report};
    open_html_page(page.out, "CRM investment case: " + report.scenario);
    page.page_one();
    page.horizon_table();
    page.where_the_money_comes_from();
    page.roi_distributions();
    page.cash_flow();
    page.payback();
    page.sensitivity();
    page.comparison();
    page.what_if();
    page.assumptions();
    page.method_notes();
}

void write_html_section(std::ostream& out, const ResultsDocument& report, ReportSection section) {
    Page page{HtmlStream(out), report};
    switch (section) {
        case ReportSection::summary:
            page.page_one();
            return page.horizon_table();
        case ReportSection::money: return page.where_the_money_comes_from();
        case ReportSection::roi: return page.roi_distributions();
        case ReportSection::cash_flow: return page.cash_flow();
        case ReportSection::payback: return page.payback();
        case ReportSection::sensitivity: return page.sensitivity();
        case ReportSection::comparison: return page.comparison();
        case ReportSection::what_if: return page.what_if();
        case ReportSection::assumptions: return page.assumptions();
    }
}

}  // namespace app

#include "app/text_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/escaped_stream.hpp"
#include "app/decision.hpp"
#include "app/format.hpp"
#include "app/key_figures.hpp"
#include "app/money_breakdown.hpp"
#include "app/quantity_text.hpp"
#include "app/report_text.hpp"
#include "app/what_if_table.hpp"
#include "sim/distribution.hpp"

namespace app {

namespace {

std::string horizon_label(const HorizonName& h) { return h.name + " (" + std::to_string(h.months) + " mo)"; }

std::string short_address(const std::string& address, const std::string& option) {
    const std::string own = option.empty() ? "options." : "options." + option + ".";
    return address.rfind(own, 0) == 0 ? address.substr(own.size()) : address;
}

// The first `count` inputs of a ranking: "build 0.52, grant 0.20"; a tail
// shift in standard deviations, signed ("build -1.41 sd").
void print_top(TerminalStream& out, const ResultsDocument& r, const MethodRanking& method, std::size_t count,
               const std::string& option) {
    for (std::size_t k = 0; k < std::min(count, method.ranking.size()); ++k) {
        const auto& i = method.ranking[k];
        char number[32];
        if (!std::isfinite(i.value)) std::snprintf(number, sizeof number, "n/a");
        else if (method.method == "tail") std::snprintf(number, sizeof number, "%+.2f sd", i.value);
        else std::snprintf(number, sizeof number, "%.2f", i.value);
        out << (k ? ", " : " ") << short_address(i.input, option) << " "
            << (method.method == "tornado" && std::isfinite(i.value) ? money(i.value, r.currency) : std::string(number));
    }
    out << "\n";
}

// Per horizon, the headline ranking's top five of `key`'s metric and, when
// the tail method ran beside it, the top three of the worst 10 % of paths.
// Input addresses lose the "options.<option>." of `option` (empty: just "options.").
void print_rankings(TerminalStream& out, const ResultsDocument& r, const std::string& key, const std::string& metric,
                    const std::string& option) {
    for (std::size_t h = 0; h < r.horizons.size(); ++h) {
        const MetricSensitivity* m = r.sensitivity_of(key, h, metric);
        const MethodRanking* headline = m ? headline_ranking(*m) : nullptr;
        if (!headline) continue;
        out << "  " << pad(horizon_label(r.horizons[h]), 18) << "[" << headline->method << "]";
        print_top(out, r, *headline, 5, option);
        const MethodRanking* tail = r.ranking(key, h, metric, "tail");
        if (tail && tail != headline && !tail->ranking.empty()) {
            out << "  " << pad("", 18) << "worst 10 % [tail]";
            print_top(out, r, *tail, 3, option);
        }
    }
}

// The decision and its rule, how sure, what would change it, then the key
// figures of every option under the labels of the HTML page one and the workbook.
void print_decision(TerminalStream& out, const ResultsDocument& r) {
    const Decision d = decide(r);
    out << "\n" << d.sentence << "\n  " << d.rule << "\n";
    for (const auto& line : d.certainty) out << "  - " << line << "\n";
    for (const auto& line : d.change) out << "  - " << line << "\n";
    const int last = r.horizons.back().months;
    out << "\n" << pad("key figures", 42);
    for (const auto& o : r.options) out << pad(o.name, 14, true);
    out << "\n";
    for (const auto& k : key_figures(r)) {
        out << "  " << pad(k.label, 40);
        for (const auto& o : r.options) out << pad(figure_text(k.figure, k.read(o), r.currency, last), 14, true);
        out << "\n";
    }
}

void print_drivers(TerminalStream& out, const ResultsDocument& r) {
    for (const auto& o : r.options) {
        if (!r.sensitivity_of(o.name)) continue;
        out << "\nwhat drives " << o.name << "'s NPV (top five per horizon)\n";
        print_rankings(out, r, o.name, "npv", o.name);
    }
}

void print_value_of_information(TerminalStream& out, const ResultsDocument& r) {
    out << "\nvalue of information (what resolving the uncertainty before deciding is worth)\n";
    for (std::size_t h = 0; h < r.horizons.size(); ++h) {
        const auto& hv = r.value_of_information->horizons[h];
        out << "  " << pad(horizon_label(r.horizons[h]), 18) << "best on today's estimates: " << hv.best_on_expected_npv
            << "; perfect information worth " << money(hv.evpi, r.currency) << " (95 % CI "
            << money(hv.evpi_ci95[0], r.currency) << " to " << money(hv.evpi_ci95[1], r.currency) << ")";
        if (hv.evppi && !hv.evppi->empty()) {
            // Estimates within 1 % of the EVPI are noise of the binning method.
            std::size_t shown = 0;
            for (std::size_t k = 0; k < hv.evppi->size() && shown < 3; ++k) {
                const auto& e = (*hv.evppi)[k];
                if (!(e.value > 0.01 * hv.evpi)) break;
                out << (shown++ ? ", " : "; worth refining first: ") << e.input << " " << money(e.value, r.currency);
            }
            if (!shown) out << "; no single input changes the decision on its own";
        }
        out << "\n";
    }
}

// "Where the money comes from": each component's mean at every horizon (the
// labels of app/money_breakdown), rows that are zero throughout left out,
// and the soft share of the benefits.
void print_breakdown(TerminalStream& out, const ResultsDocument& r, const OptionResult& o) {
    if (o.horizons.empty() || !o.horizons[0].breakdown) return;
    out << pad("  where the money comes from (means)", 38);
    for (const auto& h : r.horizons) out << pad(std::to_string(h.months) + " mo", 11, true);
    out << "\n";
    using B = const Breakdown&;
    const auto print_rows = [&](const char* title, const std::vector<MoneyComponent>& rows, auto total) {
        out << "    " << pad(title, 34);
        for (const auto& h : o.horizons) out << pad(money(total(*h.breakdown), r.currency), 11, true);
        out << "\n";
        for (const auto& c : rows) {
            std::vector<double> means;
            for (const auto& h : o.horizons) {
                const Quantiles* q = c.pick(*h.breakdown);
                means.push_back(q ? q->mean : 0.0);
            }
            if (std::all_of(means.begin(), means.end(), [](double m) { return m == 0; })) continue;
            out << "      " << pad(c.label, 32);
            for (double m : means) out << pad(money(m, r.currency), 11, true);
            out << "\n";
        }
    };
    print_rows("benefits", benefit_components(r, o), [](B b) { return b.benefits_mean(); });
    print_rows("costs", cost_components(r, o), [](B b) { return b.costs_mean(); });
    out << "    " << pad("soft share of benefits (means)", 34);
    for (const auto& h : o.horizons) out << pad(percent(soft_share(h), 0), 11, true);
    out << "\n";
}

// The year table: month 0 ("initial"), then each year; means, and the net's P10 to P90.
void print_years(TerminalStream& out, const ResultsDocument& r, const OptionResult& o) {
    if (o.years.empty()) return;
    out << pad("  by year (means)", 38);
    for (std::size_t y = 0; y < o.years.size(); ++y) out << pad(y == 0 ? "initial" : "year " + std::to_string(y), 11, true);
    out << "\n";
    const auto line = [&](const char* label, auto pick) {
        out << "    " << pad(label, 34);
        for (const auto& y : o.years) out << pad(pick(y), 11, true);
        out << "\n";
    };
    line("costs", [&](const YearRecord& y) { return money(y.costs.mean, r.currency); });
    line("benefits", [&](const YearRecord& y) { return money(y.benefits.mean, r.currency); });
    line("net", [&](const YearRecord& y) { return money(y.net.mean, r.currency); });
    line("net P10", [&](const YearRecord& y) { return money(y.net.p10, r.currency); });
    line("net P90", [&](const YearRecord& y) { return money(y.net.p90, r.currency); });
}

// A column heading on two lines: split after ", " if it has one, else at the
// space that leaves the longer line shortest; one line if short already.
std::pair<std::string, std::string> heading_lines(const std::string& label) {
    if (label.size() <= 10) return {"", label};
    if (const auto comma = label.find(", "); comma != std::string::npos)
        return {label.substr(0, comma + 1), label.substr(comma + 2)};
    std::size_t best = std::string::npos, longest = label.size();
    for (auto p = label.find(' '); p != std::string::npos; p = label.find(' ', p + 1))
        if (const std::size_t l = std::max(p, label.size() - p - 1); l < longest) best = p, longest = l;
    if (best == std::string::npos) return {"", label};
    return {label.substr(0, best), label.substr(best + 1)};
}

// One table of the what-if section: a heading over two lines, then a row per run.
void print_what_if_table(TerminalStream& out, const WhatIfTables& t, const std::vector<WhatIfColumn>& columns,
                         const std::vector<WhatIfRow>& rows, std::size_t name_width) {
    std::vector<std::pair<std::string, std::string>> headings;
    std::vector<std::size_t> widths;
    for (const auto& c : columns) {
        headings.push_back(heading_lines(c.label));
        const auto& [top, bottom] = headings.back();
        widths.push_back(std::max<std::size_t>(10, std::max(top.size(), bottom.size()) + 2));
    }
    for (const bool top : {true, false}) {
        out << "    " << pad("", name_width);
        for (std::size_t k = 0; k < columns.size(); ++k)
            out << pad(top ? headings[k].first : headings[k].second, widths[k], true);
        out << "\n";
    }
    for (const auto& row : rows) {
        out << "    " << pad(row.variant, name_width);
        for (std::size_t k = 0; k < columns.size(); ++k)
            out << pad(t.shown(columns[k], row.values[k]), widths[k], true);
        out << "\n";
    }
}

// Base and each variant side by side per option, then each variant's change
// against base at the headline horizon, paired path by path.
void print_variants(TerminalStream& out, const ResultsDocument& r) {
    const WhatIfTables t = what_if_tables(r);
    std::size_t name_width = 8;
    for (const auto& v : *r.variants) name_width = std::max(name_width, v.name.size() + 2);
    out << "\nwhat if (every variant on the base's seed and " << grouped(r.paths) << " paths)\n";
    for (const auto& v : *r.variants)
        if (!v.variant.description.empty())
            out << "  " << pad(v.name, name_width) << v.variant.description << "\n";
    for (const auto& o : t.options) {
        out << "\n  " << o.option << "\n";
        print_what_if_table(out, t, t.side_by_side, o.side_by_side, name_width);
        if (o.changes.empty()) continue;
        out << "    against base at " << t.headline_months << " mo, path by path\n";
        print_what_if_table(out, t, t.changes, o.changes, name_width);
    }
    if (t.paired_paths < r.paths)
        out << "  (changes paired over the first " << grouped(t.paired_paths) << " paths, the streamed run's pilot)\n";
}

}  // namespace

void print_summary(std::ostream& terminal, const ResultsDocument& r) {
    TerminalStream out(terminal);
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", r.elapsed_seconds);
    out << r.scenario << "\n"
        << grouped(r.paths) << " paths, " << r.sampling << " sampling, seed " << r.seed << ", " << r.threads << " thread"
        << (r.threads == 1 ? "" : "s") << ", " << std::string(seconds) << " s; " << r.currency << ", discount rate "
        << percent(r.discount_rate) << " a year\n";
    if (!r.set.empty()) {
        out << "edited with --set:";
        for (const auto& [path, value] : r.set.items()) out << " " << path << "=" << value.dump();
        out << "\n";
    }
    if (r.streaming)
        out << "streamed: paths summarised as simulated, not stored; percentiles within "
            << percent(r.streaming->percentile_rank_error_bound, 3) << " in rank; sensitivity and samples from a pilot of "
            << grouped(r.streaming->pilot_paths) << " paths\n";
    if (r.convergence) {
        const auto& c = *r.convergence;
        if (c.met) {
            out << "converged: every headline statistic within ±" << percent(c.target, 1) << " (95 % CI) at "
                << grouped(r.paths) << " paths\n";
        } else {
            out << "NOT converged: target ±" << percent(c.target, 1) << " not met within " << grouped(c.max_paths)
                << " paths; still too wide:";
            int shown = 0;
            for (const auto& h : c.trace.back().statistics)
                if (!h.met && shown++ < 4)
                    out << " " << h.statistic << " ±"
                        << (std::isfinite(h.value) && h.value != 0 ? percent(h.ci95_half_width / std::abs(h.value)) : "n/a");
            out << "\n";
        }
    }
    print_decision(out, r);
    const bool irr_computed = std::ranges::find(r.not_computed, "irr") == r.not_computed.end();
    for (const auto& o : r.options) {
        out << "\n" << o.name << "\n";
        out << "  " << pad("horizon", 18) << pad("ROI P10", 10, true) << pad("median", 10, true) << pad("P90", 10, true)
            << "   " << pad("mean NPV (95 % CI)", 34) << pad("P(NPV > 0)", 10, true) << "\n";
        for (std::size_t h = 0; h < r.horizons.size(); ++h) {
            const auto& roi = o.horizons[h][models::Metric::roi];
            const auto& npv = o.horizons[h][models::Metric::npv];
            out << "  " << pad(horizon_label(r.horizons[h]), 18) << pad(percent(roi.p10), 10, true)
                << pad(percent(roi.p50), 10, true) << pad(percent(roi.p90), 10, true) << "   "
                << pad(money(npv.mean, r.currency) + " (" + money(npv.mean_ci95[0], r.currency) + " to " +
                           money(npv.mean_ci95[1], r.currency) + ")",
                       34)
                << pad(percent(npv.prob_positive), 10, true) << "\n";
            if (roi.undefined > 0) out << "    ROI undefined on " << percent(roi.undefined) << " of paths (no cost yet)\n";
            // A terminal-only run leaves the IRR out (see not_computed).
            if (const auto& irr = o.horizons[h][models::Metric::irr]; irr_computed && !irr_is_typical(irr))
                out << "    IRR " << irr_median_text(irr) << " (cash flows without a change of sign by then): no median shown\n";
        }
        const auto& p = o.payback;
        out << "  time to positive ROI: P10 " << months(p.p10) << ", median " << months(p.p50) << ", P90 " << months(p.p90)
            << " months";
        out << "; paid back within";
        for (std::size_t h = 0; h < r.horizons.size(); ++h)
            out << (h ? ", " : " ") << r.horizons[h].months << " mo " << percent(p.prob_within[h].value, 0);
        out << "\n";
        const auto& d = o.discounted_payback;
        out << "  discounted payback:   P10 " << months(d.p10) << ", median " << months(d.p50) << ", P90 " << months(d.p90)
            << " months\n";
        print_breakdown(out, r, o);
        print_years(out, r, o);
    }

    if (r.sensitivity) print_drivers(out, r);
    if (r.value_of_information) print_value_of_information(out, r);

    for (const auto& c : r.comparisons) {
        out << "\n" << c.a << " vs " << c.b << " (same draws of the shared inputs)\n";
        for (std::size_t h = 0; h < r.horizons.size(); ++h) {
            const auto& d = c.horizons[h].npv_difference.statistics;
            out << "  " << pad(horizon_label(r.horizons[h]), 18) << "NPV difference mean " << money(d.mean, r.currency)
                << ", median " << money(d.p50, r.currency) << " (P10 " << money(d.p10, r.currency) << ", P90 "
                << money(d.p90, r.currency) << "); " << c.a << " has the higher NPV on "
                << percent(c.horizons[h].prob_a_better, 0) << " of paths\n";
        }
        const auto& t = c.overtake;
        out << "  " << c.a << "'s cumulative cash (undiscounted) stays ahead from month: P10 " << months(t.p10)
            << ", median " << months(t.p50) << ", P90 " << months(t.p90) << "; ahead by month " << t.cdf.size() << " on "
            << percent(t.share_reached, 0) << " of paths\n";
        out << "  (" << std::string(npv_versus_cash_note) << ")\n";
        if (r.sensitivity_of(c.key())) {
            out << "  what drives the NPV difference (top five per horizon)\n";
            print_rankings(out, r, c.key(), "npv_difference", "");
        }
    }
    if (r.variants && !r.variants->empty()) print_variants(out, r);
}

void print_scenario_error(std::ostream& terminal, const std::string& label, const models::ScenarioError& e) {
    TerminalStream err(terminal);
    for (const auto& issue : e.issues())
        err << "error: " << label << ": " << (issue.address.empty() ? "" : issue.address + ": ") << issue.message << "\n";
}

void print_repairs(std::ostream& terminal, const std::string& label, const models::Scenario& s,
                   const std::vector<sim::CorrelationRepair>& repairs) {
    TerminalStream err(terminal);
    for (const auto& rep : repairs)
        err << "warning: " << label << ": correlations: " << s.inputs.of_dimension(rep.first).address << " and "
            << s.inputs.of_dimension(rep.second).address << " correlated at " << sim::format_number(std::round(rep.applied * 1e4) / 1e4)
            << " instead of " << sim::format_number(rep.requested)
            << ": the requested ranks together are not a valid correlation matrix (nearest valid one used, Higham 2002)\n";
}

void print_warnings(std::ostream& terminal, const std::string& label, const std::vector<models::Issue>& warnings) {
    TerminalStream err(terminal);
    for (const auto& w : warnings) err << "warning: " << label << ": " << w.address << ": " << w.message << "\n";
}

void print_inputs(std::ostream& terminal, const models::Scenario& s) {
    TerminalStream out(terminal);
    out << s.name << ": " << s.inputs.dimensions() << " uncertain inputs, " << s.options.size() << " option"
        << (s.options.size() == 1 ? "" : "s") << ", horizons";
    for (const auto& h : s.horizons) out << " " << h.name << "=" << h.months;
    out << "\n\n";
    std::size_t width = 5;
    for (const auto& in : s.inputs.all())
        if (in.dimension) width = std::max(width, in.address.size());
    out << pad("input", width + 2) << pad("distribution", 44) << pad("mean", 12, true) << pad("P5", 12, true)
        << pad("P95", 12, true) << "  source\n";
    const std::vector<models::Quantity> quantities = models::input_quantities(s);
    for (models::InputId id = 0; id < s.inputs.size(); ++id) {
        const auto& in = s.inputs[id];
        if (!in.dimension) continue;
        const auto& d = in.distribution;
        const auto shown = [&](double x) { return quantity_text(x, quantities[id], s.currency); };
        out << pad(in.address, width + 2) << pad(sim::describe(d), 44) << pad(shown(sim::mean(d)), 12, true)
            << pad(shown(sim::quantile(d, 0.05)), 12, true) << pad(shown(sim::quantile(d, 0.95)), 12, true) << "  "
            << in.source << "\n";
    }
    if (!s.correlations.empty()) {
        out << "\ncorrelations (Spearman rank):\n";
        for (const auto& c : s.correlations)
            out << "  " << s.inputs[c.first].address << " ~ " << s.inputs[c.second].address << ": "
                << sim::format_number(c.rank) << "\n";
    }
}

}  // namespace app

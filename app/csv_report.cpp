#include "app/csv_report.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <ostream>
#include <vector>

#include "app/key_figures.hpp"
#include "app/money_breakdown.hpp"
#include "app/what_if_table.hpp"

namespace app {

std::string csv_number(double x) {
    if (!std::isfinite(x)) return "";
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
    return std::string(buffer, end);
}

namespace {

std::string value(double x) { return csv_number(x); }

class Table {
public:
    explicit Table(std::ostream& out, std::initializer_list<const char*> header) : out_(out) {
        bool first = true;
        for (const char* h : header) {
            out_ << (first ? "" : ",") << h;
            first = false;
        }
        out_ << "\r\n";
    }
    template <class... Fields>
    void row(const Fields&... fields) {
        bool first = true;
        ((out_ << (first ? "" : ",") << field(fields), first = false), ...);
        out_ << "\r\n";
    }

private:
    static std::string field(const std::string& s) { return csv_field(s); }
    static std::string field(const char* s) { return csv_field(s); }
    static std::string field(double x) { return value(x); }
    static std::string field(int x) { return std::to_string(x); }
    static std::string field(std::size_t x) { return std::to_string(x); }
    static std::string field(const std::optional<double>& x) { return x ? value(*x) : ""; }
    std::ostream& out_;
};

void time_rows(Table& t, const std::string& option, const std::string& measure, const TimeToEvent& d) {
    for (const auto& [statistic, v] : named_numbers(d)) t.row(option, measure, statistic, v);
    for (const auto& [horizon, p] : d.prob_within) t.row(option, measure, "prob_within_" + horizon, p);
}

}  // namespace

std::vector<std::string> csv_report_names() {
    return {"summary.csv",    "payback.csv",     "payback_cdf.csv", "cash_flow.csv",  "comparison.csv",
            "sensitivity.csv", "samples.csv",    "inputs.csv",      "variants.csv",   "key_figures.csv",
            "breakdown.csv",  "years.csv",       "assumptions.csv"};
}

void write_csv_reports(const std::filesystem::path& folder, const ResultsDocument& r) {
    OutputSet set;
    set.add_folder(folder, csv_report_files(r), csv_report_names());
    set.commit();
}

std::vector<std::pair<std::string, OutputSet::StreamWriter>> csv_report_files(const ResultsDocument& r) {
    std::vector<std::pair<std::string, OutputSet::StreamWriter>> files;
    const auto file = [&](const char* name, OutputSet::StreamWriter write) { files.emplace_back(name, std::move(write)); };
    file("summary.csv", [&](std::ostream& out) {
        Table t(out, {"option", "horizon_months", "metric", "statistic", "value"});
        for (const auto& o : r.options)
            for (std::size_t h = 0; h < r.horizons.size(); ++h)
                for (models::Metric m : models::all_metrics)
                    for (const auto& [statistic, v] : named_numbers(o.horizons[h][m]))
                        t.row(o.name, r.horizons[h].months, models::metric_names[static_cast<std::size_t>(m)], statistic, v);
    });
    file("payback.csv", [&](std::ostream& out) {
        Table t(out, {"option", "measure", "statistic", "value"});
        for (const auto& o : r.options) {
            time_rows(t, o.name, "payback_months", o.payback);
            time_rows(t, o.name, "discounted_payback_months", o.discounted_payback);
        }
    });
    file("payback_cdf.csv", [&](std::ostream& out) {
        Table t(out, {"option", "measure", "month", "probability"});
        for (const auto& o : r.options)
            for (const auto* d : {&o.payback, &o.discounted_payback})
                for (std::size_t m = 0; m < d->cdf.size(); ++m)
                    t.row(o.name, d == &o.payback ? "payback_months" : "discounted_payback_months", m + 1, d->cdf[m]);
    });
    file("cash_flow.csv", [&](std::ostream& out) {
        Table t(out, {"option", "month", "statistic", "cumulative_cash_flow"});
        for (const auto& o : r.options)
            for (std::size_t m = 0; m < o.cumulative_cash_flow.p50.size(); ++m)
                for (const auto& [level, values] : o.cumulative_cash_flow.bands()) t.row(o.name, m + 1, level, (*values)[m]);
    });
    file("comparison.csv", [&](std::ostream& out) {
        Table t(out, {"option_a", "option_b", "horizon_months", "statistic", "value"});
        for (const auto& c : r.comparisons) {
            for (std::size_t h = 0; h < r.horizons.size(); ++h) {
                for (const auto& [statistic, v] : named_numbers(c.horizons[h].npv_difference.statistics))
                    t.row(c.a, c.b, r.horizons[h].months, "npv_difference_" + statistic, v);
                t.row(c.a, c.b, r.horizons[h].months, "prob_a_better", c.horizons[h].prob_a_better);
            }
            for (const auto& [statistic, v] : named_numbers(c.overtake))
                t.row(c.a, c.b, "", "overtake_month_" + statistic, v);
        }
    });
    file("sensitivity.csv", [&](std::ostream& out) {
        Table t(out, {"option", "horizon_months", "metric", "method", "rank", "input", "value", "ci95_low", "ci95_high",
                      "metric_at_p10", "metric_at_p90"});
        if (r.sensitivity)
            for (const auto& o : *r.sensitivity)
                for (const auto& h : o.horizons)
                    for (const auto& [metric, methods, r2, base] : h.metrics)
                        for (const auto& [method, ranking] : methods)
                            for (const auto& e : ranking)
                                t.row(o.option, h.months, metric, method, e.rank, e.input, e.value,
                                      e.ci95 ? (*e.ci95)[0] : NAN, e.ci95 ? (*e.ci95)[1] : NAN, e.low, e.high);
    });
    if (r.samples)
        file("samples.csv", [&](std::ostream& out) {
            for (std::size_t c = 0; c < r.samples->columns.size(); ++c)
                out << (c ? "," : "") << csv_field(r.samples->columns[c]);
            out << "\r\n";
            for (const auto& row : r.samples->rows) {
                out << row.path << "," << csv_field(row.option);
                for (double v : row.values) out << "," << value(v);
                out << "\r\n";
            }
        });
    if (r.variants && !r.variants->empty())
        file("variants.csv", [&](std::ostream& out) {
            Table t(out, {"variant", "option", "horizon_months", "statistic", "value"});
            const WhatIfTables tables = what_if_tables(r);
            for (const auto& o : tables.options)
                for (const auto& row : o.side_by_side)
                    for (std::size_t k = 0; k < tables.side_by_side.size(); ++k)
                        t.row(row.variant, o.option, tables.side_by_side[k].months, tables.side_by_side[k].statistic,
                              row.values[k]);
            // The change against base at every horizon; P(pays back later), which has none, once.
            for (const auto& v : *r.variants) {
                if (!v.against_base) continue;
                for (const auto& c : v.against_base->options)
                    for (std::size_t h = 0; h < r.horizons.size(); ++h) {
                        const auto columns = change_columns(r.horizons[h].months, true);
                        const auto values = change_values(&c, r.horizons[h].months, true);
                        for (std::size_t k = 0; k < columns.size(); ++k)
                            if (columns[k].months || h == 0)
                                t.row(v.name, c.option, columns[k].months, columns[k].statistic, values[k]);
                    }
            }
        });
    file("key_figures.csv", [&](std::ostream& out) {
        Table t(out, {"option", "statistic", "horizon_months", "label", "value"});
        for (const auto& k : key_figures(r))
            for (const auto& o : r.options)
                t.row(o.name, k.statistic, k.months ? std::to_string(*k.months) : std::string(), k.label, k.read(o));
    });
    file("breakdown.csv", [&](std::ostream& out) {
        Table t(out, {"option", "horizon_months", "group", "component", "label", "soft", "statistic", "value"});
        for (const auto& o : r.options) {
            const auto benefits = benefit_components(r, o), costs = cost_components(r, o);
            for (const auto& h : o.horizons) {
                if (!h.breakdown) continue;
                for (const auto* list : {&benefits, &costs})
                    for (const auto& c : *list)
                        if (const Quantiles* q = c.pick(*h.breakdown))
                            for (const auto& [statistic, v] : {std::pair{"mean", q->mean}, {"p10", q->p10}, {"p50", q->p50},
                                                               {"p90", q->p90}})
                                t.row(o.name, h.months, list == &benefits ? "benefits" : "costs", c.key, c.label,
                                      c.soft ? "true" : "false", statistic, v);
            }
        }
    });
    file("years.csv", [&](std::ostream& out) {
        Table t(out, {"option", "period", "first_month", "last_month", "part", "statistic", "value"});
        for (const auto& o : r.options) {
            const int last = r.horizons.empty() ? 0 : r.horizons.back().months;
            for (std::size_t y = 0; y < o.years.size(); ++y) {
                const int first = y == 0 ? 0 : static_cast<int>(12 * (y - 1) + 1);
                const int end = y == 0 ? 0 : std::min(static_cast<int>(12 * y), last);
                const std::string period = y == 0 ? "initial" : "year_" + std::to_string(y);
                const auto& rec = o.years[y];
                for (const auto& [part, q] : {std::pair{"costs", &rec.costs}, {"benefits", &rec.benefits},
                                              {"net", &rec.net}, {"discounted_net", &rec.discounted_net}})
                    for (const auto& [statistic, v] : {std::pair{"mean", q->mean}, {"p10", q->p10}, {"p50", q->p50},
                                                       {"p90", q->p90}})
                        t.row(o.name, period, first, end, part, statistic, v);
            }
        }
    });
    file("assumptions.csv", [&](std::ostream& out) {
        Table t(out, {"group", "address", "label", "value", "quantity", "uncertain", "mean", "p10", "p50", "p90", "source"});
        for (const auto& a : r.assumptions)
            t.row(a.group, a.address, a.label, a.value, a.quantity, a.uncertain ? "true" : "false", a.mean, a.p10, a.p50,
                  a.p90, a.source);
    });
    file("inputs.csv", [&](std::ostream& out) {
        Table t(out, {"input", "distribution", "mean", "p5", "p50", "p95", "source"});
        for (const auto& in : r.inputs) t.row(in.input, in.distribution, in.mean, in.p5, in.p50, in.p95, in.source);
    });
    return files;
}

}  // namespace app

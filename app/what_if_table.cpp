#include "app/what_if_table.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "app/format.hpp"
#include "app/key_figures.hpp"
#include "app/report_text.hpp"
#include "sim/invalid_parameter.hpp"

namespace app {

namespace {

constexpr double no_value = std::numeric_limits<double>::quiet_NaN();

std::string mo(double months) { return sim::format_number(months) + " mo"; }

const OptionChange* change_of(const VariantResult& v, const std::string& option) {
    if (!v.against_base) return nullptr;
    for (const auto& c : v.against_base->options)
        if (c.option == option) return &c;
    return nullptr;
}

// A side-by-side column and how it reads one option's results.
struct SideColumn {
    WhatIfColumn column;
    std::function<double(const OptionResult&)> read;
};

std::vector<SideColumn> side_by_side_columns(const ResultsDocument& r) {
    std::vector<SideColumn> columns;
    // A horizon's statistic; NaN for a run without that horizon.
    const auto at = [](int months, auto pick) {
        return [months, pick](const OptionResult& o) {
            for (const auto& h : o.horizons)
                if (h.months == months) return pick(h);
            return no_value;
        };
    };
    for (const auto& h : r.horizons)
        columns.push_back({{"ROI P50, " + mo(h.months), "roi_p50", h.months, Figure::share},
                           at(h.months, [](const HorizonMetrics& m) { return m[models::Metric::roi].p50; })});
    for (const auto& h : r.horizons)
        columns.push_back({{"P(NPV > 0), " + mo(h.months), "npv_prob_positive", h.months, Figure::share},
                           at(h.months, [](const HorizonMetrics& m) { return m[models::Metric::npv].prob_positive; })});
    columns.push_back({{"Payback P50 (mo)", "payback_months_p50", std::nullopt, Figure::months},
                       [](const OptionResult& o) { return o.payback.p50; }});
    const double within = payback_within_months(r);
    columns.push_back({{"P(payback within " + mo(within) + ")", "payback_prob_within", within, Figure::share},
                       [within](const OptionResult& o) { return paid_back_within(o.payback, within); }});
    return columns;
}

// One option of one run (base or a variant) under the side-by-side columns.
std::vector<double> side_by_side_values(const std::vector<SideColumn>& columns, const ResultsDocument& run,
                                        const std::string& option) {
    std::vector<double> values(columns.size(), no_value);
    if (const OptionResult* o = find_option(run, option))
        for (std::size_t k = 0; k < columns.size(); ++k) values[k] = columns[k].read(*o);
    return values;
}

}  // namespace

const OptionResult* find_option(const ResultsDocument& r, const std::string& name) {
    for (const auto& o : r.options)
        if (o.name == name) return &o;
    return nullptr;
}

double payback_within_months(const ResultsDocument& r) {
    return r.payback_reference_months ? (*r.payback_reference_months)[1] : r.horizons.front().months;
}

double paid_back_within(const TimeToEvent& t, double months) {
    const auto m = static_cast<std::size_t>(std::max(0.0, std::floor(months)));
    return m == 0 || t.cdf.empty() ? 0.0 : t.cdf[std::min(m, t.cdf.size()) - 1];
}

std::vector<WhatIfColumn> change_columns(int months, bool with_median) {
    std::vector<WhatIfColumn> columns{{"NPV change, mean", "npv_change_mean", months, Figure::money},
                                      {"NPV change, P10", "npv_change_p10", months, Figure::money}};
    if (with_median) columns.push_back({"NPV change, P50", "npv_change_p50", months, Figure::money});
    columns.push_back({"NPV change, P90", "npv_change_p90", months, Figure::money});
    columns.push_back({"P(lower NPV)", "prob_worse", months, Figure::share});
    columns.push_back({"P(pays back later)", "prob_payback_later", std::nullopt, Figure::share});
    return columns;
}

std::vector<double> change_values(const OptionChange* change, int months, bool with_median) {
    const HorizonChange* h = nullptr;
    if (change)
        for (const auto& c : change->horizons)
            if (c.months == months) h = &c;
    std::vector<double> values;
    if (h) {
        values = {h->npv_change.mean, h->npv_change.p10};
        if (with_median) values.push_back(h->npv_change.p50);
        values.insert(values.end(), {h->npv_change.p90, h->prob_worse});
    } else {
        values.assign(with_median ? 5 : 4, no_value);
    }
    values.push_back(change ? change->prob_payback_later : no_value);
    return values;
}

WhatIfTables what_if_tables(const ResultsDocument& r) {
    WhatIfTables t;
    t.paths = r.paths;
    t.currency = r.currency;
    if (r.horizons.empty()) return t;
    t.headline_months = r.horizons[headline_horizon(r)].months;
    t.last_months = r.horizons.back().months;
    const std::vector<SideColumn> columns = side_by_side_columns(r);
    for (const auto& c : columns) t.side_by_side.push_back(c.column);
    t.changes = change_columns(t.headline_months, false);
    if (!r.variants || r.variants->empty()) return t;
    t.paired_paths = r.paths;
    for (const auto& v : *r.variants)
        if (v.against_base) t.paired_paths = std::min(t.paired_paths, v.against_base->paths);
    for (const auto& o : r.options) {
        WhatIfOption option{o.name, {{"base", side_by_side_values(columns, r, o.name)}}, {}};
        for (const auto& v : *r.variants) {
            option.side_by_side.push_back({v.name, side_by_side_values(columns, v.results, o.name)});
            if (const OptionChange* c = change_of(v, o.name))
                option.changes.push_back({v.name, change_values(c, t.headline_months, false)});
        }
        t.options.push_back(std::move(option));
    }
    return t;
}

std::string WhatIfTables::shown(const WhatIfColumn& column, double value) const {
    return figure_text(column.figure, value, currency, last_months);
}

std::vector<std::string> variant_changes(const VariantDefinition& v) {
    std::vector<std::string> lines;
    for (const auto& [path, value] : v.set.items()) lines.push_back(path + " = " + value.dump());
    for (const auto& [address, value] : v.stress.items()) {
        const auto& band = value;  // not a binding: clang 14 cannot capture one
        const auto level = [&](std::size_t i) {
            return band.is_array() && band.size() == 2 && band[i].is_number()
                       ? "P" + sim::format_number(std::round(band[i].get<double>() * 1e4) / 100)
                       : std::string("?");
        };
        lines.push_back(address + " drawn from its " + level(0) + " to " + level(1));
    }
    return lines;
}

}  // namespace app

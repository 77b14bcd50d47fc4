#include "app/server/money_sources.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "app/chart/chart.hpp"
#include "app/chart/palette.hpp"
#include "app/format.hpp"
#include "app/report_text.hpp"

namespace app::server {

namespace {

using Bars = std::vector<std::pair<std::string, double>>;

void add(Bars& bars, std::string label, double mean, double sign) {
    if (std::isfinite(mean) && mean != 0) bars.emplace_back(std::move(label), sign * mean);
}

Bars components(const Breakdown& b) {
    Bars bars;
    const auto& g = b.benefits;
    add(bars, "conversion", g.conversion.mean, 1);
    add(bars, "shorter sales cycle", g.sales_cycle.mean, 1);
    add(bars, "retention", g.retention.mean, 1);
    add(bars, "revenue per customer", g.revenue_per_customer.mean, 1);
    add(bars, "effects together (interaction)", g.interaction.mean, 1);
    add(bars, "productivity (soft)", g.productivity.mean, 1);
    for (const auto& s : g.savings) add(bars, "savings · " + s.name, s.quantiles.mean, 1);
    for (const auto& l : g.lines) add(bars, "benefit · " + l.name, l.quantiles.mean, 1);
    for (const auto& l : b.costs.lines) add(bars, "cost · " + l.name, l.quantiles.mean, -1);
    if (b.costs.productivity_dip) add(bars, "cost · productivity dip", b.costs.productivity_dip->mean, -1);
    for (const auto& r : b.costs.risks) add(bars, "risk · " + r.name, r.quantiles.mean, -1);
    std::stable_sort(bars.begin(), bars.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    return bars;
}

}  // namespace

std::string money_sources_html(const ResultsDocument& r) {
    std::ostringstream text;
    HtmlStream out(text);
    const std::size_t h = headline_horizon(r);
    out << "<section id=\"money\">\n<h2>Where the money comes from</h2>\n<div class=\"charts wide\">\n";
    bool any = false;
    for (const auto& o : r.options) {
        if (h >= o.horizons.size() || !o.horizons[h].breakdown) continue;
        chart::DivergingBars c;
        c.id = "money-" + o.name;
        c.title = option_label(o.name) + ": mean contributions up to " + std::to_string(r.horizons[h].months) +
                  " months (" + r.horizons[h].name + " term)";
        c.x_label = "undiscounted " + r.currency + ", benefits right, costs left";
        c.x_format = [currency = r.currency](double x) { return money(x, currency); };
        c.positive_fill = chart::palette::bars;
        c.negative_fill = chart::palette::warm;
        c.bars = components(*o.horizons[h].breakdown);
        out << "<figure>" << chart::render_svg(c, 960) << "</figure>\n";
        any = true;
    }
    if (!any) out << "<p>The results hold no breakdown.</p>\n";
    out << "</div>\n</section>\n";
    return text.str();
}

}  // namespace app::server

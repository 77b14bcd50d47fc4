#include "app/key_figures.hpp"

#include <cmath>
#include <limits>

#include "app/format.hpp"

namespace app {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::string mo(int months) { return std::to_string(months) + " mo"; }

// A statistic of a metric at the horizon of that many months; NaN for a run without it.
std::function<double(const OptionResult&)> at(int months, std::function<double(const HorizonMetrics&)> pick) {
    return [months, pick = std::move(pick)](const OptionResult& o) {
        for (const auto& h : o.horizons)
            if (h.months == months) return pick(h);
        return nan;
    };
}

}  // namespace

const char* const prob_best_label = "P(highest NPV of options)";
const char* const prob_best_counting_label = "P(best, counting not investing)";

double soft_share(const HorizonMetrics& h) {
    if (!h.breakdown) return nan;
    const double total = h.breakdown->benefits_mean();
    return total != 0 ? h.breakdown->soft_mean() / total : nan;
}

std::vector<KeyFigure> key_figures(const ResultsDocument& r) {
    using models::Metric;
    std::vector<KeyFigure> figures;
    if (r.horizons.empty()) return figures;
    for (const auto& h : r.horizons)
        figures.push_back({"ROI median, " + mo(h.months), "roi_p50", h.months, Figure::share,
                           at(h.months, [](const HorizonMetrics& m) { return m[Metric::roi].p50; })});
    figures.push_back({"Payback median (mo)", "payback_months_p50", std::nullopt, Figure::months,
                       [](const OptionResult& o) { return o.payback.p50; }});
    figures.push_back({"Payback P10 (mo)", "payback_months_p10", std::nullopt, Figure::months,
                       [](const OptionResult& o) { return o.payback.p10; }});
    figures.push_back({"Payback P90 (mo)", "payback_months_p90", std::nullopt, Figure::months,
                       [](const OptionResult& o) { return o.payback.p90; }});
    const double within = payback_within_months(r);
    const int within_months = static_cast<int>(std::floor(within));
    figures.push_back({"P(payback within " + mo(within_months) + ")", "payback_prob_within", within_months,
                       Figure::share, [within](const OptionResult& o) { return paid_back_within(o.payback, within); }});
    const int last = r.horizons.back().months;
    figures.push_back({"NPV mean, " + mo(last), "npv_mean", last, Figure::money,
                       at(last, [](const HorizonMetrics& m) { return m[Metric::npv].mean; })});
    figures.push_back({"NPV P10, " + mo(last), "npv_p10", last, Figure::money,
                       at(last, [](const HorizonMetrics& m) { return m[Metric::npv].p10; })});
    figures.push_back({"NPV median, " + mo(last), "npv_p50", last, Figure::money,
                       at(last, [](const HorizonMetrics& m) { return m[Metric::npv].p50; })});
    figures.push_back({"NPV P90, " + mo(last), "npv_p90", last, Figure::money,
                       at(last, [](const HorizonMetrics& m) { return m[Metric::npv].p90; })});
    figures.push_back({"P(NPV > 0), " + mo(last), "npv_prob_positive", last, Figure::share,
                       at(last, [](const HorizonMetrics& m) { return m[Metric::npv].prob_positive; })});
    if (!r.prob_best.empty()) {
        // The k-way shares of the last horizon (models/best_option.hpp).
        const BestChoiceAt& best = r.prob_best.back();
        if (r.options.size() > 1)  // one option alone is always the highest of the options
            figures.push_back({prob_best_label + std::string(", ") + mo(last), "prob_best", last, Figure::share,
                               [list = best.among_options](const OptionResult& o) {
                                   return BestChoiceAt::of(list, o.name);
                               }});
        figures.push_back({prob_best_counting_label + std::string(", ") + mo(last), "prob_best_counting_not_investing",
                           last, Figure::share, [list = best.counting_not_investing](const OptionResult& o) {
                               return BestChoiceAt::of(list, o.name);
                           }});
    }
    figures.push_back({"ROI on hard benefits, median, " + mo(last), "roi_hard_p50", last, Figure::share,
                       at(last, [](const HorizonMetrics& m) { return m[Metric::roi_hard].p50; })});
    figures.push_back({"Soft share of benefits (means), " + mo(last), "soft_share", last, Figure::share,
                       at(last, [](const HorizonMetrics& m) { return soft_share(m); })});
    return figures;
}

std::string figure_text(Figure figure, double value, const std::string& currency, int last_months) {
    switch (figure) {
        case Figure::share: return percent(value, 0);
        case Figure::money: return money(value, currency);
        case Figure::months: return std::isnan(value) ? "after " + std::to_string(last_months) : months(value);
    }
    return "";
}

}  // namespace app

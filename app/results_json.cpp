#include "app/results_json.hpp"

#include <cmath>
#include <cstdio>

#include "sim/distribution.hpp"

namespace app {

using Json = nlohmann::ordered_json;

namespace {

// JSON has no NaN or infinity: undefined and censored values are null.
Json number(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

Json summary_json(const sim::Summary& s) {
    Json j;
    j["mean"] = number(s.mean);
    j["sd"] = number(s.sd);
    j["mean_ci95"] = {number(s.mean_ci_low), number(s.mean_ci_high)};
    const char* names[] = {"p5", "p10", "p25", "p50", "p75", "p90", "p95"};
    for (std::size_t i = 0; i < sim::summary_percentiles.size(); ++i) j[names[i]] = number(s.percentiles[i]);
    j["prob_positive"] = number(s.prob_positive);
    j["expected_shortfall_5"] = number(s.expected_shortfall_5);
    j["undefined"] = s.undefined_share();
    j["n"] = s.count;
    return j;
}

// Bins for charts (an addition to MODEL §5): counts over [low, low + bins·width),
// with the values beyond the charted range counted apart.
std::string format_share(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f %%", 100 * share);
    return buffer;
}

Json histogram_json(const std::optional<sim::Histogram>& h) {
    if (!h) return nullptr;
    return {{"low", h->low()},       {"bin_width", h->bin_width()}, {"counts", h->counts()},
            {"below", h->below()},   {"above", h->above()},         {"undefined", h->undefined()}};
}

Json time_json(const models::TimeToEvent& t, const models::Scenario& s) {
    Json j;
    const char* names[] = {"p10", "p25", "p50", "p75", "p90"};
    for (std::size_t i = 0; i < t.percentiles.size(); ++i) j[names[i]] = number(t.percentiles[i]);
    j["mean"] = number(t.mean_reached);
    j["share_reached"] = t.share_reached;
    Json within = Json::object();
    for (std::size_t h = 0; h < s.horizons.size(); ++h) within[s.horizons[h].name] = t.prob_within[h];
    j["prob_within"] = within;
    j["cdf"] = t.cdf;
    return j;
}

Json sensitivity_json(const models::Sensitivity& sens, const models::Scenario& s) {
    Json j = Json::object();
    for (const auto& o : sens.options) {
        Json oj = Json::object();
        for (std::size_t h = 0; h < o.horizons.size(); ++h) {
            Json hj = Json::object();
            for (const auto& m : o.horizons[h]) {
                Json mj = Json::object();
                for (const auto& method : m.methods) {
                    Json list = Json::array();
                    for (const auto& i : method.ranking)
                        list.push_back({{"input", s.inputs.of_dimension(i.input).address},
                                        {"value", number(i.value)},
                                        {"rank", i.rank},
                                        {"ci95", i.ci95 ? Json{number(i.ci95->first), number(i.ci95->second)} : Json(nullptr)}});
                    mj[method.method] = list;
                }
                if (m.src_r_squared) mj["src_r_squared"] = number(*m.src_r_squared);
                if (m.tornado_base) mj["tornado_base"] = number(*m.tornado_base);
                hj[m.metric] = mj;
            }
            oj[std::to_string(s.horizons[h].months)] = hj;
        }
        j[o.name] = oj;
    }
    return j;
}

}  // namespace

Json inputs_json(const models::Scenario& s) {
    Json list = Json::array();
    for (const auto& in : s.inputs.all()) {
        if (!in.dimension) continue;
        const auto& d = in.distribution;
        list.push_back({{"input", in.address},
                        {"distribution", sim::describe(d)},
                        {"mean", number(sim::mean(d))},
                        {"p5", number(sim::quantile(d, 0.05))},
                        {"p50", number(sim::quantile(d, 0.50))},
                        {"p95", number(sim::quantile(d, 0.95))},
                        {"source", in.source}});
    }
    return list;
}

Json results_json(const RunReport& r) {
    const auto& s = r.scenario;
    Json j;
    j["scenario"] = s.name;
    j["paths"] = r.settings.paths;
    j["seed"] = r.settings.seed;
    j["sampling"] = sim::to_string(r.settings.sampling);
    j["threads"] = r.threads;
    j["elapsed_seconds"] = r.elapsed_seconds;
    j["currency"] = s.currency;
    Json horizons = Json::object();
    for (const auto& h : s.horizons) horizons[h.name] = h.months;
    j["horizons"] = horizons;
    j["discount_rate"] = s.discount_rate;
    if (s.payback_reference) j["payback_reference_months"] = {s.payback_reference->first, s.payback_reference->second};

    Json options = Json::object();
    for (const auto& o : r.results.options) {
        Json oj;
        Json by_h = Json::object();
        for (std::size_t h = 0; h < s.horizons.size(); ++h) {
            Json metrics;
            for (std::size_t m = 0; m < models::metric_count; ++m)
                metrics[models::metric_names[m]] = summary_json(o.horizons[h][m]);
            metrics["roi"]["histogram"] = histogram_json(o.roi_histograms[h]);
            by_h[std::to_string(s.horizons[h].months)] = metrics;
        }
        oj["horizons"] = by_h;
        oj["payback_months"] = time_json(o.payback, s);
        oj["discounted_payback_months"] = time_json(o.discounted_payback, s);
        Json fan;
        const char* names[] = {"p5", "p25", "p50", "p75", "p95"};
        for (std::size_t l = 0; l < models::FanChart::levels.size(); ++l) fan[names[l]] = o.cumulative_cash_flow.bands[l];
        oj["cumulative_cash_flow"] = fan;
        options[o.name] = oj;
    }
    j["options"] = options;

    Json comparison = Json::object();
    for (const auto& c : r.results.comparisons) {
        Json cj;
        Json by_h = Json::object();
        for (std::size_t h = 0; h < s.horizons.size(); ++h)
        {
            Json difference = summary_json(c.npv_difference[h]);
            difference["histogram"] = histogram_json(c.npv_difference_histograms[h]);
            by_h[std::to_string(s.horizons[h].months)] = {{"npv_difference", difference},
                                                          {"prob_a_better", c.prob_a_better[h]}};
        }
        cj["horizons"] = by_h;
        cj["overtake_month"] = time_json(c.overtake, s);
        comparison[c.a + "_vs_" + c.b] = cj;
    }
    j["comparison"] = comparison;

    if (r.convergence) {
        Json trace = Json::array();
        for (const auto& step : r.convergence->trace) {
            Json stats = Json::array();
            for (const auto& h : step.statistics)
                stats.push_back({{"statistic", h.name},
                                 {"value", number(h.value)},
                                 {"ci95_half_width", number(h.half_width)},
                                 {"relative", number(h.half_width / std::abs(h.value))},
                                 {"met", h.met}});
            trace.push_back({{"paths", step.paths}, {"statistics", stats}});
        }
        j["convergence"] = {{"target", r.convergence->target}, {"max_paths", r.convergence->max_paths},
                            {"met", r.convergence->met}, {"paths", r.settings.paths}, {"trace", trace},
                            {"notes", r.convergence->notes}};
    }
    if (r.streaming)
        j["streaming"] = {
            {"pilot_paths", r.streaming->pilot_paths},
            {"bins", r.streaming->bins},
            {"percentile_rank_error_bound", r.streaming->largest_bin_share},
            {"note", "The paths were summarised as they were simulated, not stored: percentiles come from " +
                         std::to_string(r.streaming->bins) + " equal-probability bins set by a pilot run of " +
                         std::to_string(r.streaming->pilot_paths) + " paths and are within " +
                         format_share(r.streaming->largest_bin_share) +
                         " in rank; means, shares and CDFs are exact. Sensitivity, value of information and samples "
                         "use the pilot's paths."}};
    if (r.sensitivity) j["sensitivity"] = sensitivity_json(*r.sensitivity, s);
    if (r.value_of_information) {
        Json voi = Json::object();
        for (std::size_t h = 0; h < s.horizons.size(); ++h) {
            const auto& hv = r.value_of_information->horizons[h];
            Json hj = {{"evpi", number(hv.evpi.value)},
                       {"evpi_ci95", {number(hv.evpi.ci_low), number(hv.evpi.ci_high)}},
                       {"best_on_expected_npv", hv.best}};
            if (!hv.partial.empty()) {
                Json list = Json::array();
                for (const auto& i : hv.partial)
                    list.push_back({{"input", s.inputs.of_dimension(i.input).address},
                                    {"value", number(i.value)},
                                    {"rank", i.rank}});
                hj["evppi"] = list;
            }
            voi[std::to_string(s.horizons[h].months)] = hj;
        }
        voi["method"] = r.value_of_information->method;
        j["value_of_information"] = voi;
    }
    j["inputs"] = inputs_json(s);
    Json correlations = Json::array();
    for (const auto& c : s.correlations)
        correlations.push_back({{"between", {s.inputs[c.first].address, s.inputs[c.second].address}}, {"rank", c.rank}});
    Json repairs = Json::array();
    for (const auto& rep : r.copula.repairs())
        repairs.push_back({{"between", {s.inputs.of_dimension(rep.first).address, s.inputs.of_dimension(rep.second).address}},
                           {"requested", rep.requested},
                           {"applied", rep.applied}});
    j["correlations"] = {{"requested", correlations}, {"repairs", repairs}};
    j["notes"] = s.notes;
    if (r.sensitivity) {
        j["sensitivity_notes"] = r.sensitivity->notes;
        if (r.sensitivity->sobol_paths) j["sensitivity_sobol_paths"] = r.sensitivity->sobol_paths;
    }
    return j;
}

}  // namespace app

#include "app/results_from_forecast.hpp"

#include <cmath>
#include <cstdio>

#include "app/assumption_register.hpp"
#include "models/breakdown.hpp"
#include "models/plausibility.hpp"
#include "sim/distribution.hpp"

namespace app {

namespace {

Statistics statistics(const sim::Summary& s) {
    Statistics out;
    out.mean = s.mean;
    out.sd = s.sd;
    out.mean_ci95 = {s.mean_ci_low, s.mean_ci_high};
    double* percentiles[] = {&out.p5, &out.p10, &out.p25, &out.p50, &out.p75, &out.p90, &out.p95};
    for (std::size_t i = 0; i < sim::summary_percentiles.size(); ++i) *percentiles[i] = s.percentiles[i];
    out.prob_positive = s.prob_positive;
    out.expected_shortfall_5 = s.expected_shortfall_5;
    out.undefined = s.undefined_share();
    out.n = s.count;
    return out;
}

std::optional<Histogram> histogram(const std::optional<sim::Histogram>& h) {
    if (!h) return std::nullopt;
    return Histogram{h->low(), h->bin_width(), h->counts(), h->below(), h->above(), h->undefined()};
}

TimeToEvent time_to_event(const models::TimeToEvent& t, const models::Scenario& s) {
    TimeToEvent out;
    double* percentiles[] = {&out.p10, &out.p25, &out.p50, &out.p75, &out.p90};
    for (std::size_t i = 0; i < t.percentiles.size(); ++i) *percentiles[i] = t.percentiles[i];
    out.mean = t.mean_reached;
    out.share_reached = t.share_reached;
    for (std::size_t h = 0; h < s.horizons.size(); ++h) out.prob_within.push_back({s.horizons[h].name, t.prob_within[h]});
    out.cdf = t.cdf;
    return out;
}

Quantiles quantiles(const sim::Summary& s) { return {s.mean, s.percentiles[1], s.percentiles[3], s.percentiles[5]}; }

// The breakdown rows of one horizon, placed by their keys.
Breakdown breakdown(const models::Option& o, const std::vector<sim::Summary>& rows) {
    Breakdown b;
    const auto keys = models::breakdown_keys(o);
    Quantiles* effects[] = {&b.benefits.conversion,  &b.benefits.sales_cycle, &b.benefits.retention,
                            &b.benefits.revenue_per_customer, &b.benefits.interaction, &b.benefits.productivity};
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& [group, subgroup, name] = keys[r];
        const Quantiles q = quantiles(rows[r]);
        if (r < models::BreakdownLayout::effects) *effects[r] = q;
        else if (subgroup == "savings") b.benefits.savings.push_back({name, q, std::nullopt});
        else if (group == "benefits") {
            const bool soft = o.benefits[r - models::breakdown_layout(o).first_benefit_line()].soft;
            b.benefits.lines.push_back({name, q, soft ? std::optional(true) : std::nullopt});
        } else if (subgroup == "lines") b.costs.lines.push_back({name, q, std::nullopt});
        else if (subgroup == "risks") b.costs.risks.push_back({name, q, std::nullopt});
        else b.costs.productivity_dip = q;
    }
    return b;
}

std::string format_share(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f %%", 100 * share);
    return buffer;
}

std::vector<OptionSensitivity> sensitivity(const models::Sensitivity& sens, const models::Scenario& s) {
    std::vector<OptionSensitivity> out;
    for (const auto& o : sens.options) {
        OptionSensitivity os{o.name, {}};
        for (std::size_t h = 0; h < o.horizons.size(); ++h) {
            HorizonSensitivity hs{s.horizons[h].months, {}};
            for (const auto& m : o.horizons[h]) {
                MetricSensitivity ms{m.metric, {}, m.src_r_squared, m.tornado_base};
                for (const auto& method : m.methods) {
                    MethodRanking mr{method.method, {}};
                    for (const auto& i : method.ranking) {
                        std::optional<std::array<double, 2>> ci;
                        if (i.ci95) ci = std::array{i.ci95->first, i.ci95->second};
                        RankedInput ranked{s.inputs.of_dimension(i.input).address, i.value, i.rank, ci, {}, {}};
                        if (method.method == "tornado")
                            for (const auto& bar : m.tornado_bars)
                                if (bar.input == i.input) ranked.low = bar.low_output, ranked.high = bar.high_output;
                        mr.ranking.push_back(std::move(ranked));
                    }
                    ms.methods.push_back(std::move(mr));
                }
                hs.metrics.push_back(std::move(ms));
            }
            os.horizons.push_back(std::move(hs));
        }
        out.push_back(std::move(os));
    }
    return out;
}

ValueOfInformationRecord value_of_information(const models::ValueOfInformation& voi, const models::Scenario& s) {
    ValueOfInformationRecord out;
    for (std::size_t h = 0; h < s.horizons.size(); ++h) {
        const auto& hv = voi.horizons[h];
        HorizonValueOfInformation hr{s.horizons[h].months, hv.evpi.value, {hv.evpi.ci_low, hv.evpi.ci_high}, hv.best, {}};
        if (!hv.partial.empty()) {
            auto& list = hr.evppi.emplace();
            for (const auto& i : hv.partial) list.push_back({s.inputs.of_dimension(i.input).address, i.value, i.rank});
        }
        out.horizons.push_back(std::move(hr));
    }
    out.method = voi.method;
    return out;
}

ConvergenceRecord convergence(const models::Convergence& c, std::uint64_t paths) {
    ConvergenceRecord out{c.target, c.max_paths, c.met, paths, {}, c.notes};
    for (const auto& step : c.trace) {
        ConvergenceStep st{step.paths, {}};
        for (const auto& h : step.statistics)
            st.statistics.push_back({h.name, h.value, h.half_width, h.half_width / std::abs(h.value), h.met});
        out.trace.push_back(std::move(st));
    }
    return out;
}

StreamingRecord streaming(const models::StreamingInfo& info) {
    return {info.pilot_paths, info.bins, info.largest_bin_share,
            "The paths were summarised as they were simulated, not stored: percentiles come from " +
                std::to_string(info.bins) + " equal-probability bins set by a pilot run of " +
                std::to_string(info.pilot_paths) + " paths and are within " + format_share(info.largest_bin_share) +
                " in rank; means, shares and CDFs are exact. Sensitivity, value of information and samples use the "
                "pilot's paths."};
}

Samples samples(const models::PathSamples& kept, const models::Scenario& s) {
    Samples out;
    out.columns = {"path", "option"};
    for (const auto& h : s.horizons) {
        out.columns.push_back("npv_" + std::to_string(h.months));
        out.columns.push_back("roi_" + std::to_string(h.months));
    }
    out.columns.push_back("payback_months");
    // Then every uncertain input by its address, when kept: what the path drew, the same on each option's row.
    const bool draws = kept.inputs.cols() > 0;
    if (draws)
        for (std::size_t d = 0; d < s.inputs.dimensions(); ++d) out.columns.push_back(s.inputs.of_dimension(d).address);
    for (const auto& r : kept.rows) {
        Samples::Row row{r.path, s.options[r.option].name, {}};
        for (std::size_t h = 0; h < r.npv.size(); ++h) {
            row.values.push_back(r.npv[h]);
            row.values.push_back(r.roi[h]);
        }
        row.values.push_back(r.payback);
        if (draws) {
            const auto drawn = kept.inputs.row(static_cast<Eigen::Index>(r.path));
            row.values.insert(row.values.end(), drawn.begin(), drawn.end());
        }
        out.rows.push_back(std::move(row));
    }
    out.paths = kept.rows.empty() ? 0 : kept.rows.back().path + 1;
    out.note = "The first " + std::to_string(out.paths) + " of " + std::to_string(kept.of_paths) +
               " paths, one row per path and option";
    if (out.paths == kept.cap && kept.of_paths > kept.cap) out.note += " (capped at " + std::to_string(kept.cap) + " paths)";
    out.note += "; payback_months empty where the path does not pay back within the run";
    out.note += draws ? "; then each uncertain input's draw on the path, by its address."
                      : ". The input draws of these paths are in the base run's samples (an input the variant changes "
                        "drew its own values).";
    return out;
}

}  // namespace

std::vector<InputSummary> input_summaries(const models::Scenario& s) {
    std::vector<InputSummary> list;
    for (const auto& in : s.inputs.all()) {
        if (!in.dimension) continue;
        const auto& d = in.distribution;
        if (!in.stress) {
            list.push_back({in.address, sim::describe(d), sim::mean(d), sim::quantile(d, 0.05),
                            sim::quantile(d, 0.50), sim::quantile(d, 0.95), in.source, in.label});
            continue;
        }
        // A stressed input as drawn: its percentiles within the band, its
        // mean by the midpoint rule over the band's quantiles.
        const double low = in.stress->low, high = in.stress->high;  // not a binding: clang 14 cannot capture one
        const auto level = [&](double p) { return low + (high - low) * p; };
        constexpr int points = 4096;
        double sum = 0;
        for (int k = 0; k < points; ++k) sum += sim::quantile(d, std::min(level((k + 0.5) / points), 1.0 - 0x1p-53));
        list.push_back({in.address,
                        sim::describe(d) + ", stressed to its P" + sim::format_number(100 * low) + "-P" +
                            sim::format_number(100 * high) + " band",
                        sum / points, sim::quantile(d, level(0.05)), sim::quantile(d, level(0.50)),
                        sim::quantile(d, std::min(level(0.95), 1.0 - 0x1p-53)), in.source, in.label});
    }
    return list;
}

ResultsDocument results_document(const models::Scenario& s, const models::Forecast& f) {
    ResultsDocument d;
    d.scenario = s.name;
    d.paths = f.run.paths;
    d.seed = f.run.seed;
    d.sampling = sim::to_string(f.run.sampling);
    d.threads = f.threads;
    d.elapsed_seconds = f.elapsed_seconds;
    d.currency = s.currency;
    for (const auto& h : s.horizons) d.horizons.push_back({h.name, h.months});
    d.discount_rate = s.discount_rate;
    if (!f.results.irr) d.not_computed.push_back("irr");
    if (!f.results.fan_chart) d.not_computed.push_back("cumulative_cash_flow");
    if (s.payback_reference) d.payback_reference_months = std::array{s.payback_reference->first, s.payback_reference->second};

    for (std::size_t i = 0; i < f.results.options.size(); ++i) {
        const auto& o = f.results.options[i];
        OptionResult out;
        out.name = o.name;
        for (std::size_t h = 0; h < s.horizons.size(); ++h) {
            HorizonMetrics hm{s.horizons[h].months, {}, histogram(o.roi_histograms[h]), std::nullopt};
            for (std::size_t m = 0; m < models::metric_count; ++m) hm.metrics[m] = statistics(o.horizons[h][m]);
            if (!o.breakdown.empty()) hm.breakdown = breakdown(s.options[i], o.breakdown[h]);
            out.horizons.push_back(std::move(hm));
        }
        for (const auto& y : o.years) {
            using models::YearPart;
            const auto part = [&](YearPart p) { return quantiles(y[static_cast<std::size_t>(p)]); };
            out.years.push_back(
                {part(YearPart::benefits), part(YearPart::costs), part(YearPart::net), part(YearPart::discounted_net)});
        }
        out.payback = time_to_event(o.payback, s);
        out.discounted_payback = time_to_event(o.discounted_payback, s);
        const auto& bands = o.cumulative_cash_flow.bands;
        if (f.results.fan_chart) out.cumulative_cash_flow = {bands[0], bands[1], bands[2], bands[3], bands[4]};
        d.options.push_back(std::move(out));
    }
    for (const auto& c : f.results.comparisons) {
        ComparisonResult out{c.a, c.b, {}, time_to_event(c.overtake, s)};
        for (std::size_t h = 0; h < s.horizons.size(); ++h)
            out.horizons.push_back({s.horizons[h].months,
                                    {statistics(c.npv_difference[h]), histogram(c.npv_difference_histograms[h])},
                                    c.prob_a_better[h]});
        d.comparisons.push_back(std::move(out));
    }
    for (std::size_t h = 0; h < f.results.best.size(); ++h) {
        const auto& b = f.results.best[h];
        BestChoiceAt at{s.horizons[h].months, {}, {}, b.nothing};
        for (std::size_t o = 0; o < s.options.size(); ++o) {
            at.among_options.push_back({s.options[o].name, b.among_options[o]});
            at.counting_not_investing.push_back({s.options[o].name, b.counting_nothing[o]});
        }
        d.prob_best.push_back(std::move(at));
    }
    if (f.convergence) d.convergence = convergence(*f.convergence, f.run.paths);
    if (f.streaming) d.streaming = streaming(*f.streaming);
    if (f.sensitivity) d.sensitivity = sensitivity(*f.sensitivity, s);
    d.value_of_information = value_of_information(f.value_of_information, s);
    d.inputs = input_summaries(s);
    d.assumptions = assumption_register(s);
    for (auto& w : models::implausible_values(s)) d.warnings.push_back({std::move(w.address), std::move(w.message)});
    for (const auto& c : s.correlations)
        d.correlations.requested.push_back({{s.inputs[c.first].address, s.inputs[c.second].address}, c.rank});
    for (const auto& r : f.repairs)
        d.correlations.repairs.push_back(
            {{s.inputs.of_dimension(r.first).address, s.inputs.of_dimension(r.second).address}, r.requested, r.applied});
    d.notes = s.notes;
    if (f.sensitivity) {
        d.sensitivity_notes = f.sensitivity->notes;
        if (f.sensitivity->sobol_paths) d.sensitivity_sobol_paths = f.sensitivity->sobol_paths;
    }
    if (f.samples) d.samples = samples(*f.samples, s);
    return d;
}

namespace {

AgainstBase against_base(const models::PairedChange& change, const models::Scenario& s) {
    AgainstBase out{change.paths, {}};
    for (std::size_t o = 0; o < change.options.size(); ++o) {
        OptionChange oc{s.options[o].name, {}, change.options[o].prob_payback_later};
        for (std::size_t h = 0; h < s.horizons.size(); ++h) {
            const auto& c = change.options[o].horizons[h];
            oc.horizons.push_back({s.horizons[h].months, {c.mean, c.p10, c.p50, c.p90}, c.prob_worse});
        }
        out.options.push_back(std::move(oc));
    }
    return out;
}

}  // namespace

VariantResult variant_result(const models::Variant& v, std::span<const models::Edit> extra,
                             const models::Scenario& scenario, const models::Forecast& variant,
                             const models::Forecast& base) {
    VariantResult out{.name = v.name,
                      .results = results_document(scenario, variant),
                      .variant = {.description = v.description, .set = set_record(v.set)},
                      .against_base = std::nullopt};
    for (const auto& e : extra) out.variant.set[e.path] = e.value;
    for (const auto& st : v.stress) out.variant.stress[st.address] = {st.band.low, st.band.high};
    if (base.key_paths && variant.key_paths)
        out.against_base = against_base(models::paired_change(*base.key_paths, *variant.key_paths), scenario);
    return out;
}

nlohmann::ordered_json set_record(std::span<const models::Edit> edits) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& e : edits) j[e.path] = e.value;
    return j;
}

}  // namespace app

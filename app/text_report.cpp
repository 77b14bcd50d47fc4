#include "app/text_report.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "app/format.hpp"
#include "sim/distribution.hpp"

namespace app {

namespace {

std::string pad(const std::string& s, std::size_t width, bool right = false) {
    // Count UTF-8 code points, not bytes, so "€" takes one column.
    std::size_t shown = 0;
    for (unsigned char c : s) shown += (c & 0xC0) != 0x80;
    if (shown >= width) return s;
    const std::string fill(width - shown, ' ');
    return right ? fill + s : s + fill;
}

std::string horizon_label(const models::Horizon& h) { return h.name + " (" + std::to_string(h.months) + " mo)"; }

const sim::Summary& metric(const models::OptionResults& o, std::size_t h, models::Metric m) {
    return o.horizons[h][static_cast<std::size_t>(m)];
}

// The method whose ranking is shown, best first: Sobol total effects, then
// SRC when the linear fit explains most of the variance, then Spearman, then tornado.
const models::MethodRanking* headline_method(const models::MetricSensitivity& m) {
    const auto find = [&](const char* name) -> const models::MethodRanking* {
        for (const auto& method : m.methods)
            if (method.method == name) return &method;
        return nullptr;
    };
    if (const auto* sobol = find("sobol_total")) return sobol;
    if (const auto* src = find("src"); src && m.src_r_squared && *m.src_r_squared >= 0.7) return src;
    if (const auto* spearman = find("spearman")) return spearman;
    if (const auto* src = find("src")) return src;
    return find("tornado");
}

std::string short_address(const std::string& address, const std::string& option) {
    const std::string own = "options." + option + ".";
    return address.rfind(own, 0) == 0 ? address.substr(own.size()) : address;
}

void print_drivers(std::ostream& out, const RunReport& r) {
    const auto& s = r.scenario;
    char value[32];
    for (const auto& o : r.sensitivity->options) {
        out << "\nwhat drives " << o.name << "'s NPV (top five per horizon)\n";
        for (std::size_t h = 0; h < o.horizons.size(); ++h)
            for (const auto& m : o.horizons[h]) {
                if (m.metric != "npv") continue;
                const auto* method = headline_method(m);
                if (!method) continue;
                out << "  " << pad(horizon_label(s.horizons[h]), 18) << "[" << method->method << "]";
                for (std::size_t k = 0; k < std::min<std::size_t>(5, method->ranking.size()); ++k) {
                    const auto& i = method->ranking[k];
                    if (method->method == "tornado") std::snprintf(value, sizeof value, "%s", money(i.value, s.currency).c_str());
                    else std::snprintf(value, sizeof value, "%.2f", i.value);
                    out << (k ? ", " : " ") << short_address(s.inputs.of_dimension(i.input).address, o.name) << " "
                        << value;
                }
                out << "\n";
            }
    }
}

void print_value_of_information(std::ostream& out, const RunReport& r) {
    const auto& s = r.scenario;
    out << "\nvalue of information (what resolving the uncertainty before deciding is worth)\n";
    for (std::size_t h = 0; h < s.horizons.size(); ++h) {
        const auto& hv = r.value_of_information->horizons[h];
        out << "  " << pad(horizon_label(s.horizons[h]), 18) << "best on today's estimates: " << hv.best
            << "; perfect information worth " << money(hv.evpi.value, s.currency) << " (95 % CI "
            << money(hv.evpi.ci_low, s.currency) << " to " << money(hv.evpi.ci_high, s.currency) << ")";
        if (!hv.partial.empty()) {
            // Estimates within 1 % of the EVPI are noise of the binning method.
            std::size_t shown = 0;
            for (std::size_t k = 0; k < hv.partial.size() && shown < 3; ++k) {
                if (!(hv.partial[k].value > 0.01 * hv.evpi.value)) break;
                out << (shown++ ? ", " : "; worth refining first: ")
                    << s.inputs.of_dimension(hv.partial[k].input).address << " "
                    << money(hv.partial[k].value, s.currency);
            }
            if (!shown) out << "; no single input changes the decision on its own";
        }
        out << "\n";
    }
}

}  // namespace

void print_summary(std::ostream& out, const RunReport& r) {
    const auto& s = r.scenario;
    char line[256];
    out << s.name << "\n";
    std::snprintf(line, sizeof line, "%s paths, %s sampling, seed %llu, %u thread%s, %.2f s; %s, discount rate %s a year\n",
                  grouped(r.settings.paths).c_str(), sim::to_string(r.settings.sampling).c_str(),
                  static_cast<unsigned long long>(r.settings.seed), r.threads, r.threads == 1 ? "" : "s",
                  r.elapsed_seconds, s.currency.c_str(), percent(s.discount_rate).c_str());
    out << line;
    if (r.streaming)
        out << "streamed: paths summarised as simulated, not stored; percentiles within "
            << percent(r.streaming->largest_bin_share, 3) << " in rank; sensitivity and samples from a pilot of "
            << grouped(r.streaming->pilot_paths) << " paths\n";
    if (r.convergence) {
        const auto& c = *r.convergence;
        if (c.met) {
            out << "converged: every headline statistic within ±" << percent(c.target, 1) << " (95 % CI) at "
                << grouped(r.settings.paths) << " paths\n";
        } else {
            out << "NOT converged: target ±" << percent(c.target, 1) << " not met within " << grouped(c.max_paths)
                << " paths; still too wide:";
            int shown = 0;
            for (const auto& h : c.trace.back().statistics)
                if (!h.met && shown++ < 4)
                    out << " " << h.name << " ±"
                        << (std::isfinite(h.value) && h.value != 0 ? percent(h.half_width / std::abs(h.value)) : "n/a");
            out << "\n";
        }
    }
    for (const auto& o : r.results.options) {
        out << "\n" << o.name << "\n";
        out << "  " << pad("horizon", 18) << pad("ROI P10", 10, true) << pad("P50", 10, true) << pad("P90", 10, true)
            << "   " << pad("mean NPV (95 % CI)", 34) << pad("P(NPV > 0)", 10, true) << "\n";
        for (std::size_t h = 0; h < s.horizons.size(); ++h) {
            const auto& roi = metric(o, h, models::Metric::roi);
            const auto& npv = metric(o, h, models::Metric::npv);
            out << "  " << pad(horizon_label(s.horizons[h]), 18) << pad(percent(roi.percentile(0.10)), 10, true)
                << pad(percent(roi.percentile(0.50)), 10, true) << pad(percent(roi.percentile(0.90)), 10, true)
                << "   "
                << pad(money(npv.mean, s.currency) + " (" + money(npv.mean_ci_low, s.currency) + " to " +
                           money(npv.mean_ci_high, s.currency) + ")",
                       34)
                << pad(percent(npv.prob_positive), 10, true) << "\n";
            if (roi.undefined) out << "    ROI undefined on " << percent(roi.undefined_share()) << " of paths (no cost yet)\n";
        }
        const auto& p = o.payback;
        out << "  time to positive ROI: P10 " << months(p.percentiles[0]) << ", P50 " << months(p.percentiles[2])
            << ", P90 " << months(p.percentiles[4]) << " months";
        out << "; paid back within";
        for (std::size_t h = 0; h < s.horizons.size(); ++h)
            out << (h ? ", " : " ") << s.horizons[h].months << " mo " << percent(p.prob_within[h], 0);
        out << "\n";
        const auto& d = o.discounted_payback;
        out << "  discounted payback:   P10 " << months(d.percentiles[0]) << ", P50 " << months(d.percentiles[2])
            << ", P90 " << months(d.percentiles[4]) << " months\n";
    }

    if (r.sensitivity) print_drivers(out, r);
    if (r.value_of_information) print_value_of_information(out, r);

    for (const auto& c : r.results.comparisons) {
        out << "\n" << c.a << " vs " << c.b << " (same draws of the shared inputs)\n";
        for (std::size_t h = 0; h < s.horizons.size(); ++h) {
            const auto& d = c.npv_difference[h];
            out << "  " << pad(horizon_label(s.horizons[h]), 18) << "NPV difference " << money(d.mean, s.currency)
                << " (P10 " << money(d.percentile(0.10), s.currency) << ", P90 " << money(d.percentile(0.90), s.currency)
                << "); " << c.a << " better with probability " << percent(c.prob_a_better[h], 0) << "\n";
        }
        const auto& t = c.overtake;
        out << "  " << c.a << " stays ahead from month: P10 " << months(t.percentiles[0]) << ", P50 "
            << months(t.percentiles[2]) << ", P90 " << months(t.percentiles[4]) << "; ahead by month "
            << s.simulated_months() << " on " << percent(t.share_reached, 0) << " of paths\n";
    }
}

void print_repairs(std::ostream& err, const std::string& label, const models::Scenario& s,
                   const sim::GaussianCopula& copula) {
    for (const auto& rep : copula.repairs())
        err << "warning: " << label << ": correlations: " << s.inputs.of_dimension(rep.first).address << " and "
            << s.inputs.of_dimension(rep.second).address << " correlated at " << sim::format_number(std::round(rep.applied * 1e4) / 1e4)
            << " instead of " << sim::format_number(rep.requested)
            << ": the requested ranks together are not a valid correlation matrix (nearest valid one used, Higham 2002)\n";
}

void print_inputs(std::ostream& out, const models::Scenario& s) {
    out << s.name << ": " << s.inputs.dimensions() << " uncertain inputs, " << s.options.size() << " option"
        << (s.options.size() == 1 ? "" : "s") << ", horizons";
    for (const auto& h : s.horizons) out << " " << h.name << "=" << h.months;
    out << "\n\n";
    std::size_t width = 5;
    for (const auto& in : s.inputs.all())
        if (in.dimension) width = std::max(width, in.address.size());
    out << pad("input", width + 2) << pad("distribution", 44) << pad("mean", 12, true) << pad("P5", 12, true)
        << pad("P95", 12, true) << "  source\n";
    char buffer[32];
    const auto num = [&](double x) {
        std::snprintf(buffer, sizeof buffer, "%.4g", x);
        return std::string(buffer);
    };
    for (const auto& in : s.inputs.all()) {
        if (!in.dimension) continue;
        const auto& d = in.distribution;
        out << pad(in.address, width + 2) << pad(sim::describe(d), 44) << pad(num(sim::mean(d)), 12, true)
            << pad(num(sim::quantile(d, 0.05)), 12, true) << pad(num(sim::quantile(d, 0.95)), 12, true) << "  "
            << in.source << "\n";
    }
    if (!s.correlations.empty()) {
        out << "\ncorrelations (Spearman rank):\n";
        for (const auto& c : s.correlations)
            out << "  " << s.inputs[c.first].address << " ~ " << s.inputs[c.second].address << ": " << c.rank << "\n";
    }
}

}  // namespace app

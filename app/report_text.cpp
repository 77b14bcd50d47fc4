#include "app/report_text.hpp"

#include <cmath>
#include <cstdio>

#include "app/format.hpp"

namespace app {

std::string input_label(const std::string& address) {
    std::string rest = address;
    if (rest.rfind("options.", 0) == 0) {
        const auto dot = rest.find('.', 8);
        if (dot != std::string::npos) rest = rest.substr(dot + 1);
    }
    std::string out;
    for (char c : rest) {
        if (c == '.') out += " · ";
        else out += c == '_' ? ' ' : c;
    }
    return out;
}

std::string plain_number(double x) {
    if (!std::isfinite(x)) return "n/a";
    if (std::abs(x) >= 1000) {
        const std::string g = grouped(static_cast<unsigned long long>(std::llround(std::abs(x))));
        return x < 0 ? "-" + g : g;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", x);
    return buffer;
}

std::size_t headline_horizon(const ReportData& r) {
    for (std::size_t h = 0; h < r.horizons.size(); ++h)
        if (r.horizons[h].name == "medium") return h;
    return r.horizons.size() - 1;
}

namespace {

std::string whole_percent(double share) { return percent(share, 0); }

std::string months_or_never(double m, int horizon) {
    if (std::isnan(m)) return "not within " + std::to_string(horizon) + " months";
    return months(m);
}

}  // namespace

std::string option_summary(const ReportData& r, const OptionData& o) {
    const std::size_t h = headline_horizon(r);
    const auto& roi = o.horizons[h].at("roi");
    const int last = r.horizons.back().months;
    std::string s = r.option_label(o.name) + ": ";
    if (std::isfinite(roi["p50"]))
        s += "median ROI at " + std::to_string(r.horizons[h].months) + " months " + whole_percent(roi["p50"]) +
             " (80 % interval " + whole_percent(roi["p10"]) + " to " + whole_percent(roi["p90"]) + "); ";
    else
        s += "ROI at " + std::to_string(r.horizons[h].months) + " months undefined (no costs); ";
    const double p50 = o.payback["p50"];
    if (std::isnan(p50))
        s += "more often than not it does not break even within " + std::to_string(last) + " months";
    else
        s += "breaks even after " + months(p50) + " months (P10–P90: " + months_or_never(o.payback["p10"], last) +
             " to " + months_or_never(o.payback["p90"], last) + ")";
    std::string within;
    for (const auto& hz : r.horizons) {
        const auto it = o.payback.prob_within.find(hz.name);
        if (it == o.payback.prob_within.end()) continue;
        within += (within.empty() ? "" : ", ") + whole_percent(it->second) + (within.empty() ? " chance of payback within " : " within ") +
                  std::to_string(hz.months) + " months";
    }
    if (!within.empty()) s += "; " + within;
    return s + ".";
}

std::string comparison_summary(const ReportData& r, const ComparisonData& c) {
    std::string s;
    for (std::size_t h = 0; h < r.horizons.size(); ++h) {
        const double p = c.prob_a_better[h];
        const bool a_ahead = p >= 0.5;
        s += (h ? "; at " : "At ") + std::to_string(r.horizons[h].months) + " months " +
             r.option_label(a_ahead ? c.a : c.b) + " is ahead on NPV with probability " +
             whole_percent(a_ahead ? p : 1 - p) + " (median difference " +
             money(c.npv_difference[h]["p50"], r.currency) + " for " + r.option_label(c.a) + ")";
    }
    const double overtake = c.overtake["p50"];
    s += ". ";
    if (std::isnan(overtake))
        s += r.option_label(c.a) + " does not overtake " + r.option_label(c.b) + "'s cumulative cash flow on most paths.";
    else
        s += r.option_label(c.a) + "'s cumulative cash flow stays ahead of " + r.option_label(c.b) + "'s from month " +
             months(overtake) + " (median; " + whole_percent(c.overtake["share_reached"]) + " of paths ever do).";
    return s;
}

std::string preferred_sensitivity_method(const ReportData& r, const std::string& option, std::size_t horizon,
                                         const std::string& metric) {
    const auto o = r.sensitivity.find(option);
    if (o == r.sensitivity.end() || horizon >= o->second.size()) return "";
    const auto m = o->second[horizon].find(metric);
    if (m == o->second[horizon].end()) return "";
    for (const char* method : {"tornado", "src", "spearman", "sobol_total"})
        if (m->second.count(method) && !m->second.at(method).empty()) return method;
    return "";
}

}  // namespace app

#include "app/report_text.hpp"

#include <algorithm>
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

std::string input_label_with_option(const std::string& address) {
    if (address.rfind("options.", 0) != 0) return input_label(address);
    const auto dot = address.find('.', 8);
    if (dot == std::string::npos) return input_label(address);
    return option_label(address.substr(8, dot - 8)) + " · " + input_label(address);
}

std::string difference_label(const ComparisonResult& c) { return option_label(c.a) + " minus " + option_label(c.b); }

std::string plain_number(double x) {
    if (!std::isfinite(x)) return "n/a";
    if (std::abs(x) >= 1000) {
        const std::string g = grouped(static_cast<unsigned long long>(std::llround(std::abs(x))));
        return x < 0 ? "-" + g : g;
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3g", x);
    // Never scientific notation: a small value gets the decimals its three digits need.
    if (std::string(buffer).find('e') != std::string::npos) {
        const int decimals = std::min(20, 2 - static_cast<int>(std::floor(std::log10(std::abs(x)))));
        std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
        std::string fixed = buffer;  // as %g would: no trailing zeros
        while (fixed.back() == '0') fixed.pop_back();
        if (fixed.back() == '.') fixed.pop_back();
        return fixed;
    }
    return buffer;
}

std::size_t headline_horizon(const ResultsDocument& r) {
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

std::string option_summary(const ResultsDocument& r, const OptionResult& o) {
    const std::size_t h = headline_horizon(r);
    const auto& roi = o.horizons[h][models::Metric::roi];
    const int last = r.horizons.back().months;
    std::string s = option_label(o.name) + ": ";
    if (std::isfinite(roi.p50))
        s += "median ROI at " + std::to_string(r.horizons[h].months) + " months " + whole_percent(roi.p50) +
             " (80 % interval " + whole_percent(roi.p10) + " to " + whole_percent(roi.p90) + "); ";
    else
        s += "ROI at " + std::to_string(r.horizons[h].months) + " months undefined (no costs); ";
    const double p50 = o.payback.p50;
    if (std::isnan(p50))
        s += "more often than not it does not break even within " + std::to_string(last) + " months";
    else
        s += "breaks even after " + months(p50) + " months (P10–P90: " + months_or_never(o.payback.p10, last) +
             " to " + months_or_never(o.payback.p90, last) + ")";
    std::string within;
    for (std::size_t k = 0; k < r.horizons.size(); ++k)
        within += (within.empty() ? "" : ", ") + whole_percent(o.payback.prob_within[k].value) +
                  (within.empty() ? " chance of payback within " : " within ") + std::to_string(r.horizons[k].months) +
                  " months";
    if (!within.empty()) s += "; " + within;
    return s + ".";
}

std::string comparison_summary(const ResultsDocument& r, const ComparisonResult& c) {
    std::string s;
    for (std::size_t h = 0; h < r.horizons.size(); ++h) {
        const double p = c.horizons[h].prob_a_better;
        const bool a_ahead = p >= 0.5;
        s += (h ? "; at " : "At ") + std::to_string(r.horizons[h].months) + " months " +
             option_label(a_ahead ? c.a : c.b) + " is ahead on NPV with probability " +
             whole_percent(a_ahead ? p : 1 - p) + " (NPV of " + option_label(c.a) + " minus " + option_label(c.b) +
             ": mean " + money(c.horizons[h].npv_difference.statistics.mean, r.currency) + ", median " +
             money(c.horizons[h].npv_difference.statistics.p50, r.currency) + ")";
    }
    const double overtake = c.overtake.p50;
    s += ". ";
    if (std::isnan(overtake))
        s += option_label(c.a) + " does not overtake " + option_label(c.b) + "'s cumulative cash flow on most paths.";
    else
        s += option_label(c.a) + "'s cumulative cash flow (undiscounted) stays ahead of " + option_label(c.b) +
             "'s from month " + months(overtake) + " (median; " + whole_percent(c.overtake.share_reached) +
             " of paths ever do).";
    return s;
}

const char* const headline_policy =
    "total-order Sobol indices when they were run (they count interactions and non-linear effects), else "
    "standardised regression coefficients when a linear fit explains at least 70 % of the variance, else Spearman "
    "rank correlations, else the tornado; the tail method is shown beside it, never instead.";

const MethodRanking* headline_ranking(const MetricSensitivity& m) {
    // A ranking with a value to show: an SRC fit without residual (no more paths than inputs) has none.
    const auto usable = [&](const char* name) -> const MethodRanking* {
        const MethodRanking* method = m.find(name);
        const auto defined = [](const RankedInput& i) { return std::isfinite(i.value); };
        return method && std::any_of(method->ranking.begin(), method->ranking.end(), defined) ? method : nullptr;
    };
    if (const auto* sobol = usable("sobol_total")) return sobol;
    if (const auto* src = usable("src"); src && m.src_r_squared && *m.src_r_squared >= 0.7) return src;
    for (const char* name : {"spearman", "src", "tornado", "tail"})
        if (const auto* method = usable(name)) return method;
    return nullptr;
}

const MethodRanking* headline_ranking(const ResultsDocument& r, const std::string& option, std::size_t horizon,
                                      const std::string& metric) {
    const MetricSensitivity* m = r.sensitivity_of(option, horizon, metric);
    return m ? headline_ranking(*m) : nullptr;
}

std::string method_name(const std::string& method) {
    if (method == "tornado") return "tornado swing, input from its P10 to its P90";
    if (method == "spearman") return "Spearman rank correlation";
    if (method == "src") return "standardised regression coefficient";
    if (method == "sobol_first") return "first-order Sobol index";
    if (method == "sobol_total") return "total-order Sobol index";
    if (method == "tail") return "shift on the worst 10 % of futures";
    return method;
}

std::string ranking_value_text(const ResultsDocument& r, const MethodRanking& m, const RankedInput& i,
                               const std::string& metric) {
    if (!std::isfinite(i.value)) return "n/a";
    char number[32];
    if (m.method == "tornado") {
        if (metric == "roi") return percent(i.value, 0);
        if (metric == "payback_months") return months(i.value) + " months";
        return money(i.value, r.currency);
    }
    if (m.method == "tail") std::snprintf(number, sizeof number, "%+.2f sd", i.value);
    else std::snprintf(number, sizeof number, "%.2f", i.value);
    return number;
}

bool irr_is_typical(const Statistics& irr) { return irr.undefined <= irr_undefined_limit && irr.n > 0; }

std::string irr_median_text(const Statistics& irr) {
    if (!irr_is_typical(irr)) return "undefined on " + percent(irr.undefined, 0) + " of paths";
    return percent(irr.p50, 1);
}

std::vector<CorrelationLine> correlation_lines(const ResultsDocument& r) {
    std::vector<CorrelationLine> lines;
    for (const auto& c : r.correlations.requested) lines.push_back({c.between[0], c.between[1], c.rank, c.rank});
    for (const auto& rep : r.correlations.repairs) {
        const auto same = [&](const CorrelationLine& l) {
            return (l.a == rep.between[0] && l.b == rep.between[1]) || (l.a == rep.between[1] && l.b == rep.between[0]);
        };
        const auto it = std::find_if(lines.begin(), lines.end(), same);
        if (it != lines.end()) it->applied = rep.applied;
        else lines.push_back({rep.between[0], rep.between[1], rep.requested, rep.applied});
    }
    return lines;
}

namespace {

// "<label> (<address>): <message>."
std::string warning_text(const ValueWarning& w) {
    const bool ends = !w.message.empty() && (w.message.back() == '?' || w.message.back() == '.');
    return input_label_with_option(w.address) + " (" + w.address + "): " + w.message + (ends ? "" : ".");
}

}  // namespace

std::vector<std::string> variant_warning_notes(const ResultsDocument& base, const VariantResult& v) {
    std::vector<std::string> notes;
    for (const auto& w : v.results.warnings) {
        const auto same = [&](const ValueWarning& b) { return b.address == w.address && b.message == w.message; };
        if (std::none_of(base.warnings.begin(), base.warnings.end(), same))
            notes.push_back("Check this input: " + warning_text(w));
    }
    return notes;
}

std::vector<std::string> method_notes(const ResultsDocument& r) {
    std::vector<std::string> notes;
    if (const auto& c = r.convergence) {
        notes.push_back(std::string(c->met ? "Paths were added until every headline statistic's 95 % interval was within "
                                           : "The precision target was not met within the path cap: 95 % intervals within ") +
                        percent(c->target, 1) + " of the value" + (c->met ? "." : " were asked for."));
    }
    if (r.sensitivity_notes) notes.insert(notes.end(), r.sensitivity_notes->begin(), r.sensitivity_notes->end());
    if (r.streaming) notes.push_back(r.streaming->note);
    if (r.convergence) notes.insert(notes.end(), r.convergence->notes.begin(), r.convergence->notes.end());
    // Valid values that look like a slip (a rate written as a percentage): the
    // run used them as written; the reader should know what was queried.
    for (const auto& w : r.warnings) notes.push_back("Check this input: " + warning_text(w));
    if (r.variants)
        for (const auto& v : *r.variants)
            for (auto line : variant_warning_notes(r, v)) {
                line[0] = 'c';  // "What if "x": check this input: …"
                notes.push_back("What if \"" + v.name + "\": " + line);
            }
    return notes;
}

}  // namespace app

#include "app/sweep.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "app/format.hpp"
#include "models/scenario_edit.hpp"
#include "sim/distribution.hpp"

namespace app {

using Json = nlohmann::ordered_json;

namespace {

std::optional<double> number(std::string_view text) {
    double x = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), x);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(x)) return std::nullopt;
    return x;
}

std::string shown(double x) { return sim::format_number(x); }

// A time-to-event percentile (payback, overtake): null there means "not
// reached within the run", which ranks above every month.
bool is_time_percentile(const std::string& stat) {
    const auto dot = stat.rfind('.');
    if (dot == std::string::npos || dot + 1 >= stat.size() || stat[dot + 1] != 'p') return false;
    const std::string parent = stat.substr(0, dot);
    for (const char* end : {"payback_months", "overtake_month"}) {
        const std::string e = end;
        if (parent.size() >= e.size() && parent.compare(parent.size() - e.size(), e.size(), e) == 0) return true;
    }
    return false;
}

// Wilson's 95 % interval of a share p of n paths.
std::array<double, 2> wilson(double p, double n) {
    constexpr double z = 1.959963984540054;
    const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::optional<std::array<double, 2>> band_of(const Json& results, const std::string& stat, double value) {
    if (!std::isfinite(value)) return std::nullopt;
    const auto dot = stat.rfind('.');
    const std::string leaf = dot == std::string::npos ? stat : stat.substr(dot + 1);
    const std::string parent = dot == std::string::npos ? "" : stat.substr(0, dot);
    if (leaf == "mean" && !parent.empty()) {
        const auto ci = models::find_path(results, parent + ".mean_ci95");
        if (ci.value && ci.value->is_array() && ci.value->size() == 2 && (*ci.value)[0].is_number() &&
            (*ci.value)[1].is_number())
            return std::array{(*ci.value)[0].get<double>(), (*ci.value)[1].get<double>()};
        return std::nullopt;
    }
    const bool share = leaf.rfind("prob_", 0) == 0 || leaf == "share_reached" || leaf == "undefined" ||
                       parent.find(".prob_within") != std::string::npos ||
                       (parent.size() >= 4 && parent.compare(parent.size() - 4, 4, ".cdf") == 0);
    const auto paths = results.find("paths");
    if (share && paths != results.end() && paths->is_number() && paths->get<double>() > 0 && value >= 0 && value <= 1)
        return wilson(value, paths->get<double>());
    return std::nullopt;
}

}  // namespace

Vary parse_vary(std::string_view argument) {
    const auto eq = argument.find('=');
    const std::string usage = "expected PATH=FROM:TO[:POINTS], e.g. options.custom.adoption.ceiling=0.6:0.9:7, got \"" +
                              std::string(argument) + "\"";
    if (eq == std::string_view::npos || eq == 0) throw BadArgument("--vary", usage);
    Vary v{std::string(argument.substr(0, eq)), 0, 0, std::nullopt};
    std::vector<std::string_view> parts;
    std::string_view rest = argument.substr(eq + 1);
    for (std::size_t colon; (colon = rest.find(':')) != std::string_view::npos; rest.remove_prefix(colon + 1))
        parts.push_back(rest.substr(0, colon));
    parts.push_back(rest);
    if (parts.size() < 2 || parts.size() > 3) throw BadArgument("--vary", usage);
    const auto from = number(parts[0]), to = number(parts[1]);
    if (!from || !to) throw BadArgument("--vary", usage);
    if (*from == *to) throw BadArgument("--vary", "FROM and TO are equal (" + shown(*from) + "); give a range");
    v.from = *from;
    v.to = *to;
    if (parts.size() == 3) {
        int points = 0;
        const auto [end, error] = std::from_chars(parts[2].data(), parts[2].data() + parts[2].size(), points);
        if (error != std::errc{} || end != parts[2].data() + parts[2].size() || points < 2 || points > 1001)
            throw BadArgument("--vary", "POINTS must be a whole number from 2 to 1001, got \"" + std::string(parts[2]) + "\"");
        v.points = points;
    }
    return v;
}

Target parse_target(std::string_view argument) {
    const auto eq = argument.rfind('=');
    if (eq == std::string_view::npos || eq == 0)
        throw BadArgument("--target", "expected STAT=VALUE, e.g. options.custom.payback_months.p50=14, got \"" +
                                          std::string(argument) + "\"");
    const auto value = number(argument.substr(eq + 1));
    if (!value)
        throw BadArgument("--target", "VALUE must be a finite number, got \"" + std::string(argument.substr(eq + 1)) + "\"");
    return {std::string(argument.substr(0, eq)), *value};
}

std::vector<double> sweep_values(const Vary& vary) {
    const int n = vary.points.value_or(11);
    std::vector<double> values;
    for (int i = 0; i < n; ++i)
        values.push_back(i + 1 == n ? vary.to : vary.from + (vary.to - vary.from) * i / (n - 1));
    return values;
}

double stat_value(const Json& results, const std::string& stat, const char* flag) {
    const auto found = models::find_path(results, stat);
    if (!found.value) throw BadArgument(flag, stat + ": " + found.error);
    if (found.value->is_null()) return std::numeric_limits<double>::quiet_NaN();
    if (!found.value->is_number())
        throw BadArgument(flag, stat + ": not a number but " + std::string(found.value->type_name()) +
                                    "; name one of its numbers, e.g. " + stat + "." +
                                    (found.value->is_object() && !found.value->empty() ? found.value->begin().key()
                                                                                       : std::string("p50")));
    return found.value->get<double>();
}

SweepResult sweep(const Vary& vary, const std::vector<std::string>& stats, const Evaluate& evaluate) {
    SweepResult r{vary.path, {}, sweep_values(vary), stats, {}, {}};
    r.series.assign(stats.size(), {});
    r.bands.assign(stats.size(), {});
    for (double x : r.values) {
        const Json results = evaluate(x);
        r.currency = results.value("currency", "");
        for (std::size_t k = 0; k < stats.size(); ++k) {
            const double value = stat_value(results, stats[k], "--stat");
            r.series[k].push_back(value);
            r.bands[k].push_back(band_of(results, stats[k], value));
        }
    }
    return r;
}

SolveResult solve(const Vary& vary, const Target& target, double tolerance, const Evaluate& evaluate) {
    SolveResult r;
    r.path = vary.path;
    r.stat = target.stat;
    r.target = target.value;
    r.from = vary.from;
    r.to = vary.to;
    r.tolerance = tolerance;
    const bool time = is_time_percentile(target.stat);
    const auto at = [&](double x) {
        const Json results = evaluate(x);
        r.currency = results.value("currency", "");
        double value = stat_value(results, target.stat, "--target");
        if (std::isnan(value)) {
            if (!time) throw BadArgument("--target", target.stat + " is undefined (null) at " + vary.path + " = " + shown(x));
            value = std::numeric_limits<double>::infinity();
        }
        r.evaluations.push_back({x, value});
        return value;
    };
    double low = vary.from, high = vary.to;
    double f_low = at(low) - target.value, f_high = at(high) - target.value;
    r.at_from = f_low + target.value;
    r.at_to = f_high + target.value;
    r.bracketed = f_low == 0 || f_high == 0 || (f_low < 0) != (f_high < 0);
    if (!r.bracketed) return r;
    while (std::abs(high - low) > tolerance) {
        const double mid = low + (high - low) / 2;
        const double f_mid = at(mid) - target.value;
        if (f_mid == 0) {
            low = high = mid;
            break;
        }
        if ((f_mid < 0) == (f_low < 0)) low = mid, f_low = f_mid;
        else high = mid, f_high = f_mid;
    }
    r.value = low + (high - low) / 2;
    r.achieved = at(r.value);
    return r;
}

StatKind stat_kind(const std::string& stat) {
    const auto segments = models::path_segments(stat);
    const std::string& leaf = segments.back();
    const std::string parent = segments.size() > 1 ? segments[segments.size() - 2] : "";
    if (leaf.rfind("prob_", 0) == 0 || leaf == "share_reached" || leaf == "undefined" || parent == "prob_within" ||
        parent == "cdf")
        return StatKind::share;
    for (const auto& s : segments) {
        if (s == "roi" || s == "roi_hard") return StatKind::share;
        if (s == "payback_months" || s == "discounted_payback_months" || s == "overtake_month") return StatKind::months;
        if (s == "npv" || s == "npv_hard" || s == "benefits" || s == "costs" || s == "net" || s == "discounted_net" ||
            s == "npv_difference" || s == "breakdown" || s == "cumulative_cash_flow" || s == "evpi")
            return StatKind::money;
    }
    return StatKind::number;
}

std::string show_stat(double value, StatKind kind, const std::string& currency) {
    if (std::isnan(value)) return "n/a";
    switch (kind) {
        case StatKind::money: return money(value, currency);
        case StatKind::share: return percent(value, 1);
        case StatKind::months: return months(value);
        case StatKind::number: break;
    }
    if (std::abs(value) >= 1000) return grouped(static_cast<unsigned long long>(std::llround(std::abs(value)))).insert(0, value < 0 ? "-" : "");
    return shown(std::round(value * 1e4) / 1e4);
}

namespace {
Json number_or_null(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }
}  // namespace

Json to_json(const SweepResult& r) {
    Json stats = Json::object(), bands = Json::object();
    for (std::size_t k = 0; k < r.stats.size(); ++k) {
        Json series = Json::array(), band = Json::array();
        for (double v : r.series[k]) series.push_back(number_or_null(v));
        for (const auto& b : r.bands[k]) band.push_back(b ? Json{(*b)[0], (*b)[1]} : Json(nullptr));
        stats[r.stats[k]] = series;
        bands[r.stats[k]] = band;
    }
    return {{"sweep", {{"path", r.path}, {"values", r.values}, {"stats", stats}, {"ci95", bands}}}};
}

Json to_json(const SolveResult& r) {
    Json evaluations = Json::array();
    for (const auto& [x, y] : r.evaluations) evaluations.push_back({x, number_or_null(y)});
    Json out = {{"path", r.path}, {"stat", r.stat}, {"target", r.target}};
    if (r.bracketed) {
        out["value"] = r.value;
        out["achieved"] = number_or_null(r.achieved);
    }
    out["evaluations"] = evaluations;
    out["range"] = {r.from, r.to};
    out["tolerance"] = r.tolerance;
    out["bracketed"] = r.bracketed;
    out["sentence"] = solve_sentence(r);
    return {{"solve", out}};
}

std::string solve_sentence(const SolveResult& r) {
    const auto value = [](double x) { return std::isinf(x) ? std::string("not reached") : shown(std::round(x * 1e4) / 1e4); };
    if (!r.bracketed)
        return r.stat + " does not reach " + value(r.target) + " for " + r.path + " between " + value(r.from) + " and " +
               value(r.to) + ": it is " + value(r.at_from) + " at " + value(r.from) + " and " + value(r.at_to) + " at " +
               value(r.to) + ".";
    // Which side of the answer is above the target, from the ends' values.
    const bool rises = r.at_to > r.at_from;
    const double lo = std::min(r.from, r.to), hi = std::max(r.from, r.to);
    const bool above_on_high_side = rises == (r.to > r.from);
    return r.stat + " equals " + value(r.target) + " when " + r.path + " is " + value(r.value) + " (within " +
           value(r.tolerance) + "; " + value(r.achieved) + " there). Between " + value(lo) + " and " + value(hi) +
           ", it is above " + value(r.target) + " for values " + (above_on_high_side ? "above " : "below ") +
           value(r.value) + " and below it for values " + (above_on_high_side ? "below." : "above.");
}

}  // namespace app

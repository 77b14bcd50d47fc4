#include "models/scenario_loader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <set>
#include <sstream>

#include "models/did_you_mean.hpp"
#include "models/json_text.hpp"
#include "models/scenario_fields.hpp"
#include "models/variants.hpp"
#include "sim/distribution.hpp"

namespace models {

using Json = nlohmann::ordered_json;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

using fields::Kind;
using fields::Range;
using fields::largest;
using fields::max_month;

std::string describe_range(const Range& r) {
    const std::string cap = "10^15";  // fields::largest
    if (r.high == inf) return std::string(r.low_open ? "> " : ">= ") + sim::format_number(r.low);
    if (r.high == largest && r.low == -largest) return "at most " + cap + " in magnitude";
    if (r.high == largest) return std::string(r.low_open ? "> " : ">= ") + sim::format_number(r.low) + " and at most " + cap;
    return std::string(r.low_open ? "in (" : "in [") + sim::format_number(r.low) + ", " +
           sim::format_number(r.high) + "]";
}

// A share or a yearly rate (a range ending at 1 or 10) written as a
// percentage, "5" for 5 %: the value the user most likely meant, as a hint
// after the error.
std::string percent_hint(double x, const Range& r) {
    if (!(r.high > 0 && r.high <= 10 && x > r.high && x <= 100)) return "";
    return "; shares and rates are written as fractions (0.05 = 5 %): did you mean " + sim::format_number(x / 100) + " (" +
           sim::format_number(x) + " %)?";
}

std::string type_name(const Json& j) { return json_type_name(j); }
std::string shown(const Json& j) { return json_excerpt(j); }

std::string join(const std::string& address, const std::string& key) {
    return address.empty() ? key : address + "." + key;
}

class Loader {
public:
    Scenario load(const Json& doc) {
        if (!doc.is_object()) {
            issue("", "a scenario is a JSON object, got " + type_name(doc));
            throw ScenarioError(issues_);
        }
        object_keys(doc, "", "scenario");
        s_.name = text(doc, "name", "", Kind::line).value_or("");
        s_.currency = text(doc, "currency", "", Kind::currency).value_or("EUR");
        notes(doc);
        horizons(doc);
        s_.discount_rate = plain_number(doc, "discount_rate", "", range_of("scenario", "discount_rate"))
                              .value_or(*fields::field("scenario", "discount_rate").default_value);
        simulation(doc);
        payback_reference(doc);
        baseline(doc.contains("baseline") ? &doc["baseline"] : nullptr);
        options(doc);
        correlations(doc);
        variants(doc);
        if (!issues_.empty()) throw ScenarioError(issues_);
        // Each variant's document must be a valid scenario too; its errors name it.
        for (const Variant& v : s_.variants) try {
                variant_scenario(doc, &v, {});
            } catch (const ScenarioError& e) {
                issues_.insert(issues_.end(), e.issues().begin(), e.issues().end());
            }
        if (!issues_.empty()) throw ScenarioError(issues_);
        return std::move(s_);
    }

private:
    void issue(std::string address, std::string message) {
        issues_.push_back({std::move(address), std::move(message)});
    }

    // Unknown fields, each with the nearest known one as a suggestion.
    // Unknown keys, told from the table of fields (or a distribution kind's parameters).
    // The keys of an object type of the table (models/scenario_fields.hpp).
    void object_keys(const Json& obj, const std::string& address, const char* object) {
        keys(obj, address, fields::field_names(object));
    }
    void keys(const Json& obj, const std::string& address, const std::vector<std::string>& allowed) {
        for (const auto& item : obj.items()) {
            const std::string& key = item.key();
            if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
            std::string message = "unknown field" + did_you_mean(key, allowed);
            if (message == "unknown field") {
                message += "; known fields:";
                for (const auto& a : allowed) message.append(" ").append(a);
            }
            issue(join(address, key), message);
        }
    }

    bool object(const Json& j, const std::string& address) {
        if (j.is_object()) return true;
        issue(address, "expected an object, got " + type_name(j) + " " + shown(j));
        return false;
    }

    // A string; one that reports show (a line, text or currency) also fit for them (fields::text_problem).
    std::optional<std::string> text(const Json& obj, const char* key, const std::string& address, Kind kind) {
        if (!obj.contains(key)) return std::nullopt;
        const Json& j = obj[key];
        if (!j.is_string()) {
            issue(join(address, key), "expected a string, got " + type_name(j) + " " + shown(j));
            return std::nullopt;
        }
        std::string value = j.get<std::string>();
        if (kind == Kind::choice) return value;
        if (const std::string problem = fields::text_problem(value, kind); !problem.empty()) {
            issue(join(address, key), problem);
            return std::nullopt;
        }
        return value;
    }

    std::optional<bool> flag(const Json& obj, const char* key, const std::string& address) {
        if (!obj.contains(key)) return std::nullopt;
        const Json& j = obj[key];
        if (j.is_boolean()) return j.get<bool>();
        issue(join(address, key), "expected true or false, got " + type_name(j) + " " + shown(j));
        return std::nullopt;
    }

    // A finite number checked against a range.
    std::optional<double> plain_number(const Json& obj, const char* key, const std::string& address,
                                       Range range) {
        if (!obj.contains(key)) return std::nullopt;
        const Json& j = obj[key];
        const std::string where = join(address, key);
        if (!j.is_number()) {
            issue(where, "expected a number, got " + type_name(j) + " " + shown(j));
            return std::nullopt;
        }
        const double x = j.get<double>();
        if (!in_range(x, x, range)) {
            issue(where, "must be " + describe_range(range) + ", got " + sim::format_number(x) + percent_hint(x, range));
            return std::nullopt;
        }
        return x;
    }

    std::optional<std::int64_t> integer(const Json& obj, const char* key, const std::string& address,
                                        std::int64_t low, std::int64_t high) {
        if (!obj.contains(key)) return std::nullopt;
        const Json& j = obj[key];
        const std::string where = join(address, key);
        if (!j.is_number_integer() && !(j.is_number_float() && std::trunc(j.get<double>()) == j.get<double>() &&
                                        std::abs(j.get<double>()) < 9e15)) {
            issue(where, "expected a whole number, got " + type_name(j) + " " + shown(j));
            return std::nullopt;
        }
        const auto v = j.is_number_unsigned() && j.get<std::uint64_t>() > static_cast<std::uint64_t>(high)
                           ? high + 1
                           : (j.is_number_float() ? static_cast<std::int64_t>(j.get<double>()) : j.get<std::int64_t>());
        if (v < low || v > high) {
            issue(where, "must be from " + sim::format_whole(low) + " to " + sim::format_whole(high) +
                             ", got " + shown(j));
            return std::nullopt;
        }
        return v;
    }

    static bool in_range(double lo, double hi, const Range& r) {
        const bool low_ok = r.low_open ? lo > r.low : lo >= r.low;
        return low_ok && hi <= r.high;
    }

    // ---- numeric inputs: a number, {"value": x}, or a distribution ----

    InputId input(const Json* parent, const char* key, const std::string& address, Range range,
                  std::optional<double> fallback) {
        const std::string where = join(address, key);
        if (!parent || !parent->is_object() || !parent->contains(key)) {
            if (!fallback) issue(where, "missing required field");
            return s_.inputs.add_default(where, fallback.value_or(0.0));
        }
        const Json& j = (*parent)[key];
        std::string source, label;
        std::optional<sim::Distribution> d;
        if (j.is_number()) {
            d = constant(j.get<double>(), where);
        } else if (j.is_object() && j.contains("dist")) {
            Json parameters = j;  // a label is not a parameter
            parameters.erase("label");
            d = distribution(parameters, where);
            source = text(j, "source", where, Kind::text).value_or("");
            label = text(j, "label", where, Kind::line).value_or("");
        } else if (j.is_object() && j.contains("value")) {
            keys(j, where, {"value", "source", "label"});
            source = text(j, "source", where, Kind::text).value_or("");
            label = text(j, "label", where, Kind::line).value_or("");
            if (!j["value"].is_number())
                issue(join(where, "value"), "expected a number, got " + type_name(j["value"]) + " " + shown(j["value"]));
            else
                d = constant(j["value"].get<double>(), where);
        } else if (j.is_object()) {
            std::string kinds;
            for (const auto& k : fields::distribution_kind_names()) kinds += (kinds.empty() ? "" : ", ") + k;
            issue(where, "a distribution needs \"dist\" (" + kinds + "), or give {\"value\": number}");
        } else {
            issue(where, "expected a number or a distribution, got " + type_name(j) + " " + shown(j));
        }
        if (!d) return s_.inputs.add_default(where, fallback.value_or(0.0));
        // Its extreme quantiles, mean and draws must be computable: extreme
        // parameters can make the numerical library give up.
        try {
            sim::quantile(*d, 0x1p-54), sim::quantile(*d, 0.5), sim::quantile(*d, 1.0 - 0x1p-53), sim::mean(*d);
        } catch (const std::exception& e) {
            issue(where, sim::describe(*d) + " cannot be evaluated with these parameters (" + e.what() + ")");
            return s_.inputs.add_default(where, fallback.value_or(std::max(range.low, 0.0)));
        }
        sim::Support sup = sim::support(*d);
        // Against the magnitude cap an unbounded tail counts by its most
        // extreme possible draw (u = 2^-54 or 1 − 2^-53), which is finite;
        // against a real bound (a share in [0, 1], a cost >= 0) by its support.
        if (std::isinf(sup.high) && range.high == largest) sup.high = sim::quantile(*d, 1.0 - 0x1p-53);
        if (std::isinf(sup.low) && range.low == -largest) sup.low = sim::quantile(*d, 0x1p-54);
        if (!in_range(sup.low, sup.high, range)) {
            const bool constant_value = sim::is_constant(*d);
            const double bad = !(range.low_open ? sup.low > range.low : sup.low >= range.low) ? sup.low : sup.high;
            if (constant_value)
                issue(where, "must be " + describe_range(range) + ", got " + sim::format_number(bad) +
                                 percent_hint(bad, range));
            else
                issue(where, "must be " + describe_range(range) + ", but " + sim::describe(*d) +
                                 " reaches " + sim::format_number(bad) +
                                 (std::isinf(bad) ? " (give it min and max, or pick a bounded distribution)" : ""));
            return s_.inputs.add_default(where, fallback.value_or(std::max(range.low, 0.0)));
        }
        return s_.inputs.add(where, std::move(*d), std::move(source), std::move(label));
    }

    static Range range_of(const char* object, const char* key) { return *fields::field(object, key).range; }

    // An input described by the table: its range, and its default when absent
    // (none for a required field).
    InputId table_input(const Json* parent, const char* object, const char* key, const std::string& address) {
        const fields::Field& f = fields::field(object, key);
        return input(parent, key, address, *f.range, f.required ? std::nullopt : f.default_value);
    }

    std::optional<sim::Distribution> constant(double x, const std::string& where) {
        if (!std::isfinite(x)) {
            issue(where, "expected a finite number, got " + sim::format_number(x));
            return std::nullopt;
        }
        return sim::Constant(x);
    }

    // Bounds on a right-skewed kind make it a truncated one; without them the
    // kind stays as it was, so v1 scenarios draw exactly the same numbers.
    template <class Base>
    static sim::Distribution truncated(Base base, std::optional<double> lower, std::optional<double> upper) {
        if (!lower && !upper) return base;
        return sim::Truncated<Base>(std::move(base), lower, upper);
    }

    std::optional<sim::Distribution> distribution(const Json& j, const std::string& where) {
        const Json& kind_json = j["dist"];
        if (!kind_json.is_string()) {
            issue(join(where, "dist"), "expected a string, got " + type_name(kind_json) + " " + shown(kind_json));
            return std::nullopt;
        }
        const std::string kind = kind_json.get<std::string>();
        const fields::DistributionKind* known = fields::distribution_kind(kind);
        if (!known) {
            const auto kinds = fields::distribution_kind_names();
            std::string list;
            for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + k;
            const std::string hint = did_you_mean(kind, kinds);
            issue(join(where, "dist"), "unknown distribution \"" + kind + "\"" + (hint.empty() ? "; known: " + list : hint));
            return std::nullopt;
        }
        keys(j, where, fields::distribution_keys(*known));
        const std::size_t before = issues_.size();
        const auto param = [&](const char* name) -> std::optional<double> {
            if (!j.contains(name)) return std::nullopt;
            const Json& v = j[name];
            if (!v.is_number()) {
                issue(join(where, name), "expected a number, got " + type_name(v) + " " + shown(v));
                return std::nullopt;
            }
            return v.get<double>();
        };
        const auto need = [&](const char* name) -> double {
            const auto v = param(name);
            if (!v && !j.contains(name)) issue(join(where, name), kind + " needs " + name);
            return v.value_or(NAN);
        };
        const auto build = [&](auto make) -> std::optional<sim::Distribution> {
            if (issues_.size() != before) return std::nullopt;
            try {
                return sim::Distribution(make());
            } catch (const sim::InvalidParameter& e) {
                issue(where, e.what());
                return std::nullopt;
            } catch (const std::exception& e) {  // a numerical library giving up on extreme parameters
                issue(where, kind + " cannot be evaluated with these parameters (" + e.what() + ")");
                return std::nullopt;
            }
        };
        if (kind == "pert") {
            const double lo = need("min"), mode = need("mode"), hi = need("max");
            const double lambda = param("lambda").value_or(4.0);
            return build([&] { return sim::Pert(lo, mode, hi, lambda); });
        }
        if (kind == "triangular") {
            const double lo = need("min"), mode = need("mode"), hi = need("max");
            return build([&] { return sim::Triangular(lo, mode, hi); });
        }
        if (kind == "uniform") {
            const double lo = need("min"), hi = need("max");
            return build([&] { return sim::Uniform(lo, hi); });
        }
        if (kind == "normal") {
            const auto lower = param("min"), upper = param("max");
            const bool moments = j.contains("mean") || j.contains("sd");
            const bool percentiles = j.contains("p5") || j.contains("p95");
            if (moments && percentiles) {
                issue(where, "normal takes either mean and sd, or p5 and p95, not both");
                return std::nullopt;
            }
            if (percentiles) {
                const double p5 = need("p5"), p95 = need("p95");
                return build([&] { return sim::Normal::from_percentiles(p5, p95, lower, upper); });
            }
            const double mean = need("mean"), sd = need("sd");
            return build([&] { return sim::Normal(mean, sd, lower, upper); });
        }
        if (kind == "lognormal") {
            const auto lower = param("min"), upper = param("max");
            const int forms = (j.contains("median") || j.contains("p90")) +
                              (j.contains("mean") || j.contains("sd")) + (j.contains("p5") || j.contains("p95"));
            if (forms != 1) {
                issue(where, "lognormal takes exactly one of: median and p90; mean and sd; p5 and p95");
                return std::nullopt;
            }
            if (j.contains("median") || j.contains("p90")) {
                const double median = need("median"), p90 = need("p90");
                return build([&] { return truncated(sim::Lognormal::from_median_p90(median, p90), lower, upper); });
            }
            if (j.contains("mean") || j.contains("sd")) {
                const double mean = need("mean"), sd = need("sd");
                return build([&] { return truncated(sim::Lognormal::from_mean_sd(mean, sd), lower, upper); });
            }
            const double p5 = need("p5"), p95 = need("p95");
            return build([&] { return truncated(sim::Lognormal::from_percentiles(p5, p95), lower, upper); });
        }
        if (kind == "beta") {
            const double a = need("alpha"), b = need("beta");
            const double lo = param("min").value_or(0.0), hi = param("max").value_or(1.0);
            return build([&] { return sim::Beta(a, b, lo, hi); });
        }
        if (kind == "gamma") {
            const auto lower = param("min"), upper = param("max");
            const double k = need("shape"), theta = need("scale");
            return build([&] { return truncated(sim::Gamma(k, theta), lower, upper); });
        }
        if (kind == "bernoulli") {
            const double p = need("p");
            return build([&] { return sim::Bernoulli(p); });
        }
        if (kind == "discrete") {
            const auto numbers = [&](const char* name) {
                std::vector<double> out;
                if (!j.contains(name)) {
                    issue(join(where, name), "discrete needs " + std::string(name));
                    return out;
                }
                const Json& a = j[name];
                if (!a.is_array()) {
                    issue(join(where, name), "expected an array of numbers, got " + type_name(a) + " " + shown(a));
                    return out;
                }
                for (std::size_t i = 0; i < a.size(); ++i) {
                    if (a[i].is_number()) out.push_back(a[i].get<double>());
                    else issue(join(where, name) + "[" + std::to_string(i) + "]",
                               "expected a number, got " + type_name(a[i]) + " " + shown(a[i]));
                }
                return out;
            };
            auto values = numbers("values");
            auto weights = j.contains("weights") ? numbers("weights") : std::vector<double>(values.size(), 1.0);
            return build([&] { return sim::Discrete(values, weights); });
        }
        throw std::logic_error("distribution kind " + kind + " is in the table but not built");
    }

    // ---- top level ----

    void notes(const Json& doc) {
        if (!doc.contains("notes")) return;
        const Json& n = doc["notes"];
        const auto note = [&](const Json& x, const std::string& at) {
            if (const std::string problem = fields::text_problem(x.get<std::string>(), Kind::text); !problem.empty())
                issue(at, problem);
            else
                s_.notes.push_back(x.get<std::string>());
        };
        if (n.is_string()) note(n, "notes");
        else if (n.is_array() && std::all_of(n.begin(), n.end(), [](const Json& x) { return x.is_string(); }))
            for (std::size_t i = 0; i < n.size(); ++i) note(n[i], "notes[" + std::to_string(i) + "]");
        else issue("notes", "expected a string or an array of strings, got " + type_name(n));
    }

    void horizons(const Json& doc) {
        if (!doc.contains("horizons")) {
            s_.horizons = {{"short", 12}, {"medium", 36}, {"long", 60}};
            return;
        }
        const Json& h = doc["horizons"];
        if (!object(h, "horizons")) return;
        if (h.empty()) issue("horizons", "needs at least one horizon, e.g. {\"long\": 60}");
        std::set<int> seen;
        for (const auto& [name, value] : h.items()) {
            if (!valid_name(name, "horizons." + name)) continue;
            const auto months = integer(h, name.c_str(), "horizons", 1, max_month);
            if (!months) continue;
            if (!seen.insert(static_cast<int>(*months)).second)
                issue("horizons." + name, "another horizon already has " + std::to_string(*months) + " months");
            s_.horizons.push_back({name, static_cast<int>(*months)});
        }
        std::stable_sort(s_.horizons.begin(), s_.horizons.end(),
                         [](const Horizon& a, const Horizon& b) { return a.months < b.months; });
        if (s_.horizons.empty()) s_.horizons = {{"long", 60}};  // keeps later checks meaningful
    }

    void simulation(const Json& doc) {
        if (!doc.contains("simulation")) return;
        const Json& sim = doc["simulation"];
        if (!object(sim, "simulation")) return;
        object_keys(sim, "simulation", "simulation");
        if (auto p = integer(sim, "paths", "simulation", 1, 1'000'000'000)) s_.simulation.paths = static_cast<std::uint64_t>(*p);
        if (auto seed = integer(sim, "seed", "simulation", 0, std::numeric_limits<std::int64_t>::max()))
            s_.simulation.seed = static_cast<std::uint64_t>(*seed);
        if (auto name = text(sim, "sampling", "simulation", Kind::choice)) {
            if (auto s = sim::parse_sampling(*name)) s_.simulation.sampling = *s;
            else issue("simulation.sampling", "unknown sampling \"" + *name + "\"; known: mc, lhs, sobol");
        }
    }

    void payback_reference(const Json& doc) {
        if (!doc.contains("payback_reference_months")) return;
        const Json& r = doc["payback_reference_months"];
        if (r.is_array() && r.size() == 2 && r[0].is_number() && r[1].is_number() &&
            r[0].get<double>() >= 0 && r[0].get<double>() <= r[1].get<double>())
            s_.payback_reference = std::pair{r[0].get<double>(), r[1].get<double>()};
        else
            issue("payback_reference_months", "expected [low, high] months with 0 <= low <= high, got " + shown(r));
    }

    void baseline(const Json* b) {
        const std::string at = "baseline";
        if (b && !object(*b, at)) b = nullptr;
        if (b)
            object_keys(*b, at, "baseline");
        // Absent baseline figures are 0, so a business case given only as
        // money lines needs none of them.
        auto& x = s_.baseline;
        x.users = table_input(b, "baseline", "users", at);
        x.loaded_cost_per_user_month = table_input(b, "baseline", "loaded_cost_per_user_month", at);
        x.leads_per_month = table_input(b, "baseline", "leads_per_month", at);
        x.conversion_rate = table_input(b, "baseline", "conversion_rate", at);
        x.revenue_per_customer_month = table_input(b, "baseline", "revenue_per_customer_month", at);
        x.gross_margin = table_input(b, "baseline", "gross_margin", at);
        x.customers = table_input(b, "baseline", "customers", at);
        x.monthly_churn = table_input(b, "baseline", "monthly_churn", at);
        x.sales_cycle_months = table_input(b, "baseline", "sales_cycle_months", at);
    }

    // Names of options, lines, risks, savings and horizons: a letter, then
    // letters, digits, '_' or '-', so they work as keys, file names and in addresses.
    bool valid_name(const std::string& name, const std::string& at) {
        const bool ok = !name.empty() && std::isalpha(static_cast<unsigned char>(name[0])) && name.size() <= 64 &&
                        std::all_of(name.begin(), name.end(), [](char c) {
                            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
                        });
        if (!ok)
            issue(at, "a name must start with a letter and hold only letters, digits, '_' or '-' (at most 64), got " +
                          shown(Json(name)));
        return ok;
    }

    // The optional "label" and "source" of an option, line, risk or saving.
    Description description(const Json& j, const std::string& at) {
        return {text(j, "label", at, Kind::line).value_or(""), text(j, "source", at, Kind::text).value_or("")};
    }

    // Whether a line stopped by `until` can run at all after its start. Only
    // what holds on every path is an error: go-live is drawn per path, so a
    // line from month 3 until go-live runs when go-live comes later, and a
    // line from go-live until month 12 when it comes earlier.
    static bool until_after_from(const Start& from, const Stop& until) {
        if (until.kind == Stop::Kind::go_live) return from.kind != Start::Kind::go_live;
        if (from.kind == Start::Kind::month) return until.month >= from.month;
        return true;
    }

    // "rollout": [{"month": m, "share": s}, …], months >= 0 and shares in
    // (0, 1], both strictly increasing.
    void rollout(const Json& o, const std::string& option_at, Option& opt) {
        if (!o.contains("rollout")) return;
        const std::string at = option_at + ".rollout";
        const Json& list = o["rollout"];
        if (!list.is_array() || list.empty()) {
            issue(at, "expected an array of stages, e.g. [{\"month\": 0, \"share\": 0.25}, {\"month\": 6, \"share\": 1}], "
                      "got " + shown(list));
            return;
        }
        std::vector<Stage> stages;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string sat = at + "[" + std::to_string(i) + "]";
            const Json& st = list[i];
            if (!object(st, sat)) return;
            object_keys(st, sat, "stage");
            const auto month = plain_number(st, "month", sat, range_of("stage", "month"));
            const auto share = plain_number(st, "share", sat, range_of("stage", "share"));
            if (!st.contains("month")) issue(sat + ".month", "missing required field (months after go-live)");
            if (!st.contains("share")) issue(sat + ".share", "missing required field (cumulative share of the users)");
            if (!month || !share) return;
            if (!stages.empty() && !(*month > stages.back().month))
                issue(sat + ".month", "stages must start in increasing months, got " + sim::format_number(*month) +
                                          " after " + sim::format_number(stages.back().month));
            if (!stages.empty() && !(*share > stages.back().share))
                issue(sat + ".share", "shares are cumulative and must increase, got " + sim::format_number(*share) +
                                          " after " + sim::format_number(stages.back().share));
            stages.push_back({*month, *share});
        }
        opt.rollout = std::move(stages);
    }

    void options(const Json& doc) {
        if (!doc.contains("options")) {
            issue("options", "missing required field: at least one CRM option");
            return;
        }
        const Json& opts = doc["options"];
        if (!object(opts, "options")) return;
        if (opts.empty()) issue("options", "needs at least one option");
        // Every pair of options is compared path by path: 20 options are 190 pairs.
        if (opts.size() > fields::max_options)
            issue("options", "at most " + std::to_string(fields::max_options) + " options (every pair is compared), got " +
                                 sim::format_whole(std::uint64_t{opts.size()}));
        for (const auto& [name, o] : opts.items()) {
            if (!valid_name(name, "options." + name)) continue;
            if (name.find("_vs_") != std::string::npos) {
                issue("options." + name, "an option name may not contain \"_vs_\" (it separates the two options of a "
                                         "comparison, e.g. custom_vs_standard)");
                continue;
            }
            option(name, o);
        }
    }

    Timing timing(const Json& line, const std::string& at, Timing fallback) {
        if (!line.contains("timing")) return fallback;
        const Json& t = line["timing"];
        if (t == "implementation") return {Timing::Kind::implementation, 0};
        if (t == "go_live") return {Timing::Kind::go_live, 0};
        if (t.is_object() && t.contains("month")) {
            keys(t, at + ".timing", {"month"});
            const auto m = integer(t, "month", at + ".timing", 0, max_month);
            return {Timing::Kind::month, static_cast<int>(m.value_or(0))};
        }
        issue(at + ".timing", "expected \"implementation\", \"go_live\" or {\"month\": k}, got " + shown(t));
        return fallback;
    }

    std::optional<Unit> unit_of(const Json& line, const std::string& at) {
        static const std::pair<const char*, Unit> units[] = {
            {"once", Unit::once},
            {"per_user_once", Unit::per_user_once},
            {"per_month", Unit::per_month},
            {"per_user_month", Unit::per_user_month},
            {"per_year", Unit::per_year},
            {"per_user_year", Unit::per_user_year},
            {"build_fraction_per_year", Unit::build_fraction_per_year}};
        std::vector<std::string> names;
        for (const auto& unit : units) names.emplace_back(unit.first);
        std::string known;
        for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
        if (!line.contains("unit")) {
            issue(at + ".unit", "missing required field (" + known + ")");
            return std::nullopt;
        }
        const Json& u = line["unit"];
        if (u.is_string())
            for (const auto& [name, value] : units)
                if (u == name) return value;
        const std::string hint = u.is_string() ? did_you_mean(u.get<std::string>(), names) : "";
        issue(at + ".unit", "unknown unit " + shown(u) + (hint.empty() ? "; known: " + known : hint));
        return std::nullopt;
    }

    // "contract", "go_live" or {"month": k}, k >= 1.
    std::optional<Start> start_of(const Json& line, const std::string& at) {
        if (!line.contains("from")) return std::nullopt;
        const Json& f = line["from"];
        if (f == "contract") return Start{Start::Kind::contract, 0};
        if (f == "go_live") return Start{Start::Kind::go_live, 0};
        if (f.is_object() && f.contains("month")) {
            keys(f, at + ".from", {"month"});
            if (const auto m = integer(f, "month", at + ".from", 1, max_month))
                return Start{Start::Kind::month, static_cast<int>(*m)};
            return std::nullopt;
        }
        issue(at + ".from", "expected \"contract\", \"go_live\" or {\"month\": k} with k >= 1, got " + shown(f));
        return std::nullopt;
    }

    // "go_live" or {"month": k}, k >= 1.
    std::optional<Stop> stop_of(const Json& line, const std::string& at) {
        if (!line.contains("until")) return std::nullopt;
        const Json& u = line["until"];
        if (u == "go_live") return Stop{Stop::Kind::go_live, 0};
        if (u.is_object() && u.contains("month")) {
            keys(u, at + ".until", {"month"});
            if (const auto m = integer(u, "month", at + ".until", 1, max_month))
                return Stop{Stop::Kind::month, static_cast<int>(*m)};
            return std::nullopt;
        }
        issue(at + ".until", "expected \"go_live\" or {\"month\": k} with k >= 1, got " + shown(u));
        return std::nullopt;
    }

    std::vector<MoneyLine> money_lines(const Json& o, const char* group, const std::string& option_at, bool benefits) {
        std::vector<MoneyLine> lines;
        if (!o.contains(group)) return lines;
        const std::string group_at = option_at + "." + group;
        const Json& g = o[group];
        if (!object(g, group_at)) return lines;
        for (const auto& [name, line] : g.items()) {
            const std::string at = group_at + "." + name;
            if (!object(line, at)) continue;
            if (benefits)
                object_keys(line, at, "benefit_line");
            else
                object_keys(line, at, "cost_line");
            if (!valid_name(name, at)) continue;
            MoneyLine m;
            m.name = name;
            m.about = description(line, at);
            m.amount = table_input(&line, benefits ? "benefit_line" : "cost_line", "amount", at);
            const auto u = unit_of(line, at);
            m.unit = u.value_or(Unit::once);
            if (u && is_recurring(*u) && line.contains("timing"))
                issue(at + ".timing", "a recurring line (" + line["unit"].get<std::string>() +
                                          ") runs \"from\" contract or go_live; timing is for once and per_user_once");
            if (u && !is_recurring(*u) && line.contains("from"))
                issue(at + ".from", "a one-off line is placed by \"timing\"; from is for recurring lines");
            if (u && !is_recurring(*u) && line.contains("until"))
                issue(at + ".until", "a one-off line is placed by \"timing\"; until is for recurring lines");
            if (u && !is_recurring(*u) && line.contains("annual_increase"))
                issue(at + ".annual_increase", "annual_increase applies to recurring lines only");
            m.timing = timing(line, at, {Timing::Kind::implementation, 0});
            m.from = start_of(line, at).value_or(Start{});
            m.until = stop_of(line, at);
            if (m.until && !until_after_from(m.from, *m.until))
                issue(at + ".until", "ends before the line starts (" + shown(line["until"]) + " is not after \"from\" " +
                                         (line.contains("from") ? shown(line["from"]) : std::string("\"go_live\" (the default)")) +
                                         ")");
            m.annual_increase = table_input(&line, benefits ? "benefit_line" : "cost_line", "annual_increase", at);
            if (benefits) {
                m.adoption_scaled = flag(line, "adoption_scaled", at).value_or(false);
                m.soft = flag(line, "soft", at).value_or(false);
            } else {
                const bool default_overrun = !is_recurring(m.unit) && m.timing.kind == Timing::Kind::implementation;
                m.overrun = flag(line, "overrun", at).value_or(default_overrun);
            }
            lines.push_back(std::move(m));
        }
        return lines;
    }

    void option(const std::string& name, const Json& o) {
        const std::string at = "options." + name;
        if (!object(o, at)) return;
        object_keys(o, at, "option");
        Option opt;
        opt.name = name;
        opt.about = description(o, at);
        opt.description = text(o, "description", at, Kind::text).value_or("");
        rollout(o, at, opt);
        const Json* impl = o.contains("implementation") ? &o["implementation"] : nullptr;
        if (!impl) issue(at + ".implementation", "missing required field (needs at least \"months\")");
        else if (!object(*impl, at + ".implementation")) impl = nullptr;
        else object_keys(*impl, at + ".implementation", "implementation");
        opt.implementation_months = input(impl, "months", at + ".implementation", range_of("implementation", "months"),
                                           impl ? std::nullopt : std::optional(1.0));
        opt.overrun = table_input(impl, "implementation", "overrun", at + ".implementation");
        opt.costs = money_lines(o, "costs", at, false);
        opt.benefits = money_lines(o, "benefits", at, true);
        risks(o, at, opt);
        if (o.contains("productivity_dip") && object(o["productivity_dip"], at + ".productivity_dip")) {
            const Json& d = o["productivity_dip"];
            object_keys(d, at + ".productivity_dip", "productivity_dip");
            opt.dip = ProductivityDip{table_input(&d, "productivity_dip", "fraction", at + ".productivity_dip"),
                                      table_input(&d, "productivity_dip", "months", at + ".productivity_dip")};
        }
        adoption(o, at, opt.adoption);
        effects(o, at, opt.effects);
        s_.options.push_back(std::move(opt));
    }

    void risks(const Json& o, const std::string& option_at, Option& opt) {
        if (!o.contains("risks")) return;
        const std::string group_at = option_at + ".risks";
        if (!object(o["risks"], group_at)) return;
        for (const auto& [name, r] : o["risks"].items()) {
            const std::string at = group_at + "." + name;
            if (!object(r, at)) continue;
            object_keys(r, at, "risk");
            if (!valid_name(name, at)) continue;
            Risk risk;
            risk.name = name;
            risk.about = description(r, at);
            risk.probability = table_input(&r, "risk", "probability", at);
            risk.cost = table_input(&r, "risk", "cost", at);
            risk.timing = timing(r, at, {Timing::Kind::go_live, 0});
            risk.occurs = s_.inputs.add(at + ".occurs", sim::Uniform(0.0, 1.0), "the event's own uniform draw");
            opt.risks.push_back(std::move(risk));
        }
    }

    void adoption(const Json& o, const std::string& option_at, Adoption& a) {
        const std::string at = option_at + ".adoption";
        const Json* j = o.contains("adoption") ? &o["adoption"] : nullptr;
        if (!j) issue(at, "missing required field (e.g. {\"model\": \"logistic\", \"ceiling\": 0.85, "
                          "\"midpoint_months\": 4, \"steepness\": 0.8})");
        else if (!object(*j, at)) j = nullptr;
        std::string model = "logistic";
        if (j) {
            if (!j->contains("model")) issue(at + ".model", "missing required field (logistic or bass)");
            else if (auto m = text(*j, "model", at, Kind::choice)) {
                if (*m == "logistic" || *m == "bass") model = *m;
                else issue(at + ".model", "unknown adoption model \"" + *m + "\"; known: logistic, bass");
            }
        }
        a.model = model == "bass" ? Adoption::Model::bass : Adoption::Model::logistic;
        const std::optional<double> need = j ? std::nullopt : std::optional(1.0);
        if (a.model == Adoption::Model::logistic) {
            if (j) object_keys(*j, at, "adoption_logistic");
            a.ceiling = table_input(j, "adoption_logistic", "ceiling", at);
            a.midpoint_months = input(j, "midpoint_months", at, range_of("adoption_logistic", "midpoint_months"), need);
            a.steepness = input(j, "steepness", at, range_of("adoption_logistic", "steepness"), need);
        } else {
            if (j) object_keys(*j, at, "adoption_bass");
            a.ceiling = table_input(j, "adoption_bass", "ceiling", at);
            a.p = input(j, "p", at, range_of("adoption_bass", "p"), need);
            a.q = input(j, "q", at, range_of("adoption_bass", "q"), need);
        }
    }

    void effects(const Json& o, const std::string& option_at, Effects& e) {
        const std::string at = option_at + ".effects";
        const Json* j = o.contains("effects") ? &o["effects"] : nullptr;
        if (j && !object(*j, at)) j = nullptr;
        if (j)
            object_keys(*j, at, "effects");
        e.conversion_uplift = table_input(j, "effects", "conversion_uplift", at);
        e.churn_reduction = table_input(j, "effects", "churn_reduction", at);
        e.revenue_per_customer_uplift = table_input(j, "effects", "revenue_per_customer_uplift", at);
        e.sales_cycle_reduction = table_input(j, "effects", "sales_cycle_reduction", at);
        e.time_saved_fraction = table_input(j, "effects", "time_saved_fraction", at);
        e.productivity_capture = table_input(j, "effects", "productivity_capture", at);
        if (j && j->contains("savings") && object((*j)["savings"], at + ".savings")) {
            for (const auto& [name, sv] : (*j)["savings"].items()) {
                const std::string sat = at + ".savings." + name;
                if (!object(sv, sat)) continue;
                object_keys(sv, sat, "saving");
                if (!valid_name(name, sat)) continue;
                e.savings.push_back({name, table_input(&sv, "saving", "monthly_base", sat),
                                     table_input(&sv, "saving", "reduction", sat), description(sv, sat)});
            }
        }
    }

    void variants(const Json& doc) {
        if (!doc.contains("variants") || !object(doc["variants"], "variants")) return;
        for (const auto& item : doc["variants"].items()) {
            const std::string at = "variants." + item.key();
            if (!valid_name(item.key(), at)) continue;
            if (item.key() == "base") {
                issue(at, "\"base\" is the scenario itself; give the variant another name");
                continue;
            }
            const Json& j = item.value();
            if (!object(j, at)) continue;
            object_keys(j, at, "variant");
            Variant v{item.key(), text(j, "description", at, Kind::text).value_or(""), {}, {}};
            if (j.contains("set") && object(j["set"], at + ".set"))
                for (const auto& e : j["set"].items()) v.set.push_back({e.key(), e.value()});
            if (j.contains("stress") && object(j["stress"], at + ".stress"))
                for (const auto& e : j["stress"].items()) {
                    const Json& band = e.value();
                    const bool numbers = band.is_array() && band.size() == 2 && band[0].is_number() && band[1].is_number();
                    const double low = numbers ? band[0].get<double>() : 0, high = numbers ? band[1].get<double>() : 0;
                    if (!numbers || !(0 <= low && low < high && high <= 1))
                        issue(at + ".stress." + e.key(),
                              "expected [low, high] with 0 <= low < high <= 1 (a band of the input's percentiles), got " +
                                  shown(band));
                    else
                        v.stress.push_back({e.key(), {low, high}});
                }
            if (v.set.empty() && v.stress.empty() && !j.contains("set") && !j.contains("stress"))
                issue(at, "changes nothing; give it \"set\" (values to change) or \"stress\" (inputs to hold to a band)");
            s_.variants.push_back(std::move(v));
        }
    }

    void correlations(const Json& doc) {
        if (!doc.contains("correlations")) return;
        const Json& list = doc["correlations"];
        if (!list.is_array()) {
            issue("correlations", "expected an array of {\"between\": [a, b], \"rank\": r}, got " + type_name(list));
            return;
        }
        std::set<std::pair<InputId, InputId>> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string at = "correlations[" + std::to_string(i) + "]";
            const Json& c = list[i];
            if (!object(c, at)) continue;
            object_keys(c, at, "correlation");
            const auto rank = plain_number(c, "rank", at, range_of("correlation", "rank"));
            if (!c.contains("rank")) issue(at + ".rank", "missing required field");
            if (!c.contains("between") || !c["between"].is_array() || c["between"].size() != 2 ||
                !c["between"][0].is_string() || !c["between"][1].is_string()) {
                issue(at + ".between", "expected two input addresses, e.g. [\"options.custom.implementation.months\", "
                                       "\"options.custom.implementation.overrun\"]");
                continue;
            }
            std::optional<InputId> ids[2];
            for (int k = 0; k < 2; ++k) {
                const std::string address = c["between"][k].get<std::string>();
                ids[k] = s_.inputs.find(address);
                if (!ids[k]) {
                    std::vector<std::string> addresses;
                    for (const auto& in : s_.inputs.all()) addresses.push_back(in.address);
                    issue(at + ".between", "unknown input \"" + address + "\"" + did_you_mean(address, addresses));
                } else if (!s_.inputs[*ids[k]].dimension) {
                    issue(at + ".between", "\"" + address + "\" is a constant (" +
                                               sim::describe(s_.inputs[*ids[k]].distribution) +
                                               "); only uncertain inputs can be correlated");
                    ids[k].reset();
                }
            }
            if (!ids[0] || !ids[1] || !rank) continue;
            if (*ids[0] == *ids[1]) {
                issue(at + ".between", "an input cannot be correlated with itself");
                continue;
            }
            const auto key = std::minmax(*ids[0], *ids[1]);
            if (!seen.insert(key).second) {
                issue(at + ".between", "this pair is already correlated by an earlier entry");
                continue;
            }
            s_.correlations.push_back({*ids[0], *ids[1], *rank});
        }
    }

    Scenario s_;
    std::vector<Issue> issues_;
};

}  // namespace

Scenario load_scenario(const Json& document) { return Loader{}.load(document); }

Json parse_scenario_document(std::string_view text) {
    // JSON parsers keep the last of two equal keys silently; a scenario with
    // two options of the same name would lose one. The callback keeps, per
    // open object, its keys and the step that leads to it; an address is put
    // together only for a duplicate. Scenarios nest about six deep; far
    // deeper input is refused before it costs memory.
    constexpr std::size_t max_depth = 64;
    struct Level {
        std::string step;  // key or [index] from the parent
        bool array = false;
        std::size_t index = 0;
        std::set<std::string> keys;
    };
    std::vector<Level> levels;
    std::string pending_key;
    std::vector<Issue> duplicates;
    const auto address_of = [&](const std::string& last) {
        std::string a;
        for (std::size_t i = 1; i < levels.size(); ++i)
            a = levels[i].step.front() == '[' ? a + levels[i].step : join(a, levels[i].step);
        return join(a, last);
    };
    const Json::parser_callback_t track = [&](int depth, nlohmann::detail::parse_event_t event, Json& parsed) {
        using E = nlohmann::detail::parse_event_t;
        switch (event) {
            case E::object_start:
            case E::array_start: {
                if (static_cast<std::size_t>(depth) >= max_depth)
                    throw ScenarioError(std::vector<Issue>{{"", "nested more than " + std::to_string(max_depth) +
                                                                    " levels deep; a scenario needs about six"}});
                std::string step;
                if (!levels.empty()) step = levels.back().array ? "[" + std::to_string(levels.back().index++) + "]" : pending_key;
                levels.push_back({std::move(step), event == E::array_start, 0, {}});
                break;
            }
            case E::object_end:
            case E::array_end:
                levels.pop_back();
                break;
            case E::key:
                pending_key = parsed.get<std::string>();
                if (!levels.back().keys.insert(pending_key).second)
                    duplicates.push_back({address_of(pending_key), "appears twice in the same object; the first would be lost"});
                break;
            case E::value:
                if (!levels.empty() && levels.back().array) ++levels.back().index;
                break;
        }
        return true;
    };
    Json doc;
    try {
        doc = Json::parse(text, track);
    } catch (const nlohmann::json::exception& e) {
        // Syntax errors and numbers beyond double range ("1e3000",
        // out_of_range 406) alike: the file is not usable JSON.
        std::string what = e.what();
        if (const auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
        throw ScenarioError(std::vector<Issue>{{"", "not valid JSON: " + what}});
    }
    if (!duplicates.empty()) throw ScenarioError(duplicates);
    return doc;
}

Scenario parse_scenario(std::string_view text) { return load_scenario(parse_scenario_document(text)); }

std::string read_scenario_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ScenarioError(std::vector<Issue>{{"", "cannot read the file"}});
    std::string text;
    std::array<char, 65536> chunk{};
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_scenario_bytes)
            throw ScenarioError(std::vector<Issue>{
                {"", "larger than " + std::to_string(max_scenario_bytes >> 20) +
                         " MiB; a scenario file is a few kilobytes (is this the right file?)"}});
    }
    return text;
}

Scenario load_scenario_file(const std::filesystem::path& file) {
    Scenario s = parse_scenario(read_scenario_text(file));
    if (s.name.empty()) s.name = file.stem().string();
    return s;
}

}  // namespace models

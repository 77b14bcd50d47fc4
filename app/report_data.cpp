#include "app/report_data.hpp"

#include "app/format.hpp"

#include <cctype>
#include <cmath>
#include <numeric>

namespace app {

using Json = nlohmann::ordered_json;

namespace {

std::string join(const std::string& at, const std::string& key) { return at.empty() ? key : at + "." + key; }

const char* type_name(const Json& j) { return j.type_name(); }

const Json& member(const Json& j, const std::string& key, const std::string& at) {
    if (!j.is_object()) throw ResultsFileError(at, std::string("expected an object, got ") + type_name(j));
    const auto it = j.find(key);
    if (it == j.end()) throw ResultsFileError(join(at, key), "missing; is this a roicast results file?");
    return *it;
}

const Json* optional_member(const Json& j, const std::string& key) {
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? nullptr : &*it;
}

double number(const Json& j, const std::string& at) {
    if (j.is_null()) return NAN;  // undefined or censored
    if (!j.is_number()) throw ResultsFileError(at, std::string("expected a number, got ") + type_name(j));
    return j.get<double>();
}

std::string text(const Json& j, const std::string& at) {
    if (!j.is_string()) throw ResultsFileError(at, std::string("expected a string, got ") + type_name(j));
    return j.get<std::string>();
}

const Json& object(const Json& j, const std::string& at) {
    if (!j.is_object()) throw ResultsFileError(at, std::string("expected an object, got ") + type_name(j));
    return j;
}

const Json& array(const Json& j, const std::string& at) {
    if (!j.is_array()) throw ResultsFileError(at, std::string("expected an array, got ") + type_name(j));
    return j;
}

std::vector<double> numbers(const Json& j, const std::string& at) {
    std::vector<double> v;
    std::size_t i = 0;
    for (const auto& x : array(j, at)) v.push_back(number(x, at + "[" + std::to_string(i++) + "]"));
    return v;
}

std::map<std::string, double> numeric_members(const Json& j, const std::string& at) {
    std::map<std::string, double> m;
    for (const auto& [key, value] : object(j, at).items())
        if (!value.is_structured()) m[key] = number(value, join(at, key));  // a string or boolean is an error
    return m;
}

std::optional<HistogramData> histogram(const Json& j, const std::string& at) {
    const Json* h = optional_member(object(j, at), "histogram");
    if (!h) return std::nullopt;
    const std::string here = join(at, "histogram");
    HistogramData d;
    d.low = number(member(*h, "low", here), join(here, "low"));
    d.bin_width = number(member(*h, "bin_width", here), join(here, "bin_width"));
    d.counts = numbers(member(*h, "counts", here), join(here, "counts"));
    d.below = number(member(*h, "below", here), join(here, "below"));
    d.above = number(member(*h, "above", here), join(here, "above"));
    if (!(d.bin_width > 0) || !std::isfinite(d.low) || d.counts.empty())
        throw ResultsFileError(here, "needs a finite low, a positive bin_width and at least one count");
    return d;
}

DistributionData distribution(const Json& j, const std::string& at) {
    DistributionData d;
    d.stats = numeric_members(j, at);
    for (const char* required : {"mean", "p5", "p10", "p25", "p50", "p75", "p90", "p95"})
        if (!d.stats.count(required)) member(j, required, at);  // throws with the address
    d.histogram = histogram(j, at);
    return d;
}

TimeToEventData time_to_event(const Json& j, const std::string& at) {
    TimeToEventData t;
    t.stats = numeric_members(j, at);
    for (const char* required : {"p10", "p25", "p50", "p75", "p90", "share_reached"})
        if (!t.stats.count(required)) member(j, required, at);
    t.prob_within = numeric_members(member(j, "prob_within", at), join(at, "prob_within"));
    t.cdf = numbers(member(j, "cdf", at), join(at, "cdf"));
    return t;
}

std::vector<RankedInput> ranking(const Json& j, const std::string& at) {
    std::vector<RankedInput> list;
    std::size_t i = 0;
    for (const auto& e : array(j, at)) {
        const std::string here = at + "[" + std::to_string(i++) + "]";
        RankedInput r;
        r.input = text(member(e, "input", here), join(here, "input"));
        r.value = number(member(e, "value", here), join(here, "value"));
        r.rank = static_cast<int>(number(member(e, "rank", here), join(here, "rank")));
        if (const Json* ci = optional_member(e, "ci95")) {
            const auto v = numbers(*ci, join(here, "ci95"));
            if (v.size() == 2) r.ci95 = std::pair{v[0], v[1]};
        }
        list.push_back(std::move(r));
    }
    return list;
}

std::vector<std::string> strings(const Json& j, const std::string& at) {
    std::vector<std::string> v;
    std::size_t i = 0;
    for (const auto& x : array(j, at)) v.push_back(text(x, at + "[" + std::to_string(i++) + "]"));
    return v;
}

}  // namespace

double HistogramData::total() const { return std::accumulate(counts.begin(), counts.end(), below + above); }

double DistributionData::operator[](const std::string& statistic) const {
    const auto it = stats.find(statistic);
    return it == stats.end() ? NAN : it->second;
}

double TimeToEventData::operator[](const std::string& statistic) const {
    const auto it = stats.find(statistic);
    return it == stats.end() ? NAN : it->second;
}

std::size_t ReportData::horizon_index(int months) const {
    for (std::size_t h = 0; h < horizons.size(); ++h)
        if (horizons[h].months == months) return h;
    return horizons.size();
}

std::string ReportData::option_label(const std::string& name) const {
    std::string label = name;
    for (char& c : label)
        if (c == '_' || c == '-') c = ' ';
    if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    // Acronyms the shipped scenarios use in option names.
    for (const auto& [word, spelled] : {std::pair{"crm", "CRM"}, {"Crm", "CRM"}, {"saas", "SaaS"}, {"Saas", "SaaS"}}) {
        const std::string w = word;
        for (auto p = label.find(w); p != std::string::npos; p = label.find(w, p + 1)) {
            const bool starts = p == 0 || label[p - 1] == ' ';
            const bool ends = p + w.size() == label.size() || label[p + w.size()] == ' ';
            if (starts && ends) label.replace(p, w.size(), spelled);
        }
    }
    return label;
}

ReportData read_report_data(const Json& j) {
    ReportData r;
    object(j, "");
    r.scenario = text(member(j, "scenario", ""), "scenario");
    r.currency = text(member(j, "currency", ""), "currency");
    r.sampling = text(member(j, "sampling", ""), "sampling");
    r.paths = number(member(j, "paths", ""), "paths");
    r.seed = number(member(j, "seed", ""), "seed");
    if (const Json* t = optional_member(j, "threads")) r.threads = number(*t, "threads");
    if (const Json* e = optional_member(j, "elapsed_seconds")) r.elapsed_seconds = number(*e, "elapsed_seconds");
    r.discount_rate = number(member(j, "discount_rate", ""), "discount_rate");
    for (const auto& [name, months] : object(member(j, "horizons", ""), "horizons").items()) {
        const double m = number(months, "horizons." + name);
        if (!(m >= 1 && m <= 1200)) throw ResultsFileError("horizons." + name, "expected months between 1 and 1200");
        r.horizons.push_back({name, static_cast<int>(m)});
    }
    if (r.horizons.empty()) throw ResultsFileError("horizons", "expected at least one horizon");
    if (const Json* ref = optional_member(j, "payback_reference_months")) {
        const auto v = numbers(*ref, "payback_reference_months");
        if (v.size() == 2) r.payback_reference = std::pair{v[0], v[1]};
    }

    for (const auto& [name, oj] : object(member(j, "options", ""), "options").items()) {
        const std::string at = "options." + name;
        OptionData o;
        o.name = name;
        const Json& by_h = member(oj, "horizons", at);
        for (const auto& h : r.horizons) {
            const std::string key = std::to_string(h.months), here = at + ".horizons." + key;
            std::map<std::string, DistributionData> metrics;
            for (const auto& [metric, mj] : object(member(by_h, key, at + ".horizons"), here).items())
                metrics[metric] = distribution(mj, here + "." + metric);
            for (const char* required : {"roi", "npv", "irr", "costs", "benefits"})
                if (!metrics.count(required)) member(by_h[key], required, here);
            o.horizons.push_back(std::move(metrics));
        }
        o.payback = time_to_event(member(oj, "payback_months", at), at + ".payback_months");
        o.discounted_payback =
            time_to_event(member(oj, "discounted_payback_months", at), at + ".discounted_payback_months");
        const Json& fan = member(oj, "cumulative_cash_flow", at);
        for (const char* level : {"p5", "p25", "p50", "p75", "p95"})
            o.fan.emplace_back(level, numbers(member(fan, level, at + ".cumulative_cash_flow"),
                                              at + ".cumulative_cash_flow." + level));
        r.options.push_back(std::move(o));
    }
    if (r.options.empty()) throw ResultsFileError("options", "expected at least one option");

    if (const Json* comparisons = optional_member(j, "comparison"))
        for (const auto& [key, cj] : object(*comparisons, "comparison").items()) {
            const std::string at = "comparison." + key;
            ComparisonData c;
            const auto split = key.find("_vs_");
            if (split == std::string::npos) throw ResultsFileError(at, "expected a key of the form <a>_vs_<b>");
            c.a = key.substr(0, split);
            c.b = key.substr(split + 4);
            const Json& by_h = member(cj, "horizons", at);
            for (const auto& h : r.horizons) {
                const std::string hk = std::to_string(h.months), here = at + ".horizons." + hk;
                const Json& hj = member(by_h, hk, at + ".horizons");
                c.npv_difference.push_back(distribution(member(hj, "npv_difference", here), here + ".npv_difference"));
                c.prob_a_better.push_back(number(member(hj, "prob_a_better", here), here + ".prob_a_better"));
            }
            c.overtake = time_to_event(member(cj, "overtake_month", at), at + ".overtake_month");
            r.comparisons.push_back(std::move(c));
        }

    if (const Json* sensitivity = optional_member(j, "sensitivity"))
        for (const auto& [option, oj] : object(*sensitivity, "sensitivity").items()) {
            auto& by_h = r.sensitivity[option];
            by_h.resize(r.horizons.size());
            for (const auto& [hk, hj] : object(oj, "sensitivity." + option).items()) {
                const std::size_t h = r.horizon_index(std::atoi(hk.c_str()));
                const std::string at = "sensitivity." + option + "." + hk;
                if (h == r.horizons.size()) throw ResultsFileError(at, "not one of the horizons");
                for (const auto& [metric, mj] : object(hj, at).items())
                    for (const auto& [method, list] : object(mj, at + "." + metric).items())
                        if (list.is_array()) by_h[h][metric][method] = ranking(list, at + "." + metric + "." + method);
            }
        }

    if (const Json* inputs = optional_member(j, "inputs")) {
        std::size_t i = 0;
        for (const auto& e : array(*inputs, "inputs")) {
            const std::string at = "inputs[" + std::to_string(i++) + "]";
            InputData d;
            d.input = text(member(e, "input", at), at + ".input");
            d.distribution = text(member(e, "distribution", at), at + ".distribution");
            if (const Json* s = optional_member(e, "source")) d.source = text(*s, at + ".source");
            d.mean = number(member(e, "mean", at), at + ".mean");
            d.p5 = number(member(e, "p5", at), at + ".p5");
            d.p50 = number(member(e, "p50", at), at + ".p50");
            d.p95 = number(member(e, "p95", at), at + ".p95");
            r.inputs.push_back(std::move(d));
        }
    }

    if (const Json* correlations = optional_member(j, "correlations")) {
        std::size_t i = 0;
        if (const Json* requested = optional_member(*correlations, "requested"))
            for (const auto& c : array(*requested, "correlations.requested")) {
                const std::string at = "correlations.requested[" + std::to_string(i++) + "]";
                const auto between = strings(member(c, "between", at), at + ".between");
                if (between.size() != 2) throw ResultsFileError(at + ".between", "expected two inputs");
                const double rank = number(member(c, "rank", at), at + ".rank");
                r.correlations.push_back({between[0], between[1], rank, rank});
            }
        i = 0;
        if (const Json* repairs = optional_member(*correlations, "repairs"))
            for (const auto& c : array(*repairs, "correlations.repairs")) {
                const std::string at = "correlations.repairs[" + std::to_string(i++) + "]";
                const auto between = strings(member(c, "between", at), at + ".between");
                const double requested = number(member(c, "requested", at), at + ".requested");
                const double applied = number(member(c, "applied", at), at + ".applied");
                r.correlations_repaired = true;
                bool found = false;
                for (auto& existing : r.correlations)
                    if (between.size() == 2 && ((existing.a == between[0] && existing.b == between[1]) ||
                                                (existing.a == between[1] && existing.b == between[0]))) {
                        existing.applied = applied;
                        found = true;
                    }
                if (!found && between.size() == 2) r.correlations.push_back({between[0], between[1], requested, applied});
            }
    }

    if (const Json* voi = optional_member(j, "value_of_information"))
        for (const auto& h : r.horizons) {
            const Json* hj = optional_member(*voi, std::to_string(h.months));
            const Json* evpi = hj ? optional_member(*hj, "evpi") : nullptr;
            r.evpi.push_back(evpi ? number(*evpi, "value_of_information." + std::to_string(h.months) + ".evpi") : NAN);
        }

    if (const Json* notes = optional_member(j, "notes")) r.notes = strings(*notes, "notes");
    if (const Json* notes = optional_member(j, "sensitivity_notes"))
        r.method_notes = strings(*notes, "sensitivity_notes");
    if (const Json* streaming = optional_member(j, "streaming"))
        if (const Json* note = optional_member(*streaming, "note")) r.method_notes.push_back(text(*note, "streaming.note"));
    if (const Json* convergence = optional_member(j, "convergence")) {
        const bool met = member(*convergence, "met", "convergence").is_boolean() && (*convergence)["met"].get<bool>();
        const double target = number(member(*convergence, "target", "convergence"), "convergence.target");
        r.convergence = std::string(met ? "Paths were added until every headline statistic's 95 % interval was within "
                                        : "The precision target was not met within the path cap: 95 % intervals within ") +
                        percent(target, 1) + " of the value" + (met ? "." : " were asked for.");
        if (const Json* notes = optional_member(*convergence, "notes"))
            for (const auto& n : strings(*notes, "convergence.notes")) r.method_notes.push_back(n);
    }
    if (const Json* samples = optional_member(j, "samples")) {
        SamplesData d;
        if (const Json* note = optional_member(*samples, "note")) d.note = text(*note, "samples.note");
        const auto columns = strings(member(*samples, "columns", "samples"), "samples.columns");
        if (columns.size() < 3 || columns[0] != "path" || columns[1] != "option")
            throw ResultsFileError("samples.columns", "expected path, option and at least one value column");
        d.value_columns.assign(columns.begin() + 2, columns.end());
        std::size_t i = 0;
        for (const auto& row : array(member(*samples, "rows", "samples"), "samples.rows")) {
            const std::string at = "samples.rows[" + std::to_string(i++) + "]";
            if (!row.is_array() || row.size() != columns.size())
                throw ResultsFileError(at, "expected " + std::to_string(columns.size()) + " values");
            SampleRow s{number(row[0], at + "[0]"), text(row[1], at + "[1]"), {}};
            for (std::size_t c = 2; c < row.size(); ++c) s.values.push_back(number(row[c], at + "[" + std::to_string(c) + "]"));
            d.rows.push_back(std::move(s));
        }
        r.samples = std::move(d);
    }
    return r;
}

}  // namespace app

#include "app/results_document.hpp"

#include "app/results_shapes.hpp"

#include <stdexcept>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>
#include <type_traits>

#include "models/scenario_fields.hpp"

namespace app {

using Json = nlohmann::ordered_json;

namespace {

// Whether T lists its keys with visit(); checked through a probe visitor.
struct Probe {
    template <class T>
    void operator()(const char*, T&) {}
    void full_range(const char*, std::uint64_t&) {}
    template <class T, class M>
    void named(const char*, T&, M) {}
    template <class F>
    void object(const char*, F&&) {}
    template <class T>
    void keyed(const char*, T&) {}
    template <class T>
    void keyed_here(T&) {}
    template <class T>
    void rankings(T&) {}
    template <class T>
    void optional(const char*, T&) {}
    template <class T>
    void optional_keyed(const char*, T&) {}
    template <class T>
    void defaulted(const char*, T&) {}
    template <class T>
    void defaulted_keyed(const char*, T&) {}
    template <class T>
    void keyed_if_any(const char*, T&) {}
    void defaulted_if_any(const char*, Json&) {}
    template <class T>
    void sample_rows(const char*, T&) {}
};

template <class T>
concept HasVisit = requires(T& t, Probe& p) { t.visit(p); };

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsArray : std::false_type {};
template <class T, std::size_t N>
struct IsArray<std::array<T, N>> : std::true_type {};

// ---- writing ------------------------------------------------------------

struct Writer;

template <class T>
Json write(const T& value);

// Fills one JSON object with a struct's keys, in the order visit() lists them.
struct Writer {
    Json& out;

    template <class T>
    void operator()(const char* key, const T& value) {
        out[key] = write(value);
    }
    void full_range(const char* key, std::uint64_t value) { out[key] = value; }
    template <class T, class M>
    void named(const char* key, const std::vector<T>& list, M T::*value) {
        Json j = Json::object();
        for (const auto& e : list) j[e.name] = write(e.*value);
        out[key] = std::move(j);
    }
    template <class F>
    void object(const char* key, F&& fill) {
        Json j = Json::object();
        Writer inner{j};
        fill(inner);
        out[key] = std::move(j);
    }
    template <class T>
    void keyed(const char* key, const std::vector<T>& list) {
        Json j = Json::object();
        Writer inner{j};
        inner.keyed_here(list);
        out[key] = std::move(j);
    }
    template <class T>
    void keyed_here(const std::vector<T>& list) {
        for (const auto& e : list) out[e.key()] = write(e);
    }
    void rankings(const std::vector<MethodRanking>& methods) {
        for (const auto& m : methods) out[m.method] = write(m.ranking);
    }
    template <class T>
    void optional(const char* key, const std::optional<T>& value) {
        if (value) out[key] = write(*value);
    }
    template <class T>
    void optional_keyed(const char* key, const std::optional<std::vector<T>>& list) {
        if (list) keyed(key, *list);
    }
    template <class T>
    void defaulted(const char* key, const T& value) {
        (*this)(key, value);
    }
    template <class T>
    void defaulted_keyed(const char* key, const std::vector<T>& list) {
        keyed(key, list);
    }
    template <class T>
    void keyed_if_any(const char* key, const std::vector<T>& list) {
        if (!list.empty()) keyed(key, list);
    }
    void defaulted_if_any(const char* key, const Json& value) {
        if (!value.empty()) out[key] = value;
    }
    void sample_rows(const char* key, const std::vector<Samples::Row>& rows) {
        Json j = Json::array();
        for (const auto& r : rows) {
            Json row = {r.path, r.option};
            for (double x : r.values) row.push_back(write(x));
            j.push_back(std::move(row));
        }
        out[key] = std::move(j);
    }
};

template <class T>
Json write(const T& value) {
    if constexpr (std::is_same_v<T, double>) {
        return std::isfinite(value) ? Json(value) : Json(nullptr);  // JSON has no NaN or infinity
    } else if constexpr (std::is_same_v<T, Json>) {
        return value;  // a scenario's own values (a variant's set), kept as given
    } else if constexpr (std::is_same_v<T, bool> || std::is_integral_v<T> || std::is_same_v<T, std::string>) {
        return Json(value);
    } else if constexpr (IsOptional<T>::value) {
        return value ? write(*value) : Json(nullptr);
    } else if constexpr (IsVector<T>::value || IsArray<T>::value) {
        Json j = Json::array();
        for (const auto& e : value) j.push_back(write(e));
        return j;
    } else {
        static_assert(HasVisit<T>);
        Json j = Json::object();
        Writer w{j};
        const_cast<T&>(value).visit(w);  // the writer only reads
        return j;
    }
}

// ---- reading ------------------------------------------------------------

std::string join(const std::string& at, const std::string& key) { return at.empty() ? key : at + "." + key; }

[[noreturn]] void wrong_type(const Json& j, const std::string& at, const char* expected) {
    throw ResultsFileError(at, std::string("expected ") + expected + ", got " + j.type_name());
}

const Json& expect_object(const Json& j, const std::string& at) {
    if (!j.is_object()) wrong_type(j, at, "an object");
    return j;
}

template <class T>
void read(const Json& j, T& value, const std::string& at);

template <class T>
void read_integer(const Json& j, T& value, const std::string& at, std::uint64_t most);

// Reads one JSON object's keys into a struct, in the order visit() lists them.
struct Reader {
    const Json& in;
    std::string at;

    const Json& member(const char* key) const {
        const auto it = in.find(key);
        if (it == in.end()) throw ResultsFileError(join(at, key), "missing; is this a roicast results file?");
        return *it;
    }
    const Json* present(const char* key) const {
        const auto it = in.find(key);
        return it == in.end() || it->is_null() ? nullptr : &*it;
    }

    template <class T>
    void operator()(const char* key, T& value) {
        if constexpr (IsOptional<T>::value) {
            // A nullable value: null or absent is "none".
            value.reset();
            if (const Json* j = present(key)) read(*j, value.emplace(), join(at, key));
        } else {
            read(member(key), value, join(at, key));
        }
    }
    // A whole number of the full 64-bit range (a seed), not a count.
    void full_range(const char* key, std::uint64_t& value) {
        read_integer(member(key), value, join(at, key), std::numeric_limits<std::uint64_t>::max());
    }
    template <class T, class M>
    void named(const char* key, std::vector<T>& list, M T::*value) {
        const std::string here = join(at, key);
        list.clear();
        for (const auto& [name, j] : expect_object(member(key), here).items()) {
            T e;
            e.name = name;
            read(j, e.*value, join(here, name));
            list.push_back(std::move(e));
        }
    }
    template <class F>
    void object(const char* key, F&& fill) {
        const std::string here = join(at, key);
        Reader inner{expect_object(member(key), here), here};
        fill(inner);
    }
    template <class T>
    void keyed(const char* key, std::vector<T>& list) {
        const std::string here = join(at, key);
        Reader inner{expect_object(member(key), here), here};
        inner.keyed_here(list);
    }
    // Every member of this object whose value is an object is an element.
    template <class T>
    void keyed_here(std::vector<T>& list) {
        list.clear();
        for (const auto& [key, j] : in.items()) {
            if (!j.is_object()) continue;
            T e;
            e.set_key(key, join(at, key));
            read(j, e, join(at, key));
            list.push_back(std::move(e));
        }
    }
    // Every member whose value is an array is a method's ranking.
    void rankings(std::vector<MethodRanking>& methods) {
        methods.clear();
        for (const auto& [key, j] : in.items()) {
            if (!j.is_array()) continue;
            MethodRanking m;
            m.method = key;
            read(j, m.ranking, join(at, key));
            methods.push_back(std::move(m));
        }
    }
    template <class T>
    void optional(const char* key, std::optional<T>& value) {
        value.reset();
        if (const Json* j = present(key)) read(*j, value.emplace(), join(at, key));
        // An undefined number written as null (an SRC fit without residual) stays there, undefined.
        if constexpr (std::is_same_v<T, double>)
            if (!value && in.contains(key)) value = NAN;
    }
    template <class T>
    void optional_keyed(const char* key, std::optional<std::vector<T>>& list) {
        list.reset();
        if (present(key)) keyed(key, list.emplace());
    }
    template <class T>
    void defaulted(const char* key, T& value) {
        if (present(key)) (*this)(key, value);
    }
    template <class T>
    void defaulted_keyed(const char* key, std::vector<T>& list) {
        list.clear();
        if (present(key)) keyed(key, list);
    }
    template <class T>
    void keyed_if_any(const char* key, std::vector<T>& list) {
        defaulted_keyed(key, list);
    }
    void defaulted_if_any(const char* key, Json& value) {
        value = Json::object();
        if (const Json* j = present(key)) read(*j, value, join(at, key));
    }
    void sample_rows(const char* key, std::vector<Samples::Row>& rows) {
        const std::string here = join(at, key);
        const Json& list = member(key);
        if (!list.is_array()) wrong_type(list, here, "an array");
        rows.clear();
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Json& r = list[i];
            const std::string row_at = element_address(here, i);
            if (!r.is_array() || r.size() < 2) wrong_type(r, row_at, "an array [path, option, values…]");
            Samples::Row row;
            read(r[0], row.path, element_address(row_at, 0));
            read(r[1], row.option, element_address(row_at, 1));
            for (std::size_t c = 2; c < r.size(); ++c) read(r[c], row.values.emplace_back(), element_address(row_at, c));
            rows.push_back(std::move(row));
        }
    }
};

// An unsigned number is a count (of paths, values, a rank) unless read
// with full_range: at most `most`.
template <class T>
void read_integer(const Json& j, T& value, const std::string& at, std::uint64_t most) {
    if (!j.is_number_integer()) wrong_type(j, at, "a whole number");
    if constexpr (std::is_unsigned_v<T>) {
        if (!j.is_number_unsigned() && j.get<std::int64_t>() < 0)
            throw ResultsFileError(at, "expected a whole number >= 0, got " + j.dump());
        const auto v = j.get<std::uint64_t>(), limit = std::min<std::uint64_t>(most, std::numeric_limits<T>::max());
        if (v > limit) throw ResultsFileError(at, "expected at most " + std::to_string(limit) + ", got " + j.dump());
        value = static_cast<T>(v);
    } else {
        const auto v = j.get<std::int64_t>();
        if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max())
            throw ResultsFileError(at, "out of range: " + j.dump());
        value = static_cast<T>(v);
    }
}

// Copying and printing a JSON value recurse: refuse one nested too deep first.
void check_depth(const Json& j, const std::string& at, std::size_t depth = 0) {
    if (!j.is_structured()) return;
    if (depth == results_limits::depth)
        throw ResultsFileError(at, "nested more than " + std::to_string(results_limits::depth) + " levels deep");
    if (j.is_object())
        for (const auto& [key, value] : j.items()) check_depth(value, join(at, key), depth + 1);
    else
        for (std::size_t i = 0; i < j.size(); ++i) check_depth(j[i], element_address(at, i), depth + 1);
}

template <class T>
void read(const Json& j, T& value, const std::string& at) {
    if constexpr (std::is_same_v<T, Json>) {
        if (!j.is_object()) wrong_type(j, at, "an object");
        check_depth(j, at);
        value = j;
    } else if constexpr (std::is_same_v<T, double>) {
        if (j.is_null()) value = NAN;  // undefined or censored
        else if (!j.is_number()) wrong_type(j, at, "a number");
        else if (value = j.get<double>(); !(std::abs(value) <= results_limits::magnitude))
            throw ResultsFileError(at, "expected a number within ±1e300, got " + j.dump());
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!j.is_boolean()) wrong_type(j, at, "true or false");
        value = j.get<bool>();
    } else if constexpr (std::is_integral_v<T>) {
        read_integer(j, value, at, results_limits::count);
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (!j.is_string()) wrong_type(j, at, "a string");
        value = j.get<std::string>();
    } else if constexpr (IsVector<T>::value) {
        if (!j.is_array()) wrong_type(j, at, "an array");
        value.clear();
        value.reserve(j.size());
        for (std::size_t i = 0; i < j.size(); ++i) read(j[i], value.emplace_back(), element_address(at, i));
    } else if constexpr (IsArray<T>::value) {
        if (!j.is_array() || j.size() != value.size())
            throw ResultsFileError(at, "expected an array of " + std::to_string(value.size()) + " values");
        for (std::size_t i = 0; i < value.size(); ++i) read(j[i], value[i], element_address(at, i));
    } else {
        static_assert(HasVisit<T>);
        Reader r{expect_object(j, at), at};
        value.visit(r);
    }
}

// Collects a struct's scalar numbers with their keys.
struct NumberCollector {
    std::vector<std::pair<std::string, double>>& out;

    template <class T>
    void operator()(const char* key, T& value) {
        if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) out.emplace_back(key, static_cast<double>(value));
    }
    template <class T, class M>
    void named(const char*, T&, M) {}
};

int parse_months(const std::string& key, const std::string& at) {
    int months = 0;
    const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), months);
    if (error != std::errc{} || end != key.data() + key.size() || months < 1 ||
        months > results_limits::months)
        throw ResultsFileError(at, "expected a horizon in months (1 to " + std::to_string(results_limits::months) +
                                       ") as the key");
    return months;
}

// Every text of the file as a scenario may hold it (models/scenario_fields.hpp):
// no control character but line breaks and tabs, at most max_text_length
// characters, keys alike; a "currency" as a scenario's. A key at fault is
// not part of the address: it may be long or hold escape sequences.
void check_texts(const Json& j, const std::string& at, models::fields::Kind kind = models::fields::Kind::text) {
    using models::fields::text_problem;
    if (j.is_string()) {
        if (const std::string problem = text_problem(j.get_ref<const std::string&>(), kind); !problem.empty())
            throw ResultsFileError(at, problem);
    } else if (j.is_object()) {
        for (const auto& [key, value] : j.items()) {
            if (const std::string problem = text_problem(key, models::fields::Kind::text); !problem.empty())
                throw ResultsFileError(at, "a key " + problem);
            check_texts(value, join(at, key),
                        key == "currency" ? models::fields::Kind::currency : models::fields::Kind::text);
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) check_texts(j[i], element_address(at, i));
    }
}

}  // namespace

double Histogram::total() const {
    return std::accumulate(counts.begin(), counts.end(), static_cast<double>(below) + static_cast<double>(above));
}

namespace {
double sum_of_means(const std::vector<NamedQuantiles>& list) {
    double sum = 0;
    for (const auto& e : list) sum += e.quantiles.mean;
    return sum;
}
}  // namespace

double Breakdown::benefits_mean() const {
    const auto& b = benefits;
    return b.conversion.mean + b.sales_cycle.mean + b.retention.mean + b.revenue_per_customer.mean +
           b.interaction.mean + b.productivity.mean + sum_of_means(b.savings) + sum_of_means(b.lines);
}

double Breakdown::costs_mean() const {
    return sum_of_means(costs.lines) + (costs.productivity_dip ? costs.productivity_dip->mean : 0.0) +
           sum_of_means(costs.risks);
}

double Breakdown::soft_mean() const {
    double soft = benefits.productivity.mean;
    for (const auto& line : benefits.lines)
        if (line.soft.value_or(false)) soft += line.quantiles.mean;
    return soft;
}

void HorizonMetrics::set_key(const std::string& key, const std::string& at) { months = parse_months(key, at); }
void PairHorizon::set_key(const std::string& key, const std::string& at) { months = parse_months(key, at); }
void HorizonSensitivity::set_key(const std::string& key, const std::string& at) { months = parse_months(key, at); }
void HorizonValueOfInformation::set_key(const std::string& key, const std::string& at) {
    months = parse_months(key, at);
}

void BestChoiceAt::set_key(const std::string& key, const std::string& at) { months = parse_months(key, at); }

double BestChoiceAt::of(const std::vector<OptionShare>& list, const std::string& option) {
    for (const auto& e : list)
        if (e.name == option) return e.value;
    return NAN;
}

void HorizonChange::set_key(const std::string& key, const std::string& at) { months = parse_months(key, at); }

void ComparisonResult::set_key(const std::string& key, const std::string& at) {
    const auto split = key.find("_vs_");
    if (split == std::string::npos || split == 0 || split + 4 == key.size())
        throw ResultsFileError(at, "expected a key of the form <a>_vs_<b>");
    a = key.substr(0, split);
    b = key.substr(split + 4);
}

const MethodRanking* MetricSensitivity::find(const std::string& method) const {
    for (const auto& m : methods)
        if (m.method == method) return &m;
    return nullptr;
}

const MetricSensitivity* HorizonSensitivity::find(const std::string& metric) const {
    for (const auto& m : metrics)
        if (m.metric == metric) return &m;
    return nullptr;
}

std::size_t ResultsDocument::horizon_index(int months) const {
    for (std::size_t h = 0; h < horizons.size(); ++h)
        if (horizons[h].months == months) return h;
    return horizons.size();
}

const OptionSensitivity* ResultsDocument::sensitivity_of(const std::string& option) const {
    if (!sensitivity) return nullptr;
    for (const auto& o : *sensitivity)
        if (o.option == option) return &o;
    return nullptr;
}

const MetricSensitivity* ResultsDocument::sensitivity_of(const std::string& option, std::size_t horizon,
                                                         const std::string& metric) const {
    const OptionSensitivity* o = sensitivity_of(option);
    if (!o || horizon >= horizons.size()) return nullptr;
    for (const auto& h : o->horizons)
        if (h.months == horizons[horizon].months) return h.find(metric);
    return nullptr;
}

const MethodRanking* ResultsDocument::ranking(const std::string& option, std::size_t horizon,
                                              const std::string& metric, const std::string& method) const {
    const MetricSensitivity* m = sensitivity_of(option, horizon, metric);
    return m ? m->find(method) : nullptr;
}

void ResultsDocument::require_complete() const {
    if (!not_computed.empty())
        throw std::logic_error("a results document without " + not_computed.front() +
                               " was given to a writer; the run must compute every key a file holds");
    if (variants)
        for (const auto& v : *variants) v.results.require_complete();
}

Json to_json(const ResultsDocument& document) {
    document.require_complete();
    return write(document);
}

std::string results_json_text(const ResultsDocument& document) { return write(document).dump(2) + "\n"; }

ResultsDocument results_document_from_json(const Json& json) {
    check_texts(json, "");
    ResultsDocument d;
    read(json, d, "");
    check_shapes(d);
    return d;
}

std::vector<std::pair<std::string, double>> named_numbers(const Statistics& s) {
    std::vector<std::pair<std::string, double>> out;
    NumberCollector c{out};
    const_cast<Statistics&>(s).visit(c);
    return out;
}

std::vector<std::pair<std::string, double>> named_numbers(const TimeToEvent& t) {
    std::vector<std::pair<std::string, double>> out;
    NumberCollector c{out};
    const_cast<TimeToEvent&>(t).visit(c);
    return out;
}

std::string option_label(const std::string& name) {
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

}  // namespace app

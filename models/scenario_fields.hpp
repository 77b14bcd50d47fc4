#pragma once
// The scenario format, written down once: every object of a scenario file,
// its fields with type, range, default, unit and a line for users, and the
// distribution kinds with their parameters. The loader takes its known keys,
// ranges and defaults from here, and scenarios/scenario.schema.json is
// generated from it (`roicast schema`; a test keeps the file equal to it), so
// the two cannot drift.

#include <cstddef>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace models::fields {

// No business quantity comes near 10^15 (a thousand trillion); bounding every
// input there keeps products of inputs (users × price × months) finite.
inline constexpr double largest = 1e15;
// The longest run a scenario may ask for (50 years): horizons, timings, start and stop months.
inline constexpr int max_month = 600;
// The most options a scenario may compare (each pair is compared on every path).
inline constexpr std::size_t max_options = 20;

struct Range {
    double low, high;
    bool low_open = false;
};

inline constexpr Range any{-largest, largest};
inline constexpr Range non_negative{0.0, largest};
inline constexpr Range positive{0.0, largest, true};
inline constexpr Range share{0.0, 1.0};
inline constexpr Range signed_share{-1.0, 1.0};
inline constexpr Range above_minus_one{-1.0, largest, true};
inline constexpr Range yearly_rate{0.0, 10.0};  // a year, at most 1,000 %
inline constexpr Range yearly_change{-1.0, 10.0, true};
// Durations in months: bounded by the longest run, so that month arithmetic stays in range.
inline constexpr Range months_after_start{0.0, double(max_month), true};
inline constexpr Range month_count{0.0, double(max_month)};

// Texts reports show, from every field of kind line, text, texts or
// currency, and the source and label of an input. A line holds no control
// character; a text may hold line breaks and tabs but no other control
// character (an escape sequence, a NUL). Lengths are in characters (Unicode
// code points, as JSON Schema's maxLength counts them): every output then
// shows a text whole (a workbook cell holds 32,767).
inline constexpr std::size_t max_line_length = 200;
inline constexpr std::size_t max_text_length = 2000;
// A currency is a code of 1 to 8 letters A-Z (ISO 4217: EUR, USD, CHF; or
// any other, e.g. "pts") or one of these symbols.
inline constexpr std::string_view currency_symbols[] = {"€", "$", "£", "¥", "₹", "₩", "₽", "₺",
                                                        "₪", "₫", "₴", "₦", "₱", "฿", "₿"};

// How a field is written.
enum class Kind {
    input,       // a number, {"value": x, "source", "label"} or a distribution
    number,      // a plain number
    integer,     // a plain whole number
    line,        // a string on one line: a name or label (max_line_length)
    text,        // a string, line breaks allowed: a description or source (max_text_length)
    texts,       // a string or a list of strings, each a text
    currency,    // a currency code or symbol (text_problem)
    flag,        // true or false
    choice,      // one of `choices`
    object,      // an object of type `of`
    named,       // an object of named objects of type `of`
    list,        // an array of objects of type `of`
    horizons,    // name → months
    pair,        // [low, high] months
    addresses,   // two input addresses
    unit,        // a money line's unit
    timing,      // "implementation", "go_live" or {"month": k}, k >= 0
    start,       // "contract", "go_live" or {"month": k}, k >= 1
    stop,        // "go_live" or {"month": k}, k >= 1
    adoption,    // {"model": "logistic" | "bass", …}
    edits,       // dotted path → any JSON value (a variant's `set`)
    bands,       // input address → [low, high] percentile band (a variant's `stress`)
};

struct Field {
    std::string_view name;
    Kind kind;
    std::string_view description;
    std::optional<Range> range = std::nullopt;  // numbers and inputs
    std::optional<double> default_value = std::nullopt;  // inputs and numbers; none: required or not numeric
    bool required = false;
    std::string_view unit = {};  // for users: "money a month", "share", …
    std::string_view of = {};    // object, named and list: the object type
    std::vector<std::string_view> choices = {};
};

struct ObjectType {
    std::string_view name;
    std::string_view description;
    std::vector<Field> fields;
};

// Every object type of a scenario file; "scenario" is the top level.
const std::vector<ObjectType>& object_types();
const ObjectType& object_type(std::string_view name);
const Field& field(std::string_view object, std::string_view name);
std::vector<std::string> field_names(std::string_view object);

// The units of money lines and what they charge.
struct UnitInfo {
    std::string_view name, description;
};
const std::vector<UnitInfo>& units();

// A distribution kind and its parameters.
struct Parameter {
    std::string_view name;
    bool required;
    std::string_view constraint;  // "> 0", "in [0, 1]", … (JSON Schema gets the numeric ones)
    std::optional<double> exclusive_minimum = std::nullopt, minimum = std::nullopt, maximum = std::nullopt;
};
struct DistributionKind {
    std::string_view name, description;
    std::vector<Parameter> parameters;
    // Alternative parameterisations, each a set of parameters given together.
    std::vector<std::vector<std::string_view>> forms = {};
};
const std::vector<DistributionKind>& distribution_kinds();
const DistributionKind* distribution_kind(std::string_view name);
std::vector<std::string> distribution_kind_names();
// The keys a distribution of this kind accepts: its parameters, "dist", "source", "label".
std::vector<std::string> distribution_keys(const DistributionKind& kind);

// Why `text` cannot be a value of a field of this kind (line, text, texts or
// currency), without quoting it (it may be long or hold escape sequences;
// a currency is quoted as JSON); "" if it can.
std::string text_problem(std::string_view text, Kind kind);

// The JSON Schema (draft 7) of a scenario file, generated from the tables above.
nlohmann::ordered_json scenario_schema();

}  // namespace models::fields

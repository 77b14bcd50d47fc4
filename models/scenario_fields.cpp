#include "models/scenario_fields.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <stdexcept>

#include "models/json_text.hpp"

namespace models::fields {

namespace {

constexpr std::string_view source_text = "Where the figure comes from (a quote, a study, last year's data)";
constexpr std::string_view label_text = "A short human name that reports show instead of the address";

Field label() { return {"label", Kind::line, label_text}; }
Field source() { return {"source", Kind::text, source_text}; }

Field money_amount(Range range, std::string_view description) {
    return {"amount", Kind::input, description, range, std::nullopt, true, "money, per unit"};
}

std::vector<ObjectType> build_object_types() {
    return {
        {"scenario",
         "A CRM investment scenario for roicast: the business today (baseline), one or more options, and how to "
         "simulate them. See docs/model.md.",
         {
             {"$schema", Kind::text, "Path of this JSON Schema, so that editors validate and complete the file"},
             {"name", Kind::line, "Shown at the top of every report"},
             {"currency", Kind::currency,
              "ISO 4217 code used to format money, e.g. EUR, USD, GBP (default EUR): 1 to 8 letters, or a symbol "
              "such as € or $"},
             {"notes", Kind::texts, "Context shown in reports: who, what, why"},
             {"horizons", Kind::horizons,
              "Named horizons in months (1 to 600) at which metrics are reported; the longest is the simulated "
              "length. Default {\"short\": 12, \"medium\": 36, \"long\": 60}"},
             {"discount_rate", Kind::number, "Annual discount rate (0.10 = 10 %)", yearly_rate, 0.10, false,
              "share a year"},
             {"payback_reference_months", Kind::pair,
              "A reference band [low, high] for time to positive ROI, drawn on payback charts, e.g. [12, 14]"},
             {"simulation", Kind::object, "How many paths, which seed and which sampling; flags override them", {},
              {}, false, {}, "simulation"},
             {"baseline", Kind::object, "The business without the new CRM; absent figures are 0", {}, {}, false,
              {}, "baseline"},
             {"options", Kind::named, "The CRM choices, by name (letters, digits, '_' and '-'; no '_vs_'), 1 to 20",
              {}, {},
              true, {}, "option"},
             {"correlations", Kind::list, "Spearman rank correlations between uncertain inputs", {}, {}, false, {},
              "correlation"},
             {"variants", Kind::named,
              "What-if versions of this scenario, by name (not \"base\"): run with --variant NAME or --variant all",
              {}, {}, false, {}, "variant"},
         }},
        {"variant",
         "A what-if version of the scenario: values changed (set) and inputs held to a band of their percentiles "
         "(stress)",
         {
             {"description", Kind::text, "What the variant asks, shown beside its results"},
             {"set", Kind::edits,
              "Dotted path in this file → its new value, e.g. {\"options.custom.adoption.midpoint_months\": 9}; "
              "the parent must exist, an integer segment indexes an array"},
             {"stress", Kind::bands,
              "Input address → [low, high] with 0 <= low < high <= 1: the input is drawn from that band of its "
              "percentiles, e.g. [0.9, 1] for its worst decile when high is bad"},
         }},
        {"simulation",
         "How the forecast is simulated",
         {
             {"paths", Kind::integer, "Simulated futures (default 10,000)", Range{1, 1e9}, 10000, false, "paths"},
             {"seed", Kind::integer, "Seed of the random numbers: the same seed gives the same results (default 1)",
              Range{0, 9.2e18}, 1, false},
             {"sampling", Kind::choice, "lhs (Latin hypercube, default), mc (plain Monte Carlo) or sobol", {}, {},
              false, {}, {}, {"mc", "lhs", "sobol"}},
         }},
        {"baseline",
         "The business without the new CRM. Every field is a number, {\"value\": x, \"source\": …} or a "
         "distribution; absent fields are 0",
         {
             {"users", Kind::input, "CRM seats: the sales and service staff who will use it", non_negative, 0.0,
              false, "seats"},
             {"loaded_cost_per_user_month", Kind::input,
              "Fully loaded monthly cost of one user (salary, charges, overhead)", non_negative, 0.0, false,
              "money a month"},
             {"leads_per_month", Kind::input, "New leads or enquiries a month", non_negative, 0.0, false,
              "leads a month"},
             {"conversion_rate", Kind::input, "Share of leads that become customers", share, 0.0, false, "share"},
             {"revenue_per_customer_month", Kind::input, "Monthly revenue of one active customer", non_negative,
              0.0, false, "money a month"},
             {"gross_margin", Kind::input, "Gross margin on revenue", share, 0.0, false, "share"},
             {"customers", Kind::input, "Active customers at the start", non_negative, 0.0, false, "customers"},
             {"monthly_churn", Kind::input, "Share of customers lost each month", share, 0.0, false,
              "share a month"},
             {"sales_cycle_months", Kind::input, "Months from lead to signed deal (at most 600)", month_count, 0.0,
              false, "months"},
         }},
        {"option",
         "One CRM choice: its implementation, costs, benefits, risks, adoption and effects",
         {
             label(),
             {"description", Kind::text, "A sentence about the option, shown in reports"},
             source(),
             {"implementation", Kind::object, "How long until go-live, and the budget overrun", {}, {}, true, {},
              "implementation"},
             {"rollout", Kind::list,
              "Stages in which the users go live, e.g. [{\"month\": 0, \"share\": 0.25}, {\"month\": 6, "
              "\"share\": 1}]; without it everyone goes live at go-live",
              {}, {}, false, {}, "stage"},
             {"costs", Kind::named, "Cost lines by name", {}, {}, false, {}, "cost_line"},
             {"benefits", Kind::named, "Benefit lines already estimated as money, by name", {}, {}, false, {},
              "benefit_line"},
             {"risks", Kind::named, "Risk events by name: a probability and a cost", {}, {}, false, {}, "risk"},
             {"productivity_dip", Kind::object, "Time the users lose right after go-live, fading out", {}, {},
              false, {}, "productivity_dip"},
             {"adoption", Kind::adoption,
              "How fast and how far the users adopt the CRM: {\"model\": \"logistic\", \"ceiling\", "
              "\"midpoint_months\", \"steepness\"} or {\"model\": \"bass\", \"ceiling\", \"p\", \"q\"}",
              {}, {}, true},
             {"effects", Kind::object, "What adoption changes in the business (all default 0)", {}, {}, false, {},
              "effects"},
         }},
        {"implementation",
         "From signature to go-live",
         {
             {"months", Kind::input, "Months from signature to go-live (> 0, may be fractional; at most 600)",
              months_after_start, std::nullopt, true, "months"},
             {"overrun", Kind::input, "Multiplier on the build costs, e.g. 1.2 for 20 % over budget (default 1)",
              non_negative, 1.0, false, "factor"},
         }},
        {"stage",
         "A rollout stage: from `month` months after go-live, `share` of the users (cumulative) use the CRM",
         {
             {"month", Kind::number, "Months after the system's go-live (increasing from stage to stage)",
              Range{0, double(max_month)}, std::nullopt, true, "months"},
             {"share", Kind::number, "Cumulative share of the users live from this stage on (increasing, the "
                                     "last usually 1)",
              Range{0, 1, true}, std::nullopt, true, "share"},
         }},
        {"cost_line",
         "A cost: an amount, its unit, and when it is paid",
         {
             money_amount(non_negative, "The amount per unit (>= 0)"),
             {"unit", Kind::unit, "How the amount becomes money", {}, {}, true},
             {"timing", Kind::timing,
              "One-off units: \"implementation\" (spread over the build, default), \"go_live\", or {\"month\": k} "
              "(k = 0: at signature)"},
             {"from", Kind::start, "Recurring units: \"contract\" (month 1), \"go_live\" (default) or {\"month\": k}"},
             {"until", Kind::stop,
              "Recurring units: stop at \"go_live\" (e.g. a legacy system kept until then) or after {\"month\": k}"},
             {"annual_increase", Kind::input, "Yearly escalation, e.g. 0.05 for +5 % a year (default 0)",
              yearly_change, 0.0, false, "share a year"},
             {"overrun", Kind::flag,
              "Multiply by the implementation overrun (default: true for one-off costs timed implementation)"},
             label(),
             source(),
         }},
        {"benefit_line",
         "A benefit already estimated as money: an amount, its unit, and when it comes",
         {
             money_amount(any, "The amount per unit"),
             {"unit", Kind::unit, "How the amount becomes money", {}, {}, true},
             {"timing", Kind::timing,
              "One-off units: \"implementation\" (default), \"go_live\", or {\"month\": k}"},
             {"from", Kind::start, "Recurring units: \"contract\" (month 1), \"go_live\" (default) or {\"month\": k}"},
             {"until", Kind::stop, "Recurring units: stop at \"go_live\" or after {\"month\": k}"},
             {"annual_increase", Kind::input, "Yearly escalation, e.g. 0.05 for +5 % a year (default 0)",
              yearly_change, 0.0, false, "share a year"},
             {"adoption_scaled", Kind::flag, "Multiply by the adoption A(t) (default false)"},
             {"soft", Kind::flag,
              "A soft benefit (capacity rather than cash): left out of npv_hard and roi_hard (default false)"},
             label(),
             source(),
         }},
        {"risk",
         "A risk event: with `probability` it happens and costs `cost`, placed by its timing",
         {
             {"probability", Kind::input, "Probability that it happens", share, std::nullopt, true, "share"},
             {"cost", Kind::input, "What it costs when it happens", non_negative, std::nullopt, true, "money"},
             {"timing", Kind::timing, "When the cost falls: \"go_live\" (default), \"implementation\" or "
                                      "{\"month\": k}"},
             label(),
             source(),
         }},
        {"productivity_dip",
         "Right after go-live the users lose `fraction` of their time, fading to 0 over `months`",
         {
             {"fraction", Kind::input, "Share of the users' time lost at go-live", share, std::nullopt, true,
              "share"},
             {"months", Kind::input, "Months over which the loss fades out (at most 600)", months_after_start,
              std::nullopt, true, "months"},
         }},
        {"adoption_logistic",
         "An S-curve: half of the way to the ceiling `midpoint_months` after go-live",
         {
             {"model", Kind::choice, "logistic", {}, {}, true, {}, {}, {"logistic"}},
             {"ceiling", Kind::input, "Share of the users who end up using it (default 1)", share, 1.0, false,
              "share"},
             {"midpoint_months", Kind::input, "Months after go-live to reach half of the ceiling", month_count,
              std::nullopt, true, "months"},
             {"steepness", Kind::input, "How steep the S-curve is (per month)", positive, std::nullopt, true,
              "per month"},
         }},
        {"adoption_bass",
         "The Bass diffusion curve: users who start on their own (p) and who follow others (q)",
         {
             {"model", Kind::choice, "bass", {}, {}, true, {}, {}, {"bass"}},
             {"ceiling", Kind::input, "Share of the users who end up using it (default 1)", share, 1.0, false,
              "share"},
             {"p", Kind::input, "Innovation: users who start on their own, a month", positive, std::nullopt, true,
              "per month"},
             {"q", Kind::input, "Imitation: users who follow others, a month", non_negative, std::nullopt, true,
              "per month"},
         }},
        {"effects",
         "What full adoption changes in the business; each scales with the adoption",
         {
             {"conversion_uplift", Kind::input, "Relative increase of the conversion rate (0.15 = +15 %)",
              above_minus_one, 0.0, false, "share"},
             {"churn_reduction", Kind::input, "Relative reduction of the monthly churn", signed_share, 0.0, false,
              "share"},
             {"revenue_per_customer_uplift", Kind::input, "Relative increase of revenue per customer",
              above_minus_one, 0.0, false, "share"},
             {"sales_cycle_reduction", Kind::input, "Share of the sales cycle saved", share, 0.0, false, "share"},
             {"time_saved_fraction", Kind::input, "Share of each user's working time saved", share, 0.0, false,
              "share"},
             {"productivity_capture", Kind::input, "Share of the saved time that turns into value (default 1)",
              share, 1.0, false, "share"},
             {"savings", Kind::named, "Monthly costs reduced by the CRM, by name", {}, {}, false, {}, "saving"},
         }},
        {"saving",
         "A monthly cost that the CRM reduces by `reduction` at full adoption",
         {
             {"monthly_base", Kind::input, "The monthly cost today", non_negative, std::nullopt, true,
              "money a month"},
             {"reduction", Kind::input, "Share of it saved at full adoption", signed_share, std::nullopt, true,
              "share"},
             label(),
             source(),
         }},
        {"correlation",
         "A Spearman rank correlation between two uncertain inputs, given by their addresses",
         {
             {"between", Kind::addresses,
              "Two input addresses, e.g. [\"options.custom.implementation.months\", "
              "\"options.custom.implementation.overrun\"]",
              {}, {}, true},
             {"rank", Kind::number, "The rank correlation, in [-1, 1]", signed_share, std::nullopt, true},
             source(),
         }},
    };
}

std::vector<DistributionKind> build_distribution_kinds() {
    const std::optional<double> none;
    const Parameter lower_cut{"min", false, "optional truncation: the distribution is cut below it"};
    const Parameter upper_cut{"max", false, "optional truncation: the distribution is cut above it"};
    return {
        {"pert",
         "Three-point estimate (low, most likely, high): a Beta distribution on [min, max]",
         {{"min", true, "<= mode"}, {"mode", true, "in [min, max]"}, {"max", true, ">= mode, > min"},
          {"lambda", false, "> 0, default 4: weight of the mode", 0.0}}},
        {"triangular", "Three-point estimate with heavier tails than PERT",
         {{"min", true, "<= mode"}, {"mode", true, "in [min, max]"}, {"max", true, "> min"}}},
        {"uniform", "Anywhere between min and max", {{"min", true, "< max"}, {"max", true, "> min"}}},
        {"normal",
         "Symmetric: mean and sd, or a 90 % interval p5 and p95; min and max cut the tails",
         {{"mean", false, ""}, {"sd", false, "> 0", 0.0}, {"p5", false, "< p95"}, {"p95", false, "> p5"},
          lower_cut, upper_cut},
         {{"mean", "sd"}, {"p5", "p95"}}},
        {"lognormal",
         "Right-skewed and positive: median and p90, mean and sd (of the value itself), or p5 and p95; min and "
         "max cut it",
         {{"median", false, "> 0", 0.0}, {"p90", false, "> median"}, {"mean", false, "> 0", 0.0},
          {"sd", false, "> 0", 0.0}, {"p5", false, "> 0", 0.0}, {"p95", false, "> p5"}, lower_cut, upper_cut},
         {{"median", "p90"}, {"mean", "sd"}, {"p5", "p95"}}},
        {"beta", "A share or rate: Beta(alpha, beta) on [min, max] (default [0, 1])",
         {{"alpha", true, "> 0", 0.0}, {"beta", true, "> 0", 0.0}, {"min", false, "default 0: the range"},
          {"max", false, "default 1: the range"}}},
        {"gamma", "Right-skewed and positive, mean shape × scale; min and max cut it",
         {{"shape", true, "> 0", 0.0}, {"scale", true, "> 0", 0.0}, lower_cut, upper_cut}},
        {"bernoulli", "Yes or no: 1 with probability p, else 0", {{"p", true, "in [0, 1]", none, 0.0, 1.0}}},
        {"discrete", "A few possible values with weights (they need not add up to 1)",
         {{"values", true, "an array of numbers"}, {"weights", false, "an array of numbers >= 0, one per value", std::nullopt, 0.0}}},
    };
}

nlohmann::ordered_json with_range(nlohmann::ordered_json j, const std::optional<Range>& r) {
    if (!r) return j;
    if (r->low_open) j["exclusiveMinimum"] = r->low;
    else j["minimum"] = r->low;
    j["maximum"] = r->high;
    return j;
}

constexpr std::string_view name_pattern = "^[A-Za-z][A-Za-z0-9_-]{0,63}$";

// A line, text or currency: its length and the characters it may hold, as text_problem checks them.
nlohmann::ordered_json text_schema(Kind kind, std::string_view description = {}) {
    nlohmann::ordered_json j = {{"type", "string"}};
    if (kind == Kind::currency) {
        std::string symbols;
        for (std::string_view s : currency_symbols) symbols += "|" + std::string(s == "$" ? "\\$" : s);
        j["pattern"] = "^([A-Za-z]{1,8}" + symbols + ")$";
    } else {
        j["maxLength"] = kind == Kind::line ? max_line_length : max_text_length;
        // No control character; a text may hold tabs and line feeds.
        j["pattern"] = kind == Kind::line ? "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"
                                          : "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$";
    }
    if (!description.empty()) j["description"] = description;
    return j;
}

nlohmann::ordered_json month_object(int lowest) {
    return {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"month"}},
            {"properties", {{"month", {{"type", "integer"}, {"minimum", lowest}, {"maximum", max_month}}}}}};
}

nlohmann::ordered_json schema_of(const Field& f) {
    using J = nlohmann::ordered_json;
    J j;
    switch (f.kind) {
        case Kind::input:
            j["oneOf"] = J::array(
                {with_range({{"type", "number"}}, f.range),
                 {{"type", "object"},
                  {"additionalProperties", false},
                  {"required", {"value"}},
                  {"properties",
                   {{"value", with_range({{"type", "number"}}, f.range)},
                    {"source", text_schema(Kind::text, source_text)},
                    {"label", text_schema(Kind::line, label_text)}}}},
                 {{"$ref", "#/definitions/distribution"}}});
            break;
        case Kind::number: j = with_range({{"type", "number"}}, f.range); break;
        case Kind::integer: j = with_range({{"type", "integer"}}, f.range); break;
        case Kind::line:
        case Kind::text:
        case Kind::currency: j = text_schema(f.kind); break;
        case Kind::texts:
            j["oneOf"] = J::array({text_schema(Kind::text), {{"type", "array"}, {"items", text_schema(Kind::text)}}});
            break;
        case Kind::flag: j = {{"type", "boolean"}}; break;
        case Kind::choice: j["enum"] = f.choices; break;
        case Kind::object: j = {{"$ref", "#/definitions/" + std::string(f.of)}}; break;
        case Kind::named:
            j = {{"type", "object"},
                 {"propertyNames", {{"pattern", name_pattern}}},
                 {"additionalProperties", {{"$ref", "#/definitions/" + std::string(f.of)}}}};
            break;
        case Kind::list:
            j = {{"type", "array"}, {"minItems", 1}, {"items", {{"$ref", "#/definitions/" + std::string(f.of)}}}};
            break;
        case Kind::horizons:
            j = {{"type", "object"},
                 {"minProperties", 1},
                 {"propertyNames", {{"pattern", name_pattern}}},
                 {"additionalProperties", {{"type", "integer"}, {"minimum", 1}, {"maximum", max_month}}}};
            break;
        case Kind::pair:
            j = {{"type", "array"},
                 {"items", {{"type", "number"}, {"minimum", 0}}},
                 {"minItems", 2},
                 {"maxItems", 2}};
            break;
        case Kind::addresses:
            j = {{"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", 2}, {"maxItems", 2}};
            break;
        case Kind::unit: j = {{"$ref", "#/definitions/unit"}}; break;
        case Kind::timing: j["oneOf"] = J::array({{{"enum", {"implementation", "go_live"}}}, month_object(0)}); break;
        case Kind::start: j["oneOf"] = J::array({{{"enum", {"contract", "go_live"}}}, month_object(1)}); break;
        case Kind::stop: j["oneOf"] = J::array({{{"const", "go_live"}}, month_object(1)}); break;
        case Kind::adoption:
            j["oneOf"] = J::array({{{"$ref", "#/definitions/adoption_logistic"}},
                                   {{"$ref", "#/definitions/adoption_bass"}}});
            break;
        case Kind::edits: j = {{"type", "object"}, {"minProperties", 1}}; break;
        case Kind::bands:
            j = {{"type", "object"},
                 {"minProperties", 1},
                 {"additionalProperties",
                  {{"type", "array"},
                   {"items", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}},
                   {"minItems", 2},
                   {"maxItems", 2}}}};
            break;
    }
    if (f.name == "options") {
        j["minProperties"] = 1;
        j["maxProperties"] = max_options;
        j["propertyNames"] = {{"pattern", name_pattern}, {"not", {{"pattern", "_vs_"}}}};
    }
    if (f.name == "variants") j["propertyNames"] = {{"pattern", name_pattern}, {"not", {{"const", "base"}}}};
    std::string description(f.description);
    if (!f.unit.empty()) description += " [" + std::string(f.unit) + "]";
    j["description"] = description;
    return j;
}

nlohmann::ordered_json object_schema(const ObjectType& t) {
    nlohmann::ordered_json j = {{"type", "object"}, {"description", t.description}, {"additionalProperties", false}};
    nlohmann::ordered_json required = nlohmann::ordered_json::array(), properties = nlohmann::ordered_json::object();
    for (const Field& f : t.fields) {
        if (f.required) required.push_back(f.name);
        properties[std::string(f.name)] = schema_of(f);
    }
    if (!required.empty()) j["required"] = required;
    j["properties"] = properties;
    return j;
}

nlohmann::ordered_json distribution_schema() {
    using J = nlohmann::ordered_json;
    J kinds = J::array();
    for (const DistributionKind& k : distribution_kinds()) {
        J properties = {{"dist", {{"const", k.name}}}};
        J required = {"dist"};
        for (const Parameter& p : k.parameters) {
            const bool list = p.name == "values" || p.name == "weights";
            J number = {{"type", "number"}};
            if (p.exclusive_minimum) number["exclusiveMinimum"] = *p.exclusive_minimum;
            if (p.minimum) number["minimum"] = *p.minimum;
            if (p.maximum) number["maximum"] = *p.maximum;
            J param = list ? J{{"type", "array"}, {"items", number}, {"minItems", 1}} : number;
            if (!p.constraint.empty()) param["description"] = p.constraint;
            properties[std::string(p.name)] = param;
            if (p.required) required.push_back(p.name);
        }
        properties["source"] = text_schema(Kind::text, source_text);
        properties["label"] = text_schema(Kind::line, label_text);
        J kind = {{"type", "object"},
                  {"description", k.description},
                  {"additionalProperties", false},
                  {"required", required},
                  {"properties", properties}};
        if (!k.forms.empty()) {
            J forms = J::array();
            for (const auto& form : k.forms) forms.push_back({{"required", form}});
            kind["oneOf"] = forms;
        }
        kinds.push_back(kind);
    }
    return {{"type", "object"},
            {"description", "A distribution: {\"dist\": kind, parameters…}; see docs/model.md"},
            {"required", {"dist"}},
            {"oneOf", kinds}};
}

}  // namespace

std::string text_problem(std::string_view text, Kind kind) {
    if (kind == Kind::currency) {
        const bool code = !text.empty() && text.size() <= 8 && std::all_of(text.begin(), text.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        });
        if (code || std::find(std::begin(currency_symbols), std::end(currency_symbols), text) != std::end(currency_symbols))
            return "";
        std::string symbols;
        for (std::string_view s : currency_symbols) symbols += " " + std::string(s);
        return "expected a currency code of 1 to 8 letters (EUR, USD, CHF) or one of the symbols" + symbols + ", got " +
               json_excerpt(nlohmann::ordered_json(std::string(text)));
    }
    const bool text_with_breaks = kind != Kind::line;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80) ++characters;
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        const bool c1 = c == 0xC2 && next >= 0x80 && next <= 0x9F;
        if (!(c < 0x20 || c == 0x7f || c1) || (text_with_breaks && (c == '\n' || c == '\t'))) continue;
        char code[8];
        std::snprintf(code, sizeof code, "%04X", c1 ? next : c);
        return "holds a control character (U+" + std::string(code) + ") at character " + std::to_string(characters) +
               (text_with_breaks ? "; a text may hold line breaks and tabs, no other control character"
                                 : "; a name or label is one line of text without control characters");
    }
    const std::size_t most = text_with_breaks ? max_text_length : max_line_length;
    if (characters > most)
        return "is " + std::to_string(characters) + " characters long; " +
               (text_with_breaks ? "a text" : "a name or label") + " may have at most " + std::to_string(most);
    return "";
}

const std::vector<ObjectType>& object_types() {
    static const std::vector<ObjectType> types = build_object_types();
    return types;
}

const ObjectType& object_type(std::string_view name) {
    for (const ObjectType& t : object_types())
        if (t.name == name) return t;
    throw std::logic_error("no scenario object type " + std::string(name));
}

const Field& field(std::string_view object, std::string_view name) {
    for (const Field& f : object_type(object).fields)
        if (f.name == name) return f;
    throw std::logic_error("no field " + std::string(name) + " in " + std::string(object));
}

std::vector<std::string> field_names(std::string_view object) {
    std::vector<std::string> names;
    for (const Field& f : object_type(object).fields) names.emplace_back(f.name);
    return names;
}

const std::vector<UnitInfo>& units() {
    static const std::vector<UnitInfo> all = {
        {"once", "the amount once, placed by its timing"},
        {"per_user_once", "the amount × users once, placed by its timing (per stage at go-live)"},
        {"per_month", "the amount every month the line runs"},
        {"per_user_month", "the amount × users (seats in use) every month the line runs"},
        {"per_year", "the amount once a year, billed in advance from the line's first month"},
        {"per_user_year", "the amount × users once a year, billed in advance (per stage from go-live)"},
        {"build_fraction_per_year", "the amount × the build cost a year, charged monthly (maintenance)"},
    };
    return all;
}

const std::vector<DistributionKind>& distribution_kinds() {
    static const std::vector<DistributionKind> kinds = build_distribution_kinds();
    return kinds;
}

const DistributionKind* distribution_kind(std::string_view name) {
    for (const DistributionKind& k : distribution_kinds())
        if (k.name == name) return &k;
    return nullptr;
}

std::vector<std::string> distribution_kind_names() {
    std::vector<std::string> names;
    for (const DistributionKind& k : distribution_kinds()) names.emplace_back(k.name);
    return names;
}

std::vector<std::string> distribution_keys(const DistributionKind& kind) {
    std::vector<std::string> keys = {"dist", "source", "label"};
    for (const Parameter& p : kind.parameters) keys.emplace_back(p.name);
    return keys;
}

nlohmann::ordered_json scenario_schema() {
    using J = nlohmann::ordered_json;
    const ObjectType& top = object_type("scenario");
    J schema = {{"$schema", "http://json-schema.org/draft-07/schema#"},
                {"$id", "https://roicast.example/scenario.schema.json"},
                {"title", "roicast scenario"}};
    J body = object_schema(top);
    for (auto& [key, value] : body.items()) schema[key] = value;
    J definitions = J::object();
    for (const ObjectType& t : object_types())
        if (t.name != "scenario") definitions[std::string(t.name)] = object_schema(t);
    J unit_names = J::array();
    std::string unit_text = "How a money line's amount becomes money:";
    for (const UnitInfo& u : units()) {
        unit_names.push_back(u.name);
        unit_text += " " + std::string(u.name) + ": " + std::string(u.description) + ";";
    }
    unit_text.back() = '.';
    definitions["unit"] = {{"enum", unit_names}, {"description", unit_text}};
    definitions["distribution"] = distribution_schema();
    schema["definitions"] = definitions;
    return schema;
}

}  // namespace models::fields

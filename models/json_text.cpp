#include "models/json_text.hpp"

#include "sim/format_number.hpp"

namespace models {

std::string json_type_name(const nlohmann::ordered_json& j) {
    if (j.is_null()) return "null";
    if (j.is_boolean()) return "a boolean";
    if (j.is_number()) return "a number";
    if (j.is_string()) return "a string";
    if (j.is_array()) return "an array";
    return "an object";
}

namespace {

// JSON text as dump() writes it, but a number as people read it: "250,000"
// alone, "250000" inside an array or object (where a thousands separator
// would read as the next element), never "2.5e+05".
void shown(const nlohmann::ordered_json& j, bool alone, std::string& out) {
    if (j.is_number_unsigned()) out += alone ? sim::format_whole(j.get<std::uint64_t>()) : std::to_string(j.get<std::uint64_t>());
    else if (j.is_number_integer()) out += alone ? sim::format_whole(j.get<std::int64_t>()) : std::to_string(j.get<std::int64_t>());
    else if (j.is_number_float()) out += sim::format_number(j.get<double>(), alone);
    else if (j.is_array()) {
        out += '[';
        for (std::size_t i = 0; i < j.size() && out.size() < 4096; ++i) {
            if (i) out += ',';
            shown(j[i], false, out);
        }
        out += ']';
    } else if (j.is_object()) {
        out += '{';
        bool first = true;
        for (const auto& [key, value] : j.items()) {
            if (out.size() >= 4096) break;
            if (!first) out += ',';
            first = false;
            out += nlohmann::ordered_json(key).dump() + ':';
            shown(value, false, out);
        }
        out += '}';
    } else out += j.dump();
}

}  // namespace

std::string json_excerpt(const nlohmann::ordered_json& j, std::size_t limit) {
    std::string s;
    shown(j, true, s);
    if (s.size() > limit) s = s.substr(0, limit - 3) + "...";
    return s;
}

}  // namespace models

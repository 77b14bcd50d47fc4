#include "models/json_text.hpp"

namespace models {

std::string json_type_name(const nlohmann::ordered_json& j) {
    if (j.is_null()) return "null";
    if (j.is_boolean()) return "a boolean";
    if (j.is_number()) return "a number";
    if (j.is_string()) return "a string";
    if (j.is_array()) return "an array";
    return "an object";
}

std::string json_excerpt(const nlohmann::ordered_json& j, std::size_t limit) {
    std::string s = j.dump();
    if (s.size() > limit) s = s.substr(0, limit - 3) + "...";
    return s;
}

}  // namespace models

#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

namespace models {

// "a number", "an object", …: what a JSON value is, for an error message.
std::string json_type_name(const nlohmann::ordered_json& j);
// The value as JSON text (numbers as people read them: sim::format_number), cut to `limit` characters with "..." for a message.
std::string json_excerpt(const nlohmann::ordered_json& j, std::size_t limit = 60);

}  // namespace models

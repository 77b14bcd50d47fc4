#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string_view>

#include "models/scenario.hpp"
#include "models/scenario_error.hpp"

namespace models {

// Reads and validates a scenario (docs/model.md). Everything is checked before
// anything is simulated; all problems are thrown at once as a ScenarioError.
Scenario load_scenario(const nlohmann::ordered_json& document);
Scenario parse_scenario(std::string_view text);
// The JSON of a scenario file, refused (ScenarioError) when it is not JSON,
// repeats a key in an object, or nests absurdly deep; not yet validated.
nlohmann::ordered_json parse_scenario_document(std::string_view text);
Scenario load_scenario_file(const std::filesystem::path& file);

// A scenario is a few kilobytes; a file (or device, or pipe) larger than this
// is refused before it is read whole.
inline constexpr std::size_t max_scenario_bytes = std::size_t{16} << 20;

// The text of a scenario file; ScenarioError when it cannot be read or is
// larger than max_scenario_bytes.
std::string read_scenario_text(const std::filesystem::path& file);

}  // namespace models

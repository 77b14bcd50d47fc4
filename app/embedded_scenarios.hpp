#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace app {

// The shipped scenarios (scenarios/*.json), compiled into the binary.
struct EmbeddedScenario {
    std::string_view name;  // file name without .json
    std::string_view text;
};

const std::vector<EmbeddedScenario>& embedded_scenarios();

inline std::optional<EmbeddedScenario> find_embedded(std::string_view name) {
    for (const auto& s : embedded_scenarios())
        if (s.name == name) return s;
    return std::nullopt;
}

}  // namespace app

#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace models {

// One change to a scenario document: the value at a dotted path
// ("options.custom.adoption.midpoint_months", "options.standard.rollout.1.share")
// replaced or added. What a variant's `set`, `--set`, a sweep point and a
// goal-seek step do.
struct Edit {
    std::string path;
    nlohmann::ordered_json value;
};

// The segments of a dotted path; throws std::invalid_argument for an empty one.
std::vector<std::string> path_segments(std::string_view path);

// "PATH=JSON" as given to --set; throws ScenarioError (address "--set") when
// there is no '=' or the value is not JSON.
Edit parse_edit(std::string_view argument);

// Applies an edit in place. The parent must exist: object keys are followed
// (an unknown one is an error with the nearest known key as a suggestion), an
// integer segment indexes an existing array element, and nothing goes through
// a number or a string. Throws ScenarioError; its address is `where` (the
// edit's origin, e.g. "--set" or "variants.slow.set") and the message names
// the path.
void apply_edit(nlohmann::ordered_json& document, const Edit& edit, const std::string& where);

// The value at a dotted path of a document (a results file's statistic), or
// an error message naming the first segment that does not exist, with a
// suggestion.
struct PathLookup {
    const nlohmann::ordered_json* value = nullptr;
    std::string error;
};
PathLookup find_path(const nlohmann::ordered_json& document, std::string_view path);

}  // namespace models

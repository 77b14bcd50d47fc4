#include "models/scenario_edit.hpp"

#include <charconv>
#include <stdexcept>

#include "models/did_you_mean.hpp"
#include "models/json_text.hpp"
#include "models/scenario_error.hpp"

namespace models {

using Json = nlohmann::ordered_json;

namespace {

std::optional<std::size_t> index_of(const std::string& segment) {
    std::size_t i = 0;
    const auto [end, error] = std::from_chars(segment.data(), segment.data() + segment.size(), i);
    if (error != std::errc{} || end != segment.data() + segment.size()) return std::nullopt;
    return i;
}

// One step from `node` along `segment`: the child, or why there is none.
// `add` allows a missing object key (the last segment of an edit).
struct Step {
    Json* child = nullptr;
    std::string error;
};

Step step(Json& node, const std::string& segment, const std::string& at, bool add) {
    const std::string where = at.empty() ? "the document" : "\"" + at + "\"";
    if (node.is_object()) {
        if (node.contains(segment)) return {&node[segment], {}};
        if (add) return {&node[segment], {}};
        std::vector<std::string> keys;
        for (const auto& item : node.items()) keys.push_back(item.key());
        const std::string hint = did_you_mean(segment, keys);
        std::string known;
        if (hint.empty())
            for (const auto& k : keys) known += (known.empty() ? "; it has " : ", ") + k;
        return {nullptr, "no \"" + segment + "\" in " + where + (hint.empty() ? known : hint)};
    }
    if (node.is_array()) {
        const auto i = index_of(segment);
        if (!i || *i >= node.size())
            return {nullptr, where + " is an array of " + std::to_string(node.size()) +
                                 (node.empty() ? "" : " (indices 0 to " + std::to_string(node.size() - 1) + ")") +
                                 ", got \"" + segment + "\"; nothing is appended"};
        return {&node[*i], {}};
    }
    return {nullptr, where + " is " + json_type_name(node) + " (" + json_excerpt(node, 40) + "); a path cannot go through it"};
}

}  // namespace

std::vector<std::string> path_segments(std::string_view path) {
    std::vector<std::string> segments;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = path.find('.', start);
        const std::string_view part = path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (part.empty()) throw std::invalid_argument("empty segment in the path \"" + std::string(path) + "\"");
        segments.emplace_back(part);
        if (dot == std::string_view::npos) return segments;
        start = dot + 1;
    }
}

Edit parse_edit(std::string_view argument) {
    const std::size_t eq = argument.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw ScenarioError(std::vector<Issue>{
            {"--set", "expected PATH=JSON (e.g. discount_rate=0.12), got \"" + std::string(argument) + "\""}});
    Edit edit{std::string(argument.substr(0, eq)), {}};
    try {
        edit.value = Json::parse(argument.substr(eq + 1));
    } catch (const nlohmann::json::exception&) {
        throw ScenarioError(std::vector<Issue>{
            {"--set", edit.path + ": the value is not JSON: " + std::string(argument.substr(eq + 1)) +
                          " (text needs quotes: " + edit.path + "='\"text\"')"}});
    }
    return edit;
}

void apply_edit(Json& document, const Edit& edit, const std::string& where) {
    std::vector<std::string> segments;
    try {
        segments = path_segments(edit.path);
    } catch (const std::invalid_argument& e) {
        throw ScenarioError(std::vector<Issue>{{where, e.what()}});
    }
    Json* node = &document;
    std::string at;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        Step s = step(*node, segments[i], at, i + 1 == segments.size());
        if (!s.child) throw ScenarioError(std::vector<Issue>{{where, edit.path + ": " + s.error}});
        node = s.child;
        at += (at.empty() ? "" : ".") + segments[i];
    }
    *node = edit.value;
}

PathLookup find_path(const Json& document, std::string_view path) {
    std::vector<std::string> segments;
    try {
        segments = path_segments(path);
    } catch (const std::invalid_argument& e) {
        return {nullptr, e.what()};
    }
    // Only reads: the const_cast lets reading and editing share one walk.
    Json* node = const_cast<Json*>(&document);
    std::string at;
    for (const auto& segment : segments) {
        Step s = step(*node, segment, at, false);
        if (!s.child) return {nullptr, s.error};
        node = s.child;
        at += (at.empty() ? "" : ".") + segment;
    }
    return {node, {}};
}

}  // namespace models

#include "models/variants.hpp"

#include <algorithm>

#include "models/did_you_mean.hpp"
#include "models/scenario_error.hpp"
#include "models/scenario_loader.hpp"

namespace models {

using Json = nlohmann::ordered_json;

namespace {

// Issues of a variant's document, moved under the variant's name.
ScenarioError named(const ScenarioError& e, const std::string& where) {
    std::vector<Issue> issues;
    for (const Issue& i : e.issues())
        issues.push_back({where, i.address.empty() || i.address == where ? i.message : i.address + ": " + i.message});
    return ScenarioError(std::move(issues));
}

}  // namespace

Json variant_document(const Json& document, const Variant* variant, std::span<const Edit> extra) {
    Json doc = document;
    if (variant) {
        doc.erase("variants");
        for (const Edit& e : variant->set) apply_edit(doc, e, "variants." + variant->name + ".set");
    }
    for (const Edit& e : extra) apply_edit(doc, e, "--set");
    return doc;
}

Scenario variant_scenario(const Json& document, const Variant* variant, std::span<const Edit> extra) {
    const Json doc = variant_document(document, variant, extra);
    if (!variant) return load_scenario(doc);
    const std::string where = "variants." + variant->name;
    if (doc.contains("variants"))
        throw ScenarioError(std::vector<Issue>{{where + ".set", "a variant cannot define variants of its own"}});
    Scenario s;
    try {
        s = load_scenario(doc);
    } catch (const ScenarioError& e) {
        throw named(e, where);
    }
    std::vector<Issue> issues;
    for (const Stress& stress : variant->stress) {
        const std::string at = where + ".stress." + stress.address;
        const auto id = s.inputs.find(stress.address);
        if (!id) {
            std::vector<std::string> uncertain;
            for (const InputId u : s.inputs.uncertain()) uncertain.push_back(s.inputs[u].address);
            issues.push_back({at, "no such input" + did_you_mean(stress.address, uncertain)});
        } else if (!s.inputs[*id].dimension) {
            issues.push_back({at, "is a constant; only an uncertain input (a distribution) can be stressed"});
        } else {
            s.inputs.stress(*id, stress.band);
        }
    }
    if (!issues.empty()) throw ScenarioError(std::move(issues));
    return s;
}

std::vector<const Variant*> select_variants(const Scenario& base, std::span<const std::string> names) {
    std::vector<const Variant*> selected;
    const auto add = [&](const Variant& v) {
        if (std::find(selected.begin(), selected.end(), &v) == selected.end()) selected.push_back(&v);
    };
    std::vector<std::string> known;
    for (const Variant& v : base.variants) known.push_back(v.name);
    for (const std::string& name : names) {
        if (name == "all") {
            for (const Variant& v : base.variants) add(v);
            continue;
        }
        if (name == "base") continue;  // always runs
        const auto it = std::find_if(base.variants.begin(), base.variants.end(),
                                     [&](const Variant& v) { return v.name == name; });
        if (it == base.variants.end()) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
            const std::string hint = did_you_mean(name, known);
            throw ScenarioError(std::vector<Issue>{
                {"--variant", "no variant \"" + name + "\"" +
                                  (!hint.empty() ? hint : known.empty() ? "; the scenario has none" : "; it has " + list)}});
        }
        add(*it);
    }
    return selected;
}

}  // namespace models

#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "models/scenario.hpp"
#include "models/scenario_edit.hpp"

namespace models {

// The document of a variant: the scenario's own without "variants", the
// variant's `set` in file order, then `extra` (--set) on top. No variant: the
// base with `extra` only. Throws ScenarioError for an edit that cannot apply.
nlohmann::ordered_json variant_document(const nlohmann::ordered_json& document, const Variant* variant,
                                        std::span<const Edit> extra);

// The scenario of a variant (or of the base, when `variant` is null) with
// `extra` applied: its document loaded and validated, then its inputs
// stressed. Every error names the variant ("variants.slow_adoption") and,
// in the message, the address in its document.
Scenario variant_scenario(const nlohmann::ordered_json& document, const Variant* variant,
                          std::span<const Edit> extra);

// The variants that --variant names select, in the order given ("all": every
// one, in file order). Throws ScenarioError (address "--variant") for an
// unknown name, with a suggestion.
std::vector<const Variant*> select_variants(const Scenario& base, std::span<const std::string> names);

}  // namespace models

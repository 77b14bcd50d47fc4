#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "models/path_store.hpp"
#include "models/scenario.hpp"

namespace app {

// Most paths whose key metrics a results file may carry (--samples).
inline constexpr std::uint64_t max_samples = 100'000;

// The key metrics of the first n paths, one row per path and option: NPV and
// ROI at each horizon and the payback month (null: not reached). Paths come
// from independent streams, so the first n are a random sample of the run.
nlohmann::ordered_json samples_json(const models::Scenario& s, const models::PathStore& store, std::uint64_t n);

}  // namespace app

#include "app/samples.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace app {

nlohmann::ordered_json samples_json(const models::Scenario& s, const models::PathStore& store, std::uint64_t n) {
    using Json = nlohmann::ordered_json;
    n = std::min({n, store.paths(), max_samples});
    Json columns = {"path", "option"};
    for (const auto& h : s.horizons) {
        columns.push_back("npv_" + std::to_string(h.months));
        columns.push_back("roi_" + std::to_string(h.months));
    }
    columns.push_back("payback_months");
    const auto value = [](double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); };
    Json rows = Json::array();
    for (std::uint64_t i = 0; i < n; ++i)
        for (std::size_t o = 0; o < s.options.size(); ++o) {
            Json row = {i, s.options[o].name};
            for (std::size_t h = 0; h < s.horizons.size(); ++h) {
                row.push_back(value(store.metric(o, h, models::Metric::npv)[i]));
                row.push_back(value(store.metric(o, h, models::Metric::roi)[i]));
            }
            row.push_back(value(store.payback(o, false)[i]));
            rows.push_back(std::move(row));
        }
    std::string note = "The first " + std::to_string(n) + " of " + std::to_string(store.paths()) +
                       " paths, one row per path and option";
    if (n == max_samples && store.paths() > max_samples) note += " (capped at " + std::to_string(max_samples) + " paths)";
    note += "; payback_months empty where the path does not pay back within the run.";
    return {{"paths", n}, {"note", note}, {"columns", columns}, {"rows", rows}};
}

}  // namespace app

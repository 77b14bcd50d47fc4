#include "app/scenario_run.hpp"

#include <algorithm>
#include <optional>

#include "app/results_from_forecast.hpp"
#include "models/variants.hpp"

namespace app {

namespace {

// The same seed, paths and sampling as the base run, so that a variant's
// difference to base is its change, path by path, and not noise.
models::ForecastSettings variant_settings(models::ForecastSettings settings, const models::Forecast& base) {
    settings.paths = base.run.paths;
    settings.seed = base.run.seed;
    settings.sampling = base.run.sampling;
    settings.convergence.reset();
    settings.stream = base.streaming.has_value();
    return settings;
}

models::Scenario named(models::Scenario s, const std::string& fallback_name) {
    if (s.name.empty()) s.name = fallback_name;
    return s;
}

}  // namespace

ScenarioRuns scenario_runs(const nlohmann::ordered_json& document, const std::string& fallback_name,
                           std::vector<models::Edit> sets, std::span<const std::string> variant_names) {
    ScenarioRuns runs{named(models::variant_scenario(document, nullptr, sets), fallback_name), {}, {}, {}};
    runs.chosen = models::select_variants(runs.base, variant_names);
    for (const auto* v : runs.chosen)
        runs.variants.push_back(named(models::variant_scenario(document, v, sets), fallback_name));
    runs.sets = std::move(sets);
    return runs;
}

ResultsDocument run_scenarios(const ScenarioRuns& runs, models::ForecastSettings settings) {
    settings.keep_key_paths = !runs.chosen.empty();
    // The samples of base and every variant share one budget, on the same
    // paths: the base keeps the input draws, each variant its own metrics.
    // (An analyst reads the draws once; a variant that changes an input
    // shows the change in its definition.)
    std::uint64_t per_path = models::sample_values_per_path(runs.base, true);
    for (const auto& vs : runs.variants) per_path += models::sample_values_per_path(vs, false);
    const std::uint64_t paths = models::max_sample_values / std::max<std::uint64_t>(per_path, 1);
    settings.sample_values = paths * models::sample_values_per_path(runs.base, true);
    sim::InverseCdfCache own_tables;  // a variant draws most inputs from the base's distributions
    if (!settings.tables) settings.tables = &own_tables;
    const models::Forecast base = models::forecast(runs.base, settings);
    std::vector<models::Forecast> forecasts;
    for (const auto& vs : runs.variants) {
        models::ForecastSettings own = variant_settings(settings, base);
        own.sample_inputs = false;
        own.sample_values = paths * models::sample_values_per_path(vs, false);
        forecasts.push_back(models::forecast(vs, own));
    }
    ResultsDocument results = results_document(runs.base, base);
    results.set = set_record(runs.sets);
    if (!runs.chosen.empty()) {
        results.variants.emplace();
        for (std::size_t i = 0; i < runs.chosen.size(); ++i)
            results.variants->push_back(variant_result(*runs.chosen[i], runs.sets, runs.variants[i], forecasts[i], base));
    }
    return results;
}

}  // namespace app

// libFuzzer harness: any byte string handed to the scenario loader either
// loads or is rejected with a ScenarioError; a scenario that loads simulates
// a few paths without crashing. Anything else (a crash, a sanitizer report,
// another exception) is a bug. Seeds: scenarios/*.json.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "models/results.hpp"
#include "models/scenario_loader.hpp"
#include "models/simulation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    models::Scenario s;
    try {
        s = models::parse_scenario(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const models::ScenarioError&) {
        return 0;
    }
    models::RunSettings settings;
    settings.paths = 4;
    settings.threads = 1;
    const auto store = models::simulate(s, settings);
    (void)models::summarize(s, store, 1);
    return 0;
}

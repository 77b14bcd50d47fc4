#pragma once

#include <string>
#include <vector>

#include "models/convergence.hpp"
#include "models/results.hpp"
#include "models/scenario.hpp"
#include "models/sensitivity.hpp"
#include "models/value_of_information.hpp"
#include "models/simulation.hpp"
#include "models/streaming_summary.hpp"
#include "sim/gaussian_copula.hpp"

namespace app {

// Everything a report writer needs about one finished run.
struct RunReport {
    const models::Scenario& scenario;
    const models::RunSettings& settings;
    const models::Results& results;
    const sim::GaussianCopula& copula;
    unsigned threads = 1;
    double elapsed_seconds = 0;
    const models::Sensitivity* sensitivity = nullptr;  // when asked for
    const models::ValueOfInformation* value_of_information = nullptr;
    const models::Convergence* convergence = nullptr;  // with --target-ci
    const models::StreamingInfo* streaming = nullptr;  // a run summarised without storing its paths
};

}  // namespace app

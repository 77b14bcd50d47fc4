// The forecast call behind every command: a run grown to a precision target
// equals a fixed run of its final size, the memory plan refuses before
// allocating, and cancellation is honoured after the simulation too.
#include "models/forecast.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>

#include "models/breakdown.hpp"

#include "models/scenario_loader.hpp"
#include "scenario_fixture.hpp"

namespace {

models::Scenario shipped() {
    return models::load_scenario_file(std::string(ROICAST_SOURCE_DIR) + "/scenarios/custom-vs-standard.json");
}

const sim::Summary& npv(const models::Results& r, std::size_t option, std::size_t horizon) {
    return r.options[option].horizons[horizon][static_cast<std::size_t>(models::Metric::npv)];
}

TEST(Forecast, AGrownRunEqualsAFixedRunOfItsFinalSize) {
    const models::Scenario s = shipped();
    models::ForecastSettings grown;
    grown.paths = 1000;
    grown.seed = 11;
    // A target no run of 4,000 paths meets: batches of 1,000, 1,000 and 2,000 new paths.
    grown.convergence = models::ConvergenceTarget{1e-6, 4000};
    const models::Forecast g = models::forecast(s, grown);
    ASSERT_EQ(g.run.paths, 4000u);
    ASSERT_EQ(g.convergence->trace.size(), 3u);
    EXPECT_EQ(g.convergence->trace[1].paths, 2000u);
    EXPECT_FALSE(g.convergence->met);

    models::ForecastSettings fixed;
    fixed.paths = 4000;
    fixed.seed = 11;
    fixed.sampling = sim::Sampling::mc;  // what a growing run uses instead of LHS
    const models::Forecast f = models::forecast(s, fixed);
    for (std::size_t o = 0; o < s.options.size(); ++o)
        for (std::size_t h = 0; h < s.horizons.size(); ++h) {
            EXPECT_EQ(npv(g.results, o, h).mean, npv(f.results, o, h).mean);
            EXPECT_EQ(npv(g.results, o, h).percentiles, npv(f.results, o, h).percentiles);
        }
    EXPECT_EQ(g.results.options[0].payback.cdf, f.results.options[0].payback.cdf);
    EXPECT_EQ(g.value_of_information.horizons[0].evpi.value, f.value_of_information.horizons[0].evpi.value);
}

TEST(Forecast, RefusesARunThatWouldNotFitBeforeAllocating) {
    const models::Scenario s = shipped();
    models::ForecastSettings settings;
    settings.paths = 1'000'000;
    settings.memory_limit = 64 << 20;
    try {
        models::plan_forecast(s, settings);
        FAIL() << "planned a million paths in 64 MiB";
    } catch (const models::ForecastRefused& e) {
        EXPECT_EQ(e.setting, "paths");
        EXPECT_NE(e.message.find("1,000,000 paths would need about"), std::string::npos) << e.message;
    }
    settings.paths = 1000;
    settings.sensitivity = models::SensitivitySettings{{models::SensitivityMethod::sobol}, std::uint64_t{1} << 20};
    try {
        models::plan_forecast(s, settings);
        FAIL() << "planned 2^20 Sobol base rows in 64 MiB";
    } catch (const models::ForecastRefused& e) {
        EXPECT_EQ(e.setting, "sobol_samples");
    }
}

TEST(Forecast, StreamsWhenAskedAndKeepsThePilotForSamples) {
    const models::Scenario s = shipped();
    models::ForecastSettings settings;
    settings.paths = 5000;
    settings.stream = true;
    settings.samples = 3;
    const models::ForecastPlan plan = models::plan_forecast(s, settings);
    EXPECT_TRUE(plan.streaming);
    const models::Forecast f = models::forecast(s, settings);
    ASSERT_TRUE(f.streaming);
    EXPECT_EQ(f.streaming->pilot_paths, 5000u);  // the pilot is capped at the run's own paths
    ASSERT_TRUE(f.samples);
    EXPECT_EQ(f.samples->rows.size(), 3 * s.options.size());
}

// A run of `paths` watched through a cancel flag and a progress counter.
struct Watched {
    std::atomic<bool> cancel{false};
    std::atomic<std::uint64_t> progress{0};
    models::ForecastSettings settings;
    explicit Watched(std::uint64_t paths) {
        settings.paths = paths;
        settings.cancel = &cancel;
        settings.progress = &progress;
    }
};

TEST(Forecast, ACancelledRunStopsBeforeSimulating) {
    Watched run(100'000);
    run.cancel = true;
    EXPECT_THROW(models::forecast(shipped(), run.settings), models::Cancelled);
    EXPECT_EQ(run.progress.load(), 0u);
}

// Cancelled once every path is simulated: the summaries, the sensitivity
// design and the value of information must not run to the end regardless.
TEST(Forecast, CancellationIsHonouredAfterTheSimulation) {
    Watched run(20'000);
    run.settings.threads = 2;
    // A Sobol design of 2^15 · (inputs + 2) runs: far longer than the main run.
    run.settings.sensitivity = models::SensitivitySettings{{models::SensitivityMethod::sobol}, std::uint64_t{1} << 15};
    std::thread watcher([&] {
        while (run.progress.load() < 20'000) std::this_thread::yield();
        run.cancel.store(true);
    });
    EXPECT_THROW(models::forecast(shipped(), run.settings), models::Cancelled);
    watcher.join();
}

}  // namespace

namespace {

// On every path the breakdown rows add up to the benefits and costs (to the
// float precision the breakdown is kept in), and the year table's periods add
// up to the horizon totals when horizons fall on year ends.
TEST(Breakdown, ComponentsAndYearsAddUpOnEveryPath) {
    const models::Scenario s = shipped();
    models::RunSettings run;
    run.paths = 2000;
    const models::PathStore store = models::simulate(s, run);
    for (std::size_t o = 0; o < s.options.size(); ++o) {
        const models::BreakdownLayout l = models::breakdown_layout(s.options[o]);
        for (std::size_t h = 0; h < s.horizons.size(); ++h) {
            const int months = s.horizons[h].months;
            ASSERT_EQ(months % 12, 0);
            for (std::size_t i = 0; i < run.paths; ++i) {
                double benefits = 0, costs = 0, year_benefits = 0, year_costs = 0;
                for (std::size_t c = 0; c < l.size(); ++c)
                    (c < l.benefit_rows() ? benefits : costs) += store.breakdown(o, h, c)[i];
                for (std::size_t y = 0; y <= static_cast<std::size_t>(months / 12); ++y) {
                    year_benefits += store.year(o, y, models::YearPart::benefits)[i];
                    year_costs += store.year(o, y, models::YearPart::costs)[i];
                }
                const double B = store.metric(o, h, models::Metric::benefits)[i];
                const double C = store.metric(o, h, models::Metric::costs)[i];
                ASSERT_NEAR(benefits, B, 1e-6 * std::abs(B) + 1e-3) << "option " << o << " horizon " << h << " path " << i;
                ASSERT_NEAR(costs, C, 1e-6 * std::abs(C) + 1e-3) << "option " << o << " horizon " << h << " path " << i;
                ASSERT_NEAR(year_benefits, B, 1e-6 * std::abs(B) + 1e-3);
                ASSERT_NEAR(year_costs, C, 1e-6 * std::abs(C) + 1e-3);
            }
        }
    }
}

// NPV on hard benefits is NPV less the discounted soft benefits: with no soft
// benefit at all (no productivity, no soft line) the two are equal.
TEST(Breakdown, HardMetricsEqualTheOthersWithoutSoftBenefits) {
    models::Scenario s = shipped();
    for (auto& o : s.options) {
        o.effects.time_saved_fraction = s.inputs.add_default("test.no_time_saved", 0.0);
        for (auto& line : o.benefits) line.soft = false;
    }
    models::RunSettings run;
    run.paths = 500;
    const models::PathStore store = models::simulate(s, run);
    for (std::size_t o = 0; o < s.options.size(); ++o)
        for (std::size_t h = 0; h < s.horizons.size(); ++h)
            for (std::size_t i = 0; i < run.paths; ++i) {
                ASSERT_NEAR(store.metric(o, h, models::Metric::npv_hard)[i], store.metric(o, h, models::Metric::npv)[i], 1e-6);
                ASSERT_NEAR(store.metric(o, h, models::Metric::roi_hard)[i], store.metric(o, h, models::Metric::roi)[i], 1e-12);
            }
}

}  // namespace

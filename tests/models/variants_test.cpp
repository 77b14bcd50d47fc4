// Variants (docs/model.md, "Variants, sweeps and goal seeking"): a variant is
// its edited document; a stressed input is drawn from its percentile band and
// nothing else moves; changes against base are paired path by path.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "models/paired_change.hpp"
#include "models/scenario_loader.hpp"
#include "models/simulation.hpp"
#include "models/variants.hpp"
#include "scenario_fixture.hpp"

namespace {

using Json = nlohmann::ordered_json;

// One option with an uncertain build cost correlated with its duration, and
// a risk with probability 0.3.
const char* text = R"({
  "horizons": {"year": 12},
  "discount_rate": 0,
  "options": {"o": {
    "implementation": {"months": {"dist": "uniform", "min": 2, "max": 6}},
    "adoption": {"model": "bass", "p": 0.1, "q": 0.3},
    "costs": {"build": {"amount": {"dist": "pert", "min": 1000, "mode": 2000, "max": 6000}, "unit": "once"}},
    "risks": {"outage": {"probability": 0.3, "cost": 5000}}
  }},
  "correlations": [{"between": ["options.o.implementation.months", "options.o.costs.build.amount"], "rank": 0.6}],
  "variants": {
    "dear": {"description": "a dearer build", "set": {"options.o.costs.build.amount.max": 9000}},
    "tail": {"stress": {"options.o.costs.build.amount": [0.9, 1.0]}},
    "outage": {"stress": {"options.o.risks.outage.occurs": [0.7, 1.0]}}
  }
})";

const models::Variant& variant(const models::Scenario& s, const std::string& name) {
    return *std::find_if(s.variants.begin(), s.variants.end(), [&](const models::Variant& v) { return v.name == name; });
}

models::PathStore run(const models::Scenario& s) {
    models::RunSettings settings;
    settings.paths = 4000;
    settings.seed = 5;
    settings.keep_inputs = true;
    return models::simulate(s, settings);
}

Eigen::VectorXd column(const models::Scenario& s, const models::PathStore& store, const std::string& address) {
    return store.inputs().col(static_cast<Eigen::Index>(*s.inputs[*s.inputs.find(address)].dimension));
}

TEST(Variants, LoadedWithTheScenarioInFileOrder) {
    const models::Scenario s = test::scenario(text);
    ASSERT_EQ(s.variants.size(), 3u);
    EXPECT_EQ(s.variants[0].name, "dear");
    EXPECT_EQ(s.variants[0].description, "a dearer build");
    EXPECT_EQ(s.variants[0].set.at(0).path, "options.o.costs.build.amount.max");
    EXPECT_EQ(s.variants[1].stress.at(0).band.low, 0.9);
}

TEST(Variants, AVariantIsItsEditedDocument) {
    const Json doc = models::parse_scenario_document(text);
    const models::Scenario s = models::load_scenario(doc);
    // The same edit made by hand, without the variants.
    Json edited = doc;
    edited.erase("variants");
    edited["options"]["o"]["costs"]["build"]["amount"]["max"] = 9000;
    const models::Scenario by_hand = models::load_scenario(edited);
    const models::Scenario dear = models::variant_scenario(doc, &variant(s, "dear"), {});
    const auto a = run(dear), b = run(by_hand);
    // Bit for bit, undefined values (NaN) included.
    const auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    for (models::Metric m : models::all_metrics)
        EXPECT_TRUE(std::equal(a.metric(0, 0, m).begin(), a.metric(0, 0, m).end(), b.metric(0, 0, m).begin(), same))
            << models::metric_names[static_cast<std::size_t>(m)];
    EXPECT_TRUE(a.inputs() == b.inputs());
    // --set applies after the variant's own set.
    const std::vector<models::Edit> extra = {{"options.o.costs.build.amount.max", 7000}};
    const auto doc2 = models::variant_document(doc, &variant(s, "dear"), extra);
    EXPECT_EQ(doc2["options"]["o"]["costs"]["build"]["amount"]["max"], 7000);
    EXPECT_FALSE(doc2.contains("variants"));
}

TEST(Variants, AStressedInputStaysInItsBandAndNothingElseMoves) {
    const Json doc = models::parse_scenario_document(text);
    const models::Scenario s = models::load_scenario(doc);
    const models::Scenario tail = models::variant_scenario(doc, &variant(s, "tail"), {});
    const auto base = run(s), stressed = run(tail);
    const std::string build = "options.o.costs.build.amount", months = "options.o.implementation.months";
    const double p90 = sim::quantile(s.inputs[*s.inputs.find(build)].distribution, 0.9);
    const Eigen::VectorXd before = column(s, base, build), after = column(tail, stressed, build);
    EXPECT_LT(before.minCoeff(), p90);            // unstressed, most paths are below P90
    EXPECT_GE(after.minCoeff(), p90 - 1e-6);      // stressed, none is (to the inverse CDF's table error)
    EXPECT_LE(after.maxCoeff(), 6000.0);
    // Each path keeps its rank: the stressed value rises with the unstressed one.
    for (Eigen::Index i = 1; i < before.size(); ++i)
        if (before(i) > before(0)) {
            EXPECT_GE(after(i), after(0));
        }
    // Its correlated partner keeps its own draws.
    EXPECT_TRUE(column(s, base, months) == column(tail, stressed, months));
}

TEST(Variants, ARiskStressedToItsTopBandHappensOnEveryPath) {
    const Json doc = models::parse_scenario_document(text);
    const models::Scenario s = models::load_scenario(doc);
    const models::Scenario forced = models::variant_scenario(doc, &variant(s, "outage"), {});
    const auto base = run(s), stressed = run(forced);
    const auto& costs_before = base.metric(0, 0, models::Metric::costs);
    const auto& costs_after = stressed.metric(0, 0, models::Metric::costs);
    std::size_t occurred = 0;
    for (std::size_t i = 0; i < base.paths(); ++i) {
        // The build cost is the same draw on both paths, so the difference is
        // 0 where the outage had occurred already and its 5,000 where not.
        const double d = costs_after[i] - costs_before[i];
        EXPECT_TRUE(std::abs(d) < 1e-6 || std::abs(d - 5000) < 1e-6) << "path " << i << ": " << d;
        occurred += std::abs(d) < 1e-6;
    }
    EXPECT_NEAR(static_cast<double>(occurred) / static_cast<double>(base.paths()), 0.3, 0.03);
}

TEST(PairedChange, CountsPathByPath) {
    models::KeyPaths base{4, 1, 1, {100, 200, 300, 400}, {5, 6, INFINITY, 8}};
    models::KeyPaths variant{4, 1, 1, {90, 200, 330, 380}, {6, 6, INFINITY, INFINITY}};
    const auto c = models::paired_change(base, variant);
    EXPECT_EQ(c.paths, 4u);
    const auto& h = c.options[0].horizons[0];
    EXPECT_DOUBLE_EQ(h.mean, (-10 + 0 + 30 - 20) / 4.0);
    EXPECT_DOUBLE_EQ(h.prob_worse, 0.5);  // paths 0 and 3
    EXPECT_DOUBLE_EQ(h.p50, (-10 + 0) / 2.0);  // differences sorted: -20, -10, 0, 30
    // Later on path 0 (6 > 5) and path 3 (never vs 8); path 2 never pays back in either.
    EXPECT_DOUBLE_EQ(c.options[0].prob_payback_later, 0.5);
}

TEST(Variants, SelectedByNameOrAll) {
    const models::Scenario s = test::scenario(text);
    const std::vector<std::string> all = {"all"}, two = {"tail", "dear", "tail"};
    EXPECT_EQ(models::select_variants(s, all).size(), 3u);
    const auto picked = models::select_variants(s, two);
    ASSERT_EQ(picked.size(), 2u);
    EXPECT_EQ(picked[0]->name, "tail");
    const std::vector<std::string> typo = {"tial"};
    try {
        models::select_variants(s, typo);
        ADD_FAILURE();
    } catch (const models::ScenarioError& e) {
        EXPECT_NE(e.issues().front().message.find("did you mean \"tail\""), std::string::npos);
    }
}

}  // namespace

// Dotted-path edits of a scenario document (`set`, --set, sweeps) and lookups
// of a results document's statistics.
#include <gtest/gtest.h>

#include "models/scenario_edit.hpp"
#include "models/scenario_error.hpp"

namespace {

using Json = nlohmann::ordered_json;

Json document() {
    return Json::parse(R"({"discount_rate": 0.1,
                           "options": {"custom": {"adoption": {"midpoint_months": 2, "ceiling": {"dist": "pert", "min": 0.6, "mode": 0.8, "max": 0.9}}}},
                           "correlations": [{"between": ["a", "b"], "rank": 0.5}, {"between": ["c", "d"], "rank": 0.2}]})");
}

// The one issue of a refused edit, as "address: message".
std::string refusal(Json doc, const models::Edit& edit) {
    try {
        models::apply_edit(doc, edit, "--set");
    } catch (const models::ScenarioError& e) {
        EXPECT_EQ(e.issues().size(), 1u);
        return e.issues().front().address + ": " + e.issues().front().message;
    }
    ADD_FAILURE() << edit.path << " was applied";
    return "";
}

TEST(ScenarioEdit, ReplacesAddsAndIndexes) {
    Json doc = document();
    models::apply_edit(doc, {"discount_rate", 0.12}, "--set");
    models::apply_edit(doc, {"options.custom.adoption.midpoint_months", Json::parse(R"({"dist": "uniform", "min": 1, "max": 3})")}, "--set");
    models::apply_edit(doc, {"options.custom.adoption.steepness", 1.5}, "--set");  // a new key under an existing parent
    models::apply_edit(doc, {"correlations.1.rank", -0.3}, "--set");
    models::apply_edit(doc, {"options.custom.adoption.ceiling.mode", 0.85}, "--set");
    EXPECT_EQ(doc["discount_rate"], 0.12);
    EXPECT_EQ(doc["options"]["custom"]["adoption"]["midpoint_months"]["dist"], "uniform");
    EXPECT_EQ(doc["options"]["custom"]["adoption"]["steepness"], 1.5);
    EXPECT_EQ(doc["correlations"][1]["rank"], -0.3);
    EXPECT_EQ(doc["correlations"][0]["rank"], 0.5);
    EXPECT_EQ(doc["options"]["custom"]["adoption"]["ceiling"]["mode"], 0.85);
}

TEST(ScenarioEdit, RefusesPathsThatLeadNowhere) {
    // A missing parent, with the nearest key.
    EXPECT_EQ(refusal(document(), {"options.custom.adoptoin.ceiling", 1}),
              "--set: options.custom.adoptoin.ceiling: no \"adoptoin\" in \"options.custom\", did you mean \"adoption\"?");
    // Through a number.
    EXPECT_NE(refusal(document(), {"discount_rate.low", 1}).find("\"discount_rate\" is a number (0.1); a path cannot go through it"),
              std::string::npos);
    // Past an array's end, or not an index at all: nothing is appended.
    EXPECT_NE(refusal(document(), {"correlations.2.rank", 1}).find("is an array of 2 (indices 0 to 1), got \"2\""),
              std::string::npos);
    EXPECT_NE(refusal(document(), {"correlations.first.rank", 1}).find("got \"first\""), std::string::npos);
    EXPECT_NE(refusal(document(), {"options..custom", 1}).find("empty segment"), std::string::npos);
}

TEST(ScenarioEdit, ParsesTheCommandLineForm) {
    const models::Edit e = models::parse_edit(R"(options.custom.adoption.ceiling={"dist":"pert","min":0.6,"mode":0.8,"max":0.9})");
    EXPECT_EQ(e.path, "options.custom.adoption.ceiling");
    EXPECT_EQ(e.value["mode"], 0.8);
    EXPECT_EQ(models::parse_edit("name=\"a=b\"").value, "a=b");  // the first '=' splits
    EXPECT_THROW(models::parse_edit("discount_rate"), models::ScenarioError);
    EXPECT_THROW(models::parse_edit("=0.1"), models::ScenarioError);
    try {
        models::parse_edit("name=Q3 case");
        ADD_FAILURE();
    } catch (const models::ScenarioError& e) {
        EXPECT_NE(e.issues().front().message.find("not JSON"), std::string::npos);
    }
}

TEST(ScenarioEdit, FindsAStatisticOrSaysWhereThePathEnds) {
    const Json results = Json::parse(R"({"options": {"custom": {"horizons": {"36": {"npv": {"p50": 1200.5}}}}}})");
    const auto found = models::find_path(results, "options.custom.horizons.36.npv.p50");
    ASSERT_NE(found.value, nullptr);
    EXPECT_EQ(*found.value, 1200.5);
    const auto missing = models::find_path(results, "options.custom.horizons.36.nvp.p50");
    EXPECT_EQ(missing.value, nullptr);
    EXPECT_NE(missing.error.find("did you mean \"npv\""), std::string::npos) << missing.error;
    // A horizon that is not there lists the ones that are.
    EXPECT_NE(models::find_path(results, "options.custom.horizons.120").error.find("it has 36"), std::string::npos);
}

}  // namespace

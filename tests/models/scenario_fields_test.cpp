// The table of scenario fields is the one description of the format: the
// schema file is generated from it, the loader takes its keys, ranges and
// defaults from it, and the users' page documents every field in it.
#include "models/scenario_fields.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "models/scenario_loader.hpp"

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(ScenarioFields, TheSchemaFileIsGeneratedFromTheTable) {
    const auto file = nlohmann::ordered_json::parse(slurp(std::string(ROICAST_SOURCE_DIR) + "/scenarios/scenario.schema.json"));
    EXPECT_TRUE(file == models::fields::scenario_schema())
        << "scenarios/scenario.schema.json differs from the table; regenerate it with\n"
           "  build/roicast schema > scenarios/scenario.schema.json";
}

TEST(ScenarioFields, EveryFieldAndKindIsOnTheUsersPage) {
    const std::string page = slurp(std::string(ROICAST_SOURCE_DIR) + "/docs/model.md");
    for (const auto& type : models::fields::object_types())
        for (const auto& f : type.fields) {
            if (f.name == "$schema") continue;
            EXPECT_NE(page.find("`" + std::string(f.name)), std::string::npos) << type.name << "." << f.name;
        }
    for (const auto& kind : models::fields::distribution_kinds()) {
        EXPECT_NE(page.find("`" + std::string(kind.name) + "`"), std::string::npos) << kind.name;
        for (const auto& p : kind.parameters)
            EXPECT_NE(page.find("`" + std::string(p.name) + "`"), std::string::npos) << kind.name << "." << p.name;
    }
    for (const auto& unit : models::fields::units())
        EXPECT_NE(page.find("`" + std::string(unit.name) + "`"), std::string::npos) << unit.name;
}

// An unknown key is told with the table's list of fields.
TEST(ScenarioFields, TheLoaderKnowsTheTablesFields) {
    try {
        models::parse_scenario(R"({"baseline": {"zzz": 1}, "options": {"o": {"implementation": {"months": 3},
          "adoption": {"model": "bass", "p": 0.1, "q": 0.3}}}})");
        FAIL() << "accepted an unknown field";
    } catch (const models::ScenarioError& e) {
        std::string expected = "unknown field; known fields:";
        for (const auto& name : models::fields::field_names("baseline")) expected += " " + name;
        ASSERT_EQ(e.issues().size(), 1u);
        EXPECT_EQ(e.issues()[0].address, "baseline.zzz");
        EXPECT_EQ(e.issues()[0].message, expected);
    }
}

// Absent inputs take the table's defaults.
TEST(ScenarioFields, AbsentInputsTakeTheTablesDefaults) {
    const auto s = models::parse_scenario(R"({"options": {"o": {"implementation": {"months": 3},
      "adoption": {"model": "bass", "p": 0.1, "q": 0.3}, "effects": {}}}})");
    std::size_t checked = 0;
    for (const char* object : {"baseline", "effects", "implementation", "adoption_bass"}) {
        for (const auto& f : models::fields::object_type(object).fields) {
            if (f.kind != models::fields::Kind::input || f.required) continue;
            const std::string prefix = std::string(object) == "baseline" ? "baseline."
                                       : std::string(object) == "adoption_bass" ? "options.o.adoption."
                                                                                : "options.o." + std::string(object) + ".";
            const auto id = s.inputs.find(prefix + std::string(f.name));
            ASSERT_TRUE(id) << prefix << f.name;
            EXPECT_EQ(sim::mean(s.inputs[*id].distribution), *f.default_value) << prefix << f.name;
            ++checked;
        }
    }
    EXPECT_GE(checked, 17u);
    EXPECT_EQ(s.discount_rate, *models::fields::field("scenario", "discount_rate").default_value);
}

}  // namespace

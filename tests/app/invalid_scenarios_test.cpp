// A catalogue of invalid scenarios, kept as data (tests/app/invalid_scenarios.json)
// so that the JSON Schema check reads the same list (tests/scenarios/check_schema.py).
// In process, through the loader: every entry is refused with an issue at its
// address whose message says what is wrong. Through the command line, a few
// entries: exit code 2, "error: FILE: ADDRESS: message", nothing written.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "models/scenario_loader.hpp"
#include "run_roicast.hpp"

namespace {

struct Bad {
    std::string name, json, address, says;  // says: a piece of the message
};

void PrintTo(const Bad& b, std::ostream* os) { *os << b.name; }

std::vector<Bad> catalogue() {
    const auto data = nlohmann::json::parse(test::slurp(std::string(ROICAST_SOURCE_DIR) + "/tests/app/invalid_scenarios.json"));
    std::vector<Bad> all;
    for (const auto& e : data)
        all.push_back({e.at("name").get<std::string>(), e.at("scenario").get<std::string>(),
                       e.at("address").get<std::string>(), e.at("says").get<std::string>()});
    return all;
}

class InvalidScenario : public testing::TestWithParam<Bad> {};

TEST_P(InvalidScenario, RefusedWithItsAddressAndWhatIsWrong) {
    const Bad& b = GetParam();
    std::vector<models::Issue> issues;
    try {
        models::parse_scenario(b.json);
    } catch (const models::ScenarioError& e) {
        issues = e.issues();
    }
    ASSERT_FALSE(issues.empty()) << "accepted";
    std::string all;
    bool found = false;
    for (const auto& issue : issues) {
        all += issue.address + ": " + issue.message + "\n";
        found = found || (issue.address == b.address && issue.message.find(b.says) != std::string::npos);
    }
    EXPECT_TRUE(found) << "no issue at '" << b.address << "' saying '" << b.says << "' among:\n" << all;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, InvalidScenario, testing::ValuesIn(catalogue()),
                         [](const testing::TestParamInfo<Bad>& i) { return i.param.name; });

class InvalidScenarioOnTheCommandLine : public testing::TestWithParam<Bad> {};

TEST_P(InvalidScenarioOnTheCommandLine, ExitsTwoNamesTheAddressWritesNothing) {
    const Bad& b = GetParam();
    const auto dir = test::scratch_folder(b.name);
    const auto file = dir / "scenario.json";
    std::ofstream(file) << b.json;
    const auto results = dir / "results.json";
    const auto o = test::roicast("run " + file.string() + " --json " + results.string() + " --paths 100");
    EXPECT_EQ(o.exit_code, 2) << o.err;
    const std::string prefix = "error: " + file.string() + ": " + (b.address.empty() ? "" : b.address + ": ");
    EXPECT_NE(o.err.find(prefix), std::string::npos) << "stderr lacks '" << prefix << "':\n" << o.err;
    EXPECT_NE(o.err.find(b.says), std::string::npos) << "stderr lacks '" << b.says << "':\n" << o.err;
    EXPECT_EQ(o.err.find('\x1b'), std::string::npos) << "stderr passes an escape character on";
    EXPECT_FALSE(std::filesystem::exists(results));
    EXPECT_TRUE(o.out.empty()) << o.out;
    // `validate` agrees.
    EXPECT_EQ(test::roicast("validate " + file.string()).exit_code, 2);
    std::filesystem::remove_all(dir);
}

// One of each kind of failure: not JSON, a missing field, a bad distribution,
// an unknown value with a suggestion, a cross-reference, a text with an
// escape sequence (which stderr must not pass on).
std::vector<Bad> command_line_sample() {
    std::vector<Bad> sample;
    for (const Bad& b : catalogue())
        if (b.name == "invalid_json" || b.name == "no_options" || b.name == "pert_mode_outside" ||
            b.name == "unknown_top_field" || b.name == "correlation_unknown_input" || b.name == "name_escape_sequence")
            sample.push_back(b);
    return sample;
}

INSTANTIATE_TEST_SUITE_P(Sample, InvalidScenarioOnTheCommandLine, testing::ValuesIn(command_line_sample()),
                         [](const testing::TestParamInfo<Bad>& i) { return i.param.name; });

TEST(InvalidScenario, CatalogueIsLargeAndDistinct) {
    const auto all = catalogue();
    EXPECT_GE(all.size(), 40u);
    std::set<std::string> texts, names;
    for (const auto& b : all) {
        texts.insert(b.json);
        names.insert(b.name);
    }
    EXPECT_EQ(texts.size(), all.size());
    EXPECT_EQ(names.size(), all.size());
    EXPECT_EQ(command_line_sample().size(), 6u);
}

}  // namespace

namespace {

// Inputs the fuzzer or a review found hostile (fuzz/regressions/): each is
// either a valid scenario or refused with exit code 2, never a crash.
TEST(FuzzRegressions, EveryFileLoadsOrIsRefused) {
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(ROICAST_SOURCE_DIR) + "/fuzz/regressions")) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        const auto o = test::roicast("run " + entry.path().string() + " --paths 50 --quiet");
        EXPECT_TRUE(o.exit_code == 0 || o.exit_code == 2) << entry.path() << " exit " << o.exit_code << "\n" << o.err;
    }
    EXPECT_GE(files, 3u);
}

}  // namespace

// What the command line tells a user about the scenario before and beside a
// run: numbers as people read them in every refusal, warnings for valid but
// implausible values (stderr, results file, method notes), the templates of
// `init`, and the input draws that --samples keeps.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "models/scenario_loader.hpp"
#include "run_roicast.hpp"

namespace {

// e-notation as a program prints it: "2.267e+05", "1e-07", "5E3".
const std::regex e_notation(R"([0-9]\.?[0-9]*[eE][+-]?[0-9])");

// What the file itself says, quoted in a message, is the user's own text.
std::string without_quotes(std::string message) {
    return std::regex_replace(message, std::regex(R"("[^"]*"|'[^']*')"), "\"\"");
}

TEST(InputChecks, NoRefusalOfTheCatalogueShowsENotation) {
    const auto data = nlohmann::json::parse(test::slurp(std::string(ROICAST_SOURCE_DIR) + "/tests/app/invalid_scenarios.json"));
    std::size_t messages = 0;
    for (const auto& e : data) {
        try {
            models::parse_scenario(e.at("scenario").get<std::string>());
        } catch (const models::ScenarioError& error) {
            for (const auto& issue : error.issues()) {
                ++messages;
                EXPECT_FALSE(std::regex_search(without_quotes(issue.message), e_notation))
                    << e.at("name") << ": " << issue.address << ": " << issue.message;
            }
        }
    }
    EXPECT_GT(messages, 80u);
}

TEST(InputChecks, ComputedParametersAndLargeValuesReadAsWritten) {
    // A lognormal given by mean and sd is described by them, not by a derived
    // median such as 0.05000000000000001; a bound beyond 10^15 in words.
    const char* const scenario = R"({"baseline": {"users": {"dist": "lognormal", "mean": 0.05, "sd": 0.01, "min": -2}},
      "options": {"o": {"implementation": {"months": 3}, "costs": {"c": {"amount": -250000, "unit": "once"}},
                        "adoption": {"model": "bass", "p": 0.1, "q": 0.3}}}})";
    try {
        models::parse_scenario(scenario);
        FAIL() << "accepted";
    } catch (const models::ScenarioError& e) {
        std::string all;
        for (const auto& i : e.issues()) all += i.address + ": " + i.message + "\n";
        EXPECT_NE(all.find("options.o.costs.c.amount: must be >= 0 and at most 10^15, got -250,000"), std::string::npos)
            << all;
    }
    const auto dir = test::scratch_folder("described");
    std::ofstream(dir / "s.json") << R"({"baseline": {"users": {"dist": "lognormal", "mean": 200000, "sd": 30000}},
      "options": {"o": {"implementation": {"months": 3}, "adoption": {"model": "bass", "p": 0.1, "q": 0.3}}}})";
    const auto o = test::roicast("validate " + (dir / "s.json").string());
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_NE(o.out.find("lognormal(mean=200,000, sd=30,000)"), std::string::npos) << o.out;
    // Its mean and percentiles are a count of users: 200,000 and the 5 % and 95 % points, rounded.
    EXPECT_NE(o.out.find("200,000"), std::string::npos) << o.out;
    EXPECT_FALSE(std::regex_search(o.out, e_notation)) << o.out;
    std::filesystem::remove_all(dir);
}

TEST(InputChecks, ValidateShowsMoneyAndSharesAsSuch) {
    const auto o = test::roicast("validate custom-vs-standard");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    EXPECT_FALSE(std::regex_search(o.out, e_notation)) << o.out;
    const auto line_of = [&](const std::string& address) {
        const auto at = o.out.find("\n" + address + " ");
        return at == std::string::npos ? std::string() : o.out.substr(at + 1, o.out.find('\n', at + 1) - at - 1);
    };
    // The build's PERT(180,000, 220,000, 300,000) has mean (180 + 4·220 + 300)/6 = 226,667: €227k.
    const std::string build = line_of("options.custom.costs.build.amount");
    EXPECT_NE(build.find("pert(min=180,000, mode=220,000, max=300,000)"), std::string::npos) << build;
    EXPECT_NE(build.find(" €227k "), std::string::npos) << build;
    // The conversion rate's PERT(0.04, 0.05, 0.06) has mean 0.05: 5 %.
    const std::string conversion = line_of("baseline.conversion_rate");
    EXPECT_NE(conversion.find("   5 % "), std::string::npos) << conversion;
    EXPECT_EQ(o.err.find("warning:"), std::string::npos) << o.err;
}

TEST(InputChecks, ImplausibleValuesWarnOnStderrInTheResultsAndTheMethodNotes) {
    const auto dir = test::scratch_folder("implausible");
    std::ofstream(dir / "s.json") << R"({"discount_rate": 9, "baseline": {"users": 10},
      "options": {"o": {"implementation": {"months": 3},
        "costs": {"lic": {"amount": 50, "unit": "per_user_month", "annual_increase": 5}},
        "adoption": {"model": "bass", "p": 0.1, "q": 0.3}}}})";
    const auto file = (dir / "s.json").string();
    const auto v = test::roicast("validate " + file);
    EXPECT_EQ(v.exit_code, 0) << v.err;
    EXPECT_NE(v.err.find("warning: " + file + ": discount_rate: 9 is 900 % a year; did you mean 0.09 (9 %)?"),
              std::string::npos)
        << v.err;
    EXPECT_NE(v.err.find("warning: " + file + ": options.o.costs.lic.annual_increase: 5 is +500 % a year"),
              std::string::npos)
        << v.err;

    const auto r = test::roicast("run " + file + " --paths 200 --quiet --json " + (dir / "r.json").string() + " --html " +
                                 (dir / "r.html").string());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("discount_rate: 9 is 900 %"), std::string::npos) << r.err;
    const auto results = nlohmann::json::parse(test::slurp(dir / "r.json"));
    ASSERT_EQ(results.at("warnings").size(), 2u) << results.at("warnings");
    EXPECT_EQ(results["warnings"][0]["address"], "discount_rate");
    EXPECT_EQ(results["warnings"][1]["address"], "options.o.costs.lic.annual_increase");
    const std::string html = test::slurp(dir / "r.html");
    EXPECT_NE(html.find("Check this input"), std::string::npos);
    EXPECT_NE(html.find("did you mean 0.09 (9 %)?"), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST(InputChecks, ShippedScenariosRaiseNoWarning) {
    for (const auto& file : std::filesystem::directory_iterator(std::string(ROICAST_SOURCE_DIR) + "/scenarios")) {
        if (file.path().filename() == "scenario.schema.json") continue;
        const auto o = test::roicast("validate " + file.path().string());
        EXPECT_EQ(o.exit_code, 0) << o.err;
        EXPECT_EQ(o.err.find("warning"), std::string::npos) << file.path() << o.err;
    }
}

TEST(InputChecks, InitHelpListsEveryTemplate) {
    const auto o = test::roicast("init --help");
    EXPECT_EQ(o.exit_code, 0);
    for (const auto& file : std::filesystem::directory_iterator(std::string(ROICAST_SOURCE_DIR) + "/scenarios")) {
        if (file.path().filename() == "scenario.schema.json") continue;
        const std::string name = file.path().stem().string();
        const std::string title = nlohmann::json::parse(test::slurp(file.path())).at("name");
        EXPECT_NE(o.out.find(name), std::string::npos) << name << "\n" << o.out;
        EXPECT_NE(o.out.find(title), std::string::npos) << title << "\n" << o.out;
    }
}

TEST(InputChecks, InitWritesTheStarterAndTheSchemaItNames) {
    const auto dir = test::scratch_folder("init_file");
    const auto o = test::roicast("init " + (dir / "case.json").string() + " --template small-business-saas");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    const auto starter = nlohmann::json::parse(test::slurp(dir / "case.json"));
    EXPECT_EQ(starter.at("name"), "Small business on a standard SaaS CRM");
    const auto schema = dir / starter.at("$schema").get<std::string>();
    ASSERT_TRUE(std::filesystem::is_regular_file(schema)) << schema;
    EXPECT_EQ(test::slurp(schema), test::roicast("schema").out);
    EXPECT_EQ(test::roicast("validate " + (dir / "case.json").string()).exit_code, 0);
    // Not over an existing file, unless forced.
    std::ofstream(dir / "case.json") << "mine";
    const auto again = test::roicast("init " + (dir / "case.json").string());
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
    EXPECT_EQ(test::slurp(dir / "case.json"), "mine");
    EXPECT_EQ(test::roicast("init " + (dir / "case.json").string() + " --force").exit_code, 0);
    EXPECT_NE(test::slurp(dir / "case.json"), "mine");
    std::filesystem::remove_all(dir);
}

TEST(InputChecks, SamplesKeepEveryInputsDrawInEveryOutput) {
    const auto dir = test::scratch_folder("samples_inputs");
    const auto o = test::roicast("run custom-vs-standard --paths 500 --samples 50 --quiet --json " +
                                 (dir / "r.json").string() + " --csv " + (dir / "csv").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    const auto results = nlohmann::json::parse(test::slurp(dir / "r.json"));
    const auto& columns = results.at("samples").at("columns");
    // Every uncertain input of `inputs` is a column, after the metrics.
    const auto payback = std::find(columns.begin(), columns.end(), "payback_months");
    ASSERT_NE(payback, columns.end());
    std::vector<std::string> after(payback + 1, columns.end());
    std::vector<std::string> inputs;
    for (const auto& i : results.at("inputs")) inputs.push_back(i.at("input"));
    EXPECT_EQ(after, inputs);
    // A path's draws are the same on each option's row (the options share the baseline draws
    // and every other input is drawn per path, whichever option reads it).
    const auto& rows = results["samples"]["rows"];
    ASSERT_EQ(rows.size(), 100u);
    EXPECT_EQ(rows[0][0], rows[1][0]);
    const auto first_input = static_cast<std::size_t>(payback - columns.begin()) + 1;
    for (std::size_t c = first_input; c < columns.size(); ++c) EXPECT_EQ(rows[0][c], rows[1][c]) << columns[c];
    // samples.csv has the same header.
    std::ifstream csv(dir / "csv" / "samples.csv");
    std::string header;
    std::getline(csv, header);
    EXPECT_NE(header.find(",baseline.conversion_rate,"), std::string::npos) << header;
    std::filesystem::remove_all(dir);
}

}  // namespace

// The roicast command line, end to end on the built binary.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <nlohmann/json.hpp>

#include "run_roicast.hpp"

namespace {

using Json = nlohmann::json;

const std::vector<std::string> shipped = {"custom-vs-standard", "small-business-saas", "b2c-retail-churn",
                                          "yearly-business-case", "phased-rollout"};


TEST(Cli, EveryShippedScenarioRunsAndPrintsASummary) {
    for (const auto& name : shipped) {
        const auto o = test::roicast("run " + test::scenario_file(name) + " --paths 2000");
        EXPECT_EQ(o.exit_code, 0) << name << "\n" << o.err;
        EXPECT_NE(o.out.find("time to positive ROI"), std::string::npos) << o.out;
        EXPECT_NE(o.out.find("mean NPV (95 % CI)"), std::string::npos) << o.out;
        // As a word: "maintenance" is a cost line.
        EXPECT_FALSE(std::regex_search(o.out, std::regex(R"(\b(nan|inf)\b)", std::regex::icase))) << o.out;
    }
}

TEST(Cli, WithoutAScenarioRunsTheShippedDefault) {
    const auto o = test::roicast("run --paths 1000");
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_NE(o.out.find("Custom vs standard CRM"), std::string::npos);
    EXPECT_NE(o.out.find("custom vs standard"), std::string::npos);
}

// Every top-level key of the results file (docs/model.md, "The results file") (sensitivity comes with its own flag).
TEST(Cli, ResultsFileHasEveryKeyOfTheContract) {
    const auto dir = test::scratch_folder("results");
    const auto file = dir / "r.json";
    const auto o = test::roicast("run " + test::scenario_file("custom-vs-standard") + " --paths 3000 --seed 9 --json " + file.string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    const Json r = Json::parse(test::slurp(file));
    for (const char* key : {"scenario", "paths", "seed", "sampling", "threads", "elapsed_seconds"}) EXPECT_TRUE(r.contains(key)) << key;
    EXPECT_EQ(r["paths"], 3000);
    EXPECT_EQ(r["seed"], 9);
    EXPECT_EQ(r["sampling"], "lhs");
    for (const char* option : {"custom", "standard"}) {
        const Json& opt = r["options"][option];
        for (const char* h : {"12", "36", "60"})
            for (const char* metric : {"roi", "roi_discounted", "npv", "irr", "benefits", "costs"}) {
                const Json& m = opt["horizons"][h][metric];
                for (const char* stat : {"mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "prob_positive",
                                         "expected_shortfall_5", "undefined"})
                    EXPECT_TRUE(m.contains(stat)) << option << " " << h << " " << metric << " " << stat;
                ASSERT_EQ(m["mean_ci95"].size(), 2u);
                EXPECT_LE(m["mean_ci95"][0].get<double>(), m["mean"].get<double>());
            }
        for (const char* payback : {"payback_months", "discounted_payback_months"}) {
            const Json& p = opt[payback];
            for (const char* stat : {"p10", "p25", "p50", "p75", "p90", "mean"}) EXPECT_TRUE(p.contains(stat)) << payback << stat;
            for (const char* h : {"short", "medium", "long"}) EXPECT_TRUE(p["prob_within"].contains(h));
            EXPECT_EQ(p["cdf"].size(), 60u);
        }
        for (const char* band : {"p5", "p25", "p50", "p75", "p95"}) EXPECT_EQ(opt["cumulative_cash_flow"][band].size(), 60u);
    }
    const Json& c = r["comparison"]["custom_vs_standard"]["horizons"]["36"];
    EXPECT_TRUE(c["npv_difference"].contains("p50"));
    EXPECT_GE(c["prob_a_better"].get<double>(), 0.0);
    // The custom CRM is calibrated to the seed articles' 12–14 months to positive ROI.
    const double p50 = r["options"]["custom"]["payback_months"]["p50"].get<double>();
    EXPECT_GE(p50, 12.0);
    EXPECT_LE(p50, 14.0);
    std::filesystem::remove_all(dir);
}

TEST(Cli, SameSeedSameResultsForOneOrTwoThreads) {
    const auto dir = test::scratch_folder("threads");
    std::string json[2];
    for (int t = 1; t <= 2; ++t) {
        const auto file = dir / ("r" + std::to_string(t) + ".json");
        ASSERT_EQ(test::roicast("run b2c-retail-churn --paths 4000 --quiet --threads " + std::to_string(t) + " --json " + file.string()).exit_code, 0);
        Json r = Json::parse(test::slurp(file));
        r.erase("elapsed_seconds");
        r.erase("threads");
        json[t - 1] = r.dump();
    }
    EXPECT_EQ(json[0], json[1]);
    std::filesystem::remove_all(dir);
}

TEST(Cli, AFailedRunLeavesAnExistingResultsFileAlone) {
    const auto dir = test::scratch_folder("keep");
    const auto file = dir / "r.json";
    std::ofstream(file) << "previous results";
    std::ofstream(dir / "bad.json") << R"({"options": {}})";
    EXPECT_EQ(test::roicast("run " + (dir / "bad.json").string() + " --json " + file.string()).exit_code, 2);
    EXPECT_EQ(test::slurp(file), "previous results");
    // And a good run replaces it whole, leaving no temporary file behind.
    EXPECT_EQ(test::roicast("run small-business-saas --paths 500 --quiet --json " + file.string()).exit_code, 0);
    EXPECT_TRUE(Json::accept(test::slurp(file)));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 2);
    std::filesystem::remove_all(dir);
}

TEST(Cli, AStreamedRunSaysSoAndBoundsItsPercentiles) {
    const auto dir = test::scratch_folder("stream");
    const auto o = test::roicast("run small-business-saas --paths 30000 --stream --json " + (dir / "r.json").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    EXPECT_NE(o.out.find("streamed: paths summarised as simulated"), std::string::npos) << o.out;
    const auto j = Json::parse(test::slurp(dir / "r.json"));
    ASSERT_TRUE(j.contains("streaming"));
    EXPECT_EQ(j["streaming"]["pilot_paths"], 30000);
    EXPECT_LE(j["streaming"]["percentile_rank_error_bound"].get<double>(), 0.001);
    EXPECT_EQ(j["paths"], 30000);
    std::filesystem::remove_all(dir);
}

TEST(Cli, ReportRefusesAForeignJsonFileAndWritesNothing) {
    const auto dir = test::scratch_folder("report");
    std::ofstream(dir / "other.json") << R"({"scenario": "x", "currency": "EUR", "sampling": "mc", "paths": 10,
                                           "seed": 1, "discount_rate": 0.1, "horizons": {"short": 12}})";
    const auto o = test::roicast("report " + (dir / "other.json").string() + " --html " + (dir / "r.html").string() +
                                 " --csv " + (dir / "csv").string());
    EXPECT_EQ(o.exit_code, 2);
    EXPECT_NE(o.err.find("other.json: options: missing"), std::string::npos) << o.err;
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 1);
    std::filesystem::remove_all(dir);
}

TEST(Cli, ReportsFromASavedFileEqualTheRunsOwn) {
    const auto dir = test::scratch_folder("reports");
    const std::string d = dir.string();
    ASSERT_EQ(test::roicast("run small-business-saas --paths 2000 --quiet --json " + d + "/r.json --html " + d +
                            "/run.html --xlsx " + d + "/run.xlsx --csv " + d + "/run-csv")
                  .exit_code,
              0);
    ASSERT_EQ(test::roicast("report " + d + "/r.json --html " + d + "/saved.html --csv " + d + "/saved-csv").exit_code, 0);
    EXPECT_EQ(test::slurp(dir / "run.html"), test::slurp(dir / "saved.html"));
    for (const char* f : {"summary.csv", "cash_flow.csv", "payback_cdf.csv", "inputs.csv"})
        EXPECT_EQ(test::slurp(dir / "run-csv" / f), test::slurp(dir / "saved-csv" / f)) << f;
    EXPECT_GT(std::filesystem::file_size(dir / "run.xlsx"), 10'000u);
    // Only the finished files: no temporary left in either folder.
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
    std::filesystem::remove_all(dir);
}

struct BadCommand {
    std::string name, arguments, says;
};
void PrintTo(const BadCommand& b, std::ostream* os) { *os << b.name; }

class BadCommandLine : public testing::TestWithParam<BadCommand> {};

TEST_P(BadCommandLine, ExitsTwoWithAMessage) {
    const auto o = test::roicast(GetParam().arguments);
    EXPECT_EQ(o.exit_code, 2) << o.err;
    EXPECT_NE(o.err.find("error: "), std::string::npos) << o.err;
    EXPECT_NE(o.err.find(GetParam().says), std::string::npos) << o.err;
}

INSTANTIATE_TEST_SUITE_P(
    Catalogue, BadCommandLine,
    testing::Values(BadCommand{"no_subcommand", "", "subcommand"},
                    BadCommand{"unknown_subcommand", "simulate", "simulate"},
                    BadCommand{"paths_zero", "run --paths 0", "--paths"},
                    BadCommand{"paths_text", "run --paths many", "--paths"},
                    BadCommand{"paths_huge", "run --paths 999999999999", "--paths"},
                    BadCommand{"paths_beyond_memory", "run --paths 1000 --target-ci 0.001 --max-paths 500000000",
                               "paths would need about"},
                    BadCommand{"sobol_beyond_memory", "run --paths 100 --sensitivity sobol --sobol-samples 4194304",
                               "--sobol-samples: 4,194,304 base rows"},
                    BadCommand{"threads_zero", "run --threads 0", "--threads"},
                    BadCommand{"sampling_unknown", "run --sampling random", "--sampling"},
                    BadCommand{"unknown_flag", "run --pahts 10", "--pahts"},
                    BadCommand{"json_folder_missing", "run --paths 10 --json /nonexistent/dir/r.json", "--json"},
                    BadCommand{"json_is_folder", "run --paths 10 --json /tmp", "is a folder"},
                    BadCommand{"scenario_missing", "run no-such-scenario.json", "no such file"},
                    BadCommand{"validate_without_file", "validate", "scenario"},
                    BadCommand{"init_unknown_template", "init --template nope", "unknown template"},
                    BadCommand{"seed_text", "run --seed abc", "--seed"},
                    BadCommand{"html_folder_missing", "run --paths 10 --html /nonexistent/dir/r.html", "--html"},
                    BadCommand{"xlsx_is_folder", "run --paths 10 --xlsx /tmp", "--xlsx: /tmp is a folder"},
                    BadCommand{"csv_is_file", "run --paths 10 --csv /etc/hostname", "--csv"},
                    BadCommand{"stream_with_target_ci", "run --paths 100 --stream --target-ci 0.01", "--stream"},
                    BadCommand{"samples_beyond_cap", "run --paths 10 --samples 100001", "--samples"},
                    BadCommand{"report_without_output", "report /etc/hostname", "nothing to write"},
                    BadCommand{"report_missing_file", "report /nonexistent.json --html /tmp/x.html",
                               "cannot open the results file"},
                    BadCommand{"report_not_json", "report /etc/hostname --html /tmp/x.html", "not valid JSON"}),
    [](const testing::TestParamInfo<BadCommand>& i) { return i.param.name; });

TEST(Cli, VersionAndHelp) {
    const auto v = test::roicast("--version");
    EXPECT_EQ(v.exit_code, 0);
    EXPECT_NE(v.out.find("roicast "), std::string::npos);
    for (const char* command : {"--help", "run --help", "validate --help", "init --help"}) {
        const auto h = test::roicast(command);
        EXPECT_EQ(h.exit_code, 0) << command;
        EXPECT_NE(h.out.find("Usage"), std::string::npos) << command << h.out;
    }
}

TEST(Cli, InitTemplatesAreValidScenarios) {
    const auto dir = test::scratch_folder("init");
    for (const auto& name : shipped) {
        const auto o = test::roicast("init --template " + name);
        ASSERT_EQ(o.exit_code, 0) << o.err;
        std::ofstream(dir / "s.json") << o.out;
        const auto v = test::roicast("validate " + (dir / "s.json").string());
        EXPECT_EQ(v.exit_code, 0) << name << v.err;
    }
    std::filesystem::remove_all(dir);
}

TEST(Cli, ValidatePrintsTheInputTableWithSources) {
    const auto o = test::roicast("validate " + test::scenario_file("custom-vs-standard"));
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_NE(o.out.find("options.custom.implementation.overrun"), std::string::npos);
    EXPECT_NE(o.out.find("lognormal(median=1.1, p90=1.6)"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("McKinsey"), std::string::npos);
    EXPECT_NE(o.out.find("ok: "), std::string::npos);
}

}  // namespace

namespace {

// Ranks 0.9, 0.9 and −0.9 around a triangle cannot hold together: the run goes
// on with the nearest valid matrix, warns on stderr naming the pairs, and
// records the repair in the results file.
TEST(Cli, ImpossibleCorrelationsAreRepairedWithAWarning) {
    const auto dir = test::scratch_folder("repair");
    std::ofstream(dir / "s.json") << R"({"baseline": {"users": {"dist": "uniform", "min": 1, "max": 2},
      "customers": {"dist": "uniform", "min": 1, "max": 2}, "leads_per_month": {"dist": "uniform", "min": 1, "max": 2}},
      "options": {"o": {"implementation": {"months": 3}, "adoption": {"model": "bass", "p": 0.1, "q": 0.3}}},
      "correlations": [{"between": ["baseline.users", "baseline.customers"], "rank": 0.9},
                       {"between": ["baseline.customers", "baseline.leads_per_month"], "rank": 0.9},
                       {"between": ["baseline.users", "baseline.leads_per_month"], "rank": -0.9}]})";
    const auto o = test::roicast("run " + (dir / "s.json").string() + " --paths 500 --quiet --json " + (dir / "r.json").string());
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_NE(o.err.find("warning: " + (dir / "s.json").string() + ": correlations: baseline.users and baseline.leads_per_month"),
              std::string::npos) << o.err;
    const Json r = Json::parse(test::slurp(dir / "r.json"));
    ASSERT_EQ(r["correlations"]["repairs"].size(), 3u);
    for (const auto& rep : r["correlations"]["repairs"]) EXPECT_NE(rep["requested"], rep["applied"]);
    std::filesystem::remove_all(dir);
}

}  // namespace

namespace {

TEST(Cli, SensitivityGoesToTheResultsFileAndTheSummary) {
    const auto dir = test::scratch_folder("sensitivity");
    const auto file = dir / "r.json";
    const auto o = test::roicast(
        "run custom-vs-standard --paths 3000 --sobol-samples 256 --sensitivity tornado,spearman,src,sobol,tail --json " +
        file.string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    EXPECT_NE(o.out.find("what drives custom's NPV"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("what drives the NPV difference"), std::string::npos) << o.out;
    const Json r = Json::parse(test::slurp(file));
    for (const char* option : {"custom", "standard", "custom_vs_standard"})
        for (const char* h : {"12", "36", "60"})
            for (const char* metric : {"npv", "roi", "npv_difference"})
                for (const char* method : {"tornado", "spearman", "src", "sobol_first", "sobol_total", "tail"}) {
                    if ((std::string(metric) == "npv_difference") != (std::string(option) == "custom_vs_standard"))
                        continue;  // a pair's one metric is the NPV difference
                    const Json& list = r["sensitivity"][option][h][metric][method];
                    ASSERT_TRUE(list.is_array() && !list.empty()) << option << h << metric << method;
                    EXPECT_EQ(list[0]["rank"], 1);
                    EXPECT_TRUE(list[0].contains("input") && list[0].contains("value") && list[0].contains("ci95"));
                }
    EXPECT_TRUE(r["sensitivity"]["custom"]["60"]["payback_months"].contains("spearman"));
    EXPECT_EQ(r["sensitivity"]["custom_vs_standard"]["60"].size(), 1u);  // npv_difference only
    EXPECT_GE(r["sensitivity_notes"].size(), 4u);
    std::filesystem::remove_all(dir);
}

TEST(Cli, UnknownSensitivityMethodIsRefused) {
    const auto o = test::roicast("run --paths 100 --sensitivity tornado,morris");
    EXPECT_EQ(o.exit_code, 2);
    EXPECT_NE(o.err.find("error: --sensitivity: unknown method \"morris\""), std::string::npos) << o.err;
    EXPECT_NE(o.err.find("voi, tail"), std::string::npos) << o.err;
}

}  // namespace

namespace {

TEST(Cli, ConvergenceStopsWhenMetAndEqualsAFixedRun) {
    const auto dir = test::scratch_folder("converge");
    const auto grown = dir / "grown.json", fixed = dir / "fixed.json";
    auto o = test::roicast("run small-business-saas --paths 1000 --target-ci 0.05 --quiet --json " + grown.string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    Json g = Json::parse(test::slurp(grown));
    ASSERT_TRUE(g["convergence"]["met"].get<bool>());
    const auto paths = g["paths"].get<std::uint64_t>();
    const auto& trace = g["convergence"]["trace"];
    EXPECT_EQ(trace.back()["paths"], paths);
    for (std::size_t k = 1; k < trace.size(); ++k) EXPECT_EQ(trace[k]["paths"], 2 * trace[k - 1]["paths"].get<std::uint64_t>());
    for (const auto& stat : trace.back()["statistics"]) EXPECT_TRUE(stat["met"].get<bool>()) << stat;
    // A grown run that stops at N paths is a fixed run of N paths.
    o = test::roicast("run small-business-saas --sampling mc --quiet --paths " + std::to_string(paths) + " --json " + fixed.string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    Json f = Json::parse(test::slurp(fixed));
    for (Json* r : {&g, &f})
        for (const char* key : {"elapsed_seconds", "threads", "convergence"}) r->erase(key);
    EXPECT_EQ(g.dump(), f.dump());
    std::filesystem::remove_all(dir);
}

TEST(Cli, AnUnmetTargetIsStatedNotHidden) {
    const auto dir = test::scratch_folder("unmet");
    const auto file = dir / "r.json";
    const auto o = test::roicast("run small-business-saas --paths 500 --target-ci 0.0001 --max-paths 2000 --json " + file.string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    EXPECT_NE(o.out.find("NOT converged"), std::string::npos) << o.out;
    const Json r = Json::parse(test::slurp(file));
    EXPECT_FALSE(r["convergence"]["met"].get<bool>());
    EXPECT_EQ(r["paths"], 2000);
    std::filesystem::remove_all(dir);
}

// The worked example of docs/model.md, taken from the page itself, against the
// figures it derives by hand: the page cannot drift from what roicast does.
TEST(Cli, TheWorkedExampleOfTheModelPageGivesItsHandComputedFigures) {
    const std::string page = test::slurp(std::string(ROICAST_SOURCE_DIR) + "/docs/model.md");
    const auto section = page.find("## Worked example");
    ASSERT_NE(section, std::string::npos);
    const auto open = page.find("```json\n", section), close = page.find("```\n", open + 8);
    ASSERT_NE(open, std::string::npos);
    const auto dir = test::scratch_folder("worked-example");
    const auto scenario = dir / "example.json", results = dir / "results.json";
    std::ofstream(scenario) << page.substr(open + 8, close - open - 8);
    const auto o = test::roicast("run " + scenario.string() + " --paths 50 --quiet --json " + results.string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    const Json r = Json::parse(test::slurp(results))["options"]["crm"];
    const Json& year = r["horizons"]["12"];
    // A(τ) = (9^τ − 1)/(9^τ + 1) for τ = 1 … 10 months after go-live at month 2.
    double sum_a = 0;
    for (int tau = 1; tau <= 10; ++tau) sum_a += (std::pow(9.0, tau) - 1) / (std::pow(9.0, tau) + 1);
    const double costs = 20000 + 1200 + 10 * 500, benefits = 10 * 1000 + 2500 * sum_a;
    EXPECT_NEAR(year["costs"]["mean"].get<double>(), costs, 1e-6);
    EXPECT_NEAR(year["benefits"]["mean"].get<double>(), benefits, 1e-6);
    EXPECT_NEAR(year["npv"]["mean"].get<double>(), benefits - costs, 1e-6);
    EXPECT_NEAR(year["roi"]["mean"].get<double>(), (benefits - costs) / costs, 1e-12);
    EXPECT_NEAR(year["npv_hard"]["mean"].get<double>(), 10000 - costs, 1e-6);
    // Cumulative cash flow after month 9: −21,200 + 2,500 + Σ over τ = 2 … 7 of (500 + 2,500·A(τ)).
    double before = -21200 + 2500;
    for (int tau = 2; tau <= 7; ++tau) before += 500 + 2500 * (std::pow(9.0, tau) - 1) / (std::pow(9.0, tau) + 1);
    const double month10 = 500 + 2500 * (std::pow(9.0, 8) - 1) / (std::pow(9.0, 8) + 1);
    EXPECT_NEAR(r["payback_months"]["p50"].get<double>(), 9 + -before / month10, 1e-9);
    EXPECT_NEAR(year["breakdown"]["benefits"]["lines"]["fewer_errors"]["mean"].get<double>(), 10000, 1e-3);
}

}  // namespace

// Hostile results files given to `roicast report` (fuzz/results_regressions/,
// each a shipped-scenario results file with one thing wrong, catalogued with
// its address in tests/app/hostile_results.json): refused by the reader with
// the address of the bad value, and on the command line with exit code 2,
// "error: FILE: ADDRESS: message" and nothing written; the files meant to be
// read (extreme but defined values, undefined ones) render with every chart
// coordinate a number. Too-large arrays, objects and files are made here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/results_document.hpp"
#include "run_roicast.hpp"
#include "svg_numbers.hpp"

namespace {

using OrderedJson = nlohmann::ordered_json;

const std::filesystem::path regressions = std::filesystem::path(ROICAST_SOURCE_DIR) / "fuzz" / "results_regressions";

struct Hostile {
    std::string name, address, says;
};

void PrintTo(const Hostile& h, std::ostream* os) { *os << h.name; }

std::vector<Hostile> hostile_catalogue() {
    const auto data = OrderedJson::parse(test::slurp(std::string(ROICAST_SOURCE_DIR) + "/tests/app/hostile_results.json"));
    std::vector<Hostile> all;
    for (const auto& e : data)
        all.push_back({e.at("name").get<std::string>(), e.at("address").get<std::string>(), e.at("says").get<std::string>()});
    return all;
}

// What the reader says of a results file's text: its error, or "accepted".
app::ResultsFileError refusal(const std::string& text) {
    try {
        app::results_document_from_json(app::parse_results_json(text));
    } catch (const app::ResultsFileError& e) {
        return e;
    }
    return {"", "accepted"};
}

// `roicast report FILE` with every output into a fresh folder: the outcome, and what the folder holds after.
struct Report {
    test::Outcome outcome;
    std::vector<std::string> written;
    std::string html;
};

Report report(const std::filesystem::path& file, const std::string& name) {
    const auto dir = test::scratch_folder("hostile_report_" + name);
    Report r;
    r.outcome = test::roicast("report " + file.string() + " --html " + (dir / "r.html").string() + " --xlsx " +
                              (dir / "r.xlsx").string() + " --csv " + (dir / "csv").string());
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        r.written.push_back(e.path().lexically_relative(dir).string());
    r.html = test::slurp(dir / "r.html");
    std::filesystem::remove_all(dir);
    return r;
}

void expect_refused(const Report& r, const std::filesystem::path& file, const std::string& address,
                    const std::string& says) {
    EXPECT_EQ(r.outcome.exit_code, 2) << r.outcome.err;
    const std::string prefix = "error: " + file.string() + ": " + address + ": ";
    EXPECT_EQ(r.outcome.err.rfind(prefix, 0), 0u) << "stderr lacks '" << prefix << "':\n" << r.outcome.err;
    EXPECT_NE(r.outcome.err.find(says), std::string::npos) << r.outcome.err;
    EXPECT_TRUE(r.written.empty()) << r.written.front();
}

class HostileResults : public testing::TestWithParam<Hostile> {};

TEST_P(HostileResults, RefusedWithTheAddressOfTheBadValue) {
    const Hostile& h = GetParam();
    const app::ResultsFileError e = refusal(test::slurp(regressions / (h.name + ".json")));
    EXPECT_EQ(e.address(), h.address) << e.what();
    EXPECT_NE(e.message().find(h.says), std::string::npos) << e.what();
}

TEST_P(HostileResults, OnTheCommandLineExitTwoAndNothingWritten) {
    const Hostile& h = GetParam();
    const auto file = regressions / (h.name + ".json");
    expect_refused(report(file, h.name), file, h.address, h.says);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, HostileResults, testing::ValuesIn(hostile_catalogue()),
                         [](const testing::TestParamInfo<Hostile>& i) { return i.param.name; });

// Every file the fuzzer or a review found (the catalogue's and those meant to
// be read): refused with exit 2 and nothing written, or every report written
// with no inf or nan in a chart. Never a crash.
TEST(HostileResults, EveryRegressionIsRefusedOrRenderedCleanly) {
    std::size_t files = 0, rendered = 0;
    for (const auto& entry : std::filesystem::directory_iterator(regressions)) {
        ++files;
        const Report r = report(entry.path(), "replay");
        ASSERT_TRUE(r.outcome.exit_code == 0 || r.outcome.exit_code == 2)
            << entry.path() << " exit " << r.outcome.exit_code << "\n" << r.outcome.err;
        if (r.outcome.exit_code == 2) {
            EXPECT_TRUE(r.written.empty()) << entry.path();
            continue;
        }
        ++rendered;
        EXPECT_EQ(test::non_finite_svg_number(r.html), "") << entry.path();
        for (const auto& w : r.written) EXPECT_EQ(w.find(".tmp-"), std::string::npos) << entry.path() << ": " << w;
    }
    EXPECT_GE(files, hostile_catalogue().size() + 3);
    EXPECT_GE(rendered, 3u);
}

// A shipped scenario's results file, short horizons (3, 4 and 6 months).
OrderedJson base() { return OrderedJson::parse(test::slurp(std::string(ROICAST_SOURCE_DIR) + "/fuzz/results_seeds/saas_converged.json")); }

TEST(HostileResults, AnArrayOfAMillionValuesIsRefusedByItsLength) {
    OrderedJson j = base();
    j["options"]["saas"]["payback_months"]["cdf"] = "millions";
    std::string millions = "[0.5";
    for (int i = 1; i < 1'000'000; ++i) millions += ",0.5";
    std::string text = j.dump();
    text.replace(text.find("\"millions\""), 10, millions + "]");
    const auto dir = test::scratch_folder("hostile_array");
    std::ofstream(dir / "r.json") << text;
    const app::ResultsFileError e = refusal(test::slurp(dir / "r.json"));
    EXPECT_EQ(e.address(), "options.saas.payback_months.cdf");
    EXPECT_NE(e.message().find("got 1,000,000"), std::string::npos) << e.what();
    expect_refused(report(dir / "r.json", "array"), dir / "r.json", "options.saas.payback_months.cdf", "got 1,000,000");
    std::filesystem::remove_all(dir);
}

// An ordered object finds each key among those before it: refused past 10,000 members, before it is built.
TEST(HostileResults, AnObjectOfTensOfThousandsOfMembersIsRefusedBeforeItIsBuilt) {
    std::string text = base().dump();
    text.pop_back();
    text += ",\"wide\":{";
    for (int i = 0; i < 20'000; ++i) text += (i ? ",\"x" : "\"x") + std::to_string(i) + "\":0";
    const app::ResultsFileError e = refusal(text + "}}");
    EXPECT_EQ(e.address(), "wide");
    EXPECT_EQ(e.message(), "an object of more than 10000 members");
}

// Each within the limit, together too costly: 30 objects of 10,000 members take 1.5·10^9 key comparisons.
TEST(HostileResults, ManyLargeObjectsAreRefusedTogether) {
    std::string text = base().dump();
    text.pop_back();  // written here, not built: an ordered_json would take the same time to build
    for (int k = 0; k < 30; ++k) {
        text += ",\"wide" + std::to_string(k) + "\":{";
        for (int i = 0; i < 10'000; ++i) text += (i ? ",\"x" : "\"x") + std::to_string(i) + "\":0";
        text += "}";
    }
    const app::ResultsFileError e = refusal(text + "}");
    EXPECT_EQ(e.address(), "wide20");
    EXPECT_NE(e.message().find("compare keys more than 10^9 times"), std::string::npos) << e.what();
}

TEST(HostileResults, AFileLargerThanAResultsFileIsRefused) {
    const auto dir = test::scratch_folder("hostile_size");
    std::ofstream(dir / "r.json") << "{";
    std::filesystem::resize_file(dir / "r.json", app::results_limits::file_bytes + 1);  // sparse: nothing to write
    const Report r = report(dir / "r.json", "size");
    EXPECT_EQ(r.outcome.exit_code, 2);
    EXPECT_EQ(r.outcome.err, "error: " + (dir / "r.json").string() + ": larger than 256 MiB, more than a results file holds\n");
    EXPECT_TRUE(r.written.empty());
    std::filesystem::remove_all(dir);
}

}  // namespace

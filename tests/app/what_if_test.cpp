// Scenario planning on the command line: --set, --variant, sweep and solve
// (docs/model.md, "Variants, sweeps and goal seeking").
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_roicast.hpp"

namespace {

using OrderedJson = nlohmann::ordered_json;

void write(const std::filesystem::path& file, const OrderedJson& j) { std::ofstream(file) << j.dump(1); }

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
}

OrderedJson results(const std::filesystem::path& file) { return OrderedJson::parse(test::slurp(file)); }

// A results document without what differs between two runs of the same
// model: time taken, and the record of what was edited.
OrderedJson comparable(OrderedJson r) {
    for (const char* key : {"elapsed_seconds", "set", "variants", "variant", "against_base"}) r.erase(key);
    return r;
}

// The shipped case with two variants: one edit, one stress.
OrderedJson with_variants() {
    OrderedJson doc = OrderedJson::parse(test::slurp(test::scenario_file("custom-vs-standard")));
    doc["variants"] = OrderedJson::parse(R"({
      "late": {"description": "adoption twice as late",
               "set": {"options.custom.adoption.midpoint_months": {"dist": "pert", "min": 2, "mode": 4, "max": 8}}},
      "overrun": {"stress": {"options.custom.implementation.overrun": [0.9, 1.0]}}
    })");
    return doc;
}

TEST(WhatIf, AVariantRunEqualsARunOfTheEditedFile) {
    const auto dir = test::scratch_folder("variant_equals_edit");
    OrderedJson doc = with_variants();
    write(dir / "s.json", doc);
    const std::string common = " --paths 3000 --seed 11 --threads 2 --quiet --json ";
    auto o = test::roicast("run " + (dir / "s.json").string() + " --variant late --variant overrun" + common +
                           (dir / "v.json").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    // The same edit by hand, in a file of its own.
    OrderedJson edited = doc;
    edited.erase("variants");
    edited["options"]["custom"]["adoption"]["midpoint_months"] = OrderedJson::parse(R"({"dist": "pert", "min": 2, "mode": 4, "max": 8})");
    write(dir / "late.json", edited);
    o = test::roicast("run " + (dir / "late.json").string() + common + (dir / "late-r.json").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    // And the base alone.
    o = test::roicast("run " + (dir / "s.json").string() + common + (dir / "base-r.json").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;

    const OrderedJson r = results(dir / "v.json");
    ASSERT_TRUE(r.contains("variants"));
    OrderedJson late = comparable(r["variants"]["late"]), by_hand = comparable(results(dir / "late-r.json"));
    late.erase("scenario"), by_hand.erase("scenario");
    EXPECT_TRUE(late == by_hand) << "the variant differs from the edited file";
    EXPECT_TRUE(comparable(r) == comparable(results(dir / "base-r.json"))) << "base differs from a run without variants";
    // The variant only touched custom: standard is the same path by path.
    const OrderedJson& change = r["variants"]["late"]["against_base"]["options"];
    EXPECT_EQ(change["standard"]["horizons"]["36"]["prob_worse"], 0.0);
    EXPECT_EQ(change["standard"]["horizons"]["36"]["npv_change"]["p90"], 0.0);
    // Later adoption costs custom benefits on (nearly) every path.
    EXPECT_GT(change["custom"]["horizons"]["36"]["prob_worse"].get<double>(), 0.9);
    EXPECT_LT(change["custom"]["horizons"]["36"]["npv_change"]["mean"].get<double>(), 0.0);
    EXPECT_EQ(r["variants"]["late"]["variant"]["description"], "adoption twice as late");
    EXPECT_EQ(r["variants"]["overrun"]["variant"]["stress"]["options.custom.implementation.overrun"], OrderedJson::parse("[0.9, 1.0]"));
}

// --samples with variants: the base keeps each path's input draws, every
// variant its own metrics on the same paths (the draws once, not per run).
TEST(WhatIf, SamplesKeepTheInputDrawsOnceInTheBase) {
    const auto dir = test::scratch_folder("variant_samples");
    write(dir / "s.json", with_variants());
    const auto o = test::roicast("run " + (dir / "s.json").string() +
                                 " --variant late --variant overrun --paths 1500 --samples 1500 --seed 3 --threads 2"
                                 " --quiet --json " + (dir / "r.json").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    const OrderedJson r = results(dir / "r.json");
    const std::size_t inputs = r["inputs"].size(), horizons = r["horizons"].size();
    ASSERT_GT(inputs, 10u);
    const OrderedJson& base = r["samples"];
    EXPECT_EQ(base["paths"], 1500);
    EXPECT_EQ(base["columns"].size(), 2 + 2 * horizons + 1 + inputs);
    EXPECT_EQ(base["columns"].back(), r["inputs"].back()["input"]);
    for (const char* v : {"late", "overrun"}) {
        const OrderedJson& own = r["variants"][v]["samples"];
        EXPECT_EQ(own["paths"], 1500) << v;
        EXPECT_EQ(own["columns"].size(), 2 + 2 * horizons + 1) << v;  // path, option, NPV and ROI per horizon, payback
        EXPECT_EQ(own["rows"].size(), 1500 * r["options"].size()) << v;
        EXPECT_EQ(own["rows"][0].size(), own["columns"].size()) << v;
        EXPECT_NE(own["note"].get<std::string>().find("base run's samples"), std::string::npos) << v;
    }
}

// A variant's implausible value is that variant's warning: in its results
// (not the base's), on stderr under its name, in the What-if section's row
// of the variant and in the method notes of the HTML report.
TEST(WhatIf, AVariantsWarningsAreItsOwn) {
    const auto dir = test::scratch_folder("variant_warnings");
    OrderedJson doc = with_variants();
    doc["variants"]["typo"] = OrderedJson::parse(R"({"description": "rate as a percentage", "set": {"discount_rate": 9}})");
    write(dir / "s.json", doc);
    const auto o = test::roicast("run " + (dir / "s.json").string() + " --variant typo --variant late --paths 400" +
                                 " --quiet --json " + (dir / "r.json").string() + " --html " +
                                 (dir / "r.html").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    EXPECT_NE(o.err.find("variants.typo: discount_rate: 9 is 900 % a year"), std::string::npos) << o.err;
    const OrderedJson r = results(dir / "r.json");
    EXPECT_EQ(r["warnings"].size(), 0u);
    ASSERT_EQ(r["variants"]["typo"]["warnings"].size(), 1u);
    EXPECT_EQ(r["variants"]["typo"]["warnings"][0]["address"], "discount_rate");
    EXPECT_NE(r["variants"]["typo"]["warnings"][0]["message"].get<std::string>().find("0.09"), std::string::npos);
    EXPECT_EQ(r["variants"]["late"]["warnings"].size(), 0u);
    const std::string page = test::slurp(dir / "r.html");
    const auto row = page.find("<tr data-variant=\"typo\">");
    ASSERT_NE(row, std::string::npos);
    const std::string typo_row = page.substr(row, page.find("</tr>", row) - row);
    EXPECT_NE(typo_row.find("Check this input: discount rate (discount_rate): 9 is 900 % a year"), std::string::npos)
        << typo_row;
    const auto late = page.find("<tr data-variant=\"late\">");
    EXPECT_EQ(page.substr(late, page.find("</tr>", late) - late).find("Check this input"), std::string::npos);
    const std::string notes = page.substr(page.find("<section id=\"method\">"));
    EXPECT_NE(notes.find("What if &quot;typo&quot;: check this input: discount rate"), std::string::npos);
    EXPECT_EQ(count(notes, "check this input"), 1u);
}

TEST(WhatIf, SetEqualsARunOfTheEditedFile) {
    const auto dir = test::scratch_folder("set_equals_edit");
    OrderedJson doc = OrderedJson::parse(test::slurp(test::scenario_file("small-business-saas")));
    const std::string common = " --paths 2000 --seed 3 --quiet --json ";
    auto o = test::roicast("run " + test::scenario_file("small-business-saas") +
                           " --set discount_rate=0.12 --set 'horizons={\"short\": 6, \"long\": 30}'" + common +
                           (dir / "set.json").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    doc["discount_rate"] = 0.12;
    doc["horizons"] = OrderedJson::parse(R"({"short": 6, "long": 30})");
    write(dir / "edited.json", doc);
    o = test::roicast("run " + (dir / "edited.json").string() + common + (dir / "edited-r.json").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    OrderedJson a = results(dir / "set.json"), b = results(dir / "edited-r.json");
    EXPECT_EQ(a["set"]["discount_rate"], 0.12);
    EXPECT_EQ(a["horizons"]["long"], 30);
    EXPECT_TRUE(comparable(a) == comparable(b));
}

// One option, every input a constant: 100 a month from month 1 against a
// build cost X paid at month 0, no discounting. Over 12 months NPV = 1,200 − X,
// and the cumulative cash flow crosses zero at X / 100 months.
const char* deterministic = R"({"horizons": {"year": 12}, "discount_rate": 0,
  "options": {"a": {"implementation": {"months": 1}, "adoption": {"model": "bass", "p": 0.1, "q": 0.3},
    "costs": {"build": {"amount": 600, "unit": "once", "timing": {"month": 0}}},
    "benefits": {"gain": {"amount": 100, "unit": "per_month", "from": "contract"}}}}})";

// A page that fetches nothing and runs nothing: the CSP is there, no script,
// and the only address is the SVG namespace of each chart.
void expect_self_contained(const std::string& html) {
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    std::size_t urls = 0, svgs = 0;
    for (auto p = html.find("://"); p != std::string::npos; p = html.find("://", p + 1), ++urls)
        EXPECT_EQ(html.compare(p - 4, 26, "http://www.w3.org/2000/svg"), 0) << html.substr(p - 4, 40);
    for (auto p = html.find("<svg"); p != std::string::npos; p = html.find("<svg", p + 1)) ++svgs;
    EXPECT_EQ(urls, svgs);
    EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST(WhatIf, ASweepOfADeterministicCaseIsTheHandComputedLine) {
    const auto dir = test::scratch_folder("sweep");
    write(dir / "d.json", OrderedJson::parse(deterministic));
    const auto o = test::roicast("sweep " + (dir / "d.json").string() +
                                 " --vary options.a.costs.build.amount=150:1050:7 --stat options.a.horizons.12.npv.mean"
                                 " --stat options.a.payback_months.p50 --paths 16 --json " + (dir / "s.json").string() +
                                 " --csv " + (dir / "s.csv").string() + " --html " + (dir / "s.html").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    const OrderedJson s = results(dir / "s.json")["sweep"];
    EXPECT_EQ(s["path"], "options.a.costs.build.amount");
    ASSERT_EQ(s["values"].size(), 7u);
    for (std::size_t i = 0; i < 7; ++i) {
        const double x = 150 + 150.0 * static_cast<double>(i);
        EXPECT_DOUBLE_EQ(s["values"][i].get<double>(), x);
        EXPECT_NEAR(s["stats"]["options.a.horizons.12.npv.mean"][i].get<double>(), 1200 - x, 1e-9);
        EXPECT_NEAR(s["stats"]["options.a.payback_months.p50"][i].get<double>(), x / 100, 1e-9);
    }
    // The table on the terminal, and one CSV row per value and statistic.
    EXPECT_NE(o.out.find("€1,050"), std::string::npos) << o.out;  // NPV at X = 150
    const std::string csv = test::slurp(dir / "s.csv");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 * 7);
    // The page: a chart per statistic with a dot per value, the mean's 95 % band, the table of points.
    const std::string html = test::slurp(dir / "s.html");
    expect_self_contained(html);
    for (const char* id : {"data-chart=\"sweep-1\"", "data-chart=\"sweep-2\""})
        EXPECT_NE(html.find(id), std::string::npos) << id;
    const auto chart = [&](const char* id) {
        const auto at = html.find(id);
        return html.substr(at, html.find("</svg>", at) - at);
    };
    EXPECT_EQ(count(chart("sweep-1"), "class=\"dot\""), 7u);
    EXPECT_NE(chart("sweep-1").find("class=\"band\""), std::string::npos);  // a mean has a CI
    EXPECT_EQ(chart("sweep-2").find("class=\"band\""), std::string::npos);  // a percentile has none
    EXPECT_NE(html.find("<td>€1,050"), std::string::npos);  // NPV at X = 150, as the terminal shows it
}

TEST(WhatIf, SolveFindsTheClosedFormAnswer) {
    const auto dir = test::scratch_folder("solve");
    write(dir / "d.json", OrderedJson::parse(deterministic));
    // Payback of 7.3 months needs X = 730.
    const auto o = test::roicast("solve " + (dir / "d.json").string() +
                                 " --vary options.a.costs.build.amount=100:1100 --target options.a.payback_months.p50=7.3"
                                 " --paths 16 --json " + (dir / "s.json").string() + " --html " +
                                 (dir / "s.html").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    const OrderedJson s = results(dir / "s.json")["solve"];
    const double tolerance = 0.001 * 1000;
    EXPECT_EQ(s["tolerance"], tolerance);
    EXPECT_NEAR(s["value"].get<double>(), 730, tolerance);
    EXPECT_NEAR(s["achieved"].get<double>(), s["value"].get<double>() / 100, 1e-9);
    // Bisection from a bracket of 1,000 to one of 1: the two ends, ten halvings, the answer.
    EXPECT_EQ(s["evaluations"].size(), 2u + 10u + 1u);
    EXPECT_NE(o.out.find("equals 7.3 when options.a.costs.build.amount is 7"), std::string::npos) << o.out;
    // The page: the answer's sentence, every evaluation as a dot, the target line and the answer marked.
    const std::string html = test::slurp(dir / "s.html");
    expect_self_contained(html);
    EXPECT_NE(html.find("<p id=\"answer\">" + s["sentence"].get<std::string>() + "</p>"), std::string::npos);
    EXPECT_NE(html.find("data-chart=\"solve\""), std::string::npos);
    EXPECT_EQ(count(html, "class=\"dot\""), s["evaluations"].size());
    EXPECT_NE(html.find(">target 7.3</text>"), std::string::npos);
    EXPECT_NE(html.find(">answer 7"), std::string::npos);
    EXPECT_EQ(count(html, "<tr><td>"), s["evaluations"].size());
}

TEST(WhatIf, SolveWithoutABracketSaysBothEndsAndExitsThree) {
    const auto dir = test::scratch_folder("solve_unbracketed");
    write(dir / "d.json", OrderedJson::parse(deterministic));
    const auto o = test::roicast("solve " + (dir / "d.json").string() +
                                 " --vary options.a.costs.build.amount=100:500 --target options.a.payback_months.p50=9"
                                 " --paths 16 --json " + (dir / "s.json").string());
    EXPECT_EQ(o.exit_code, 3) << o.err;
    EXPECT_NE(o.err.find("it is 1 at 100 and 5 at 500"), std::string::npos) << o.err;
}

TEST(WhatIf, BadArgumentsExitTwoAndSayWhy) {
    const std::string s = test::scenario_file("custom-vs-standard");
    const struct {
        std::string arguments, says;
    } cases[] = {
        {"run " + s + " --set discount_rate=abc", "the value is not JSON"},
        {"run " + s + " --set discount_rate", "expected PATH=JSON"},
        {"run " + s + " --set options.custom.adoptoin.ceiling=0.5", "did you mean \"adoption\""},
        {"run " + s + " --set discount_rate.x=1", "a path cannot go through it"},
        {"run " + s + " --set correlations.9.rank=0.1", "nothing is appended"},
        {"run " + s + " --set discount_rate=12", "discount_rate: must be in [0, 10]"},
        {"run " + s + " --variant slow", "no variant \"slow\""},
        {"validate " + s + " --set simulation.paths=0", "simulation.paths"},
        {"sweep " + s + " --vary discount_rate=0.05:0.2 --stat options.custom.payback_month.p50 --paths 100",
         "did you mean \"payback_months\""},
        {"sweep " + s + " --vary discount_rate=0.05:0.2 --stat options.custom.payback_months --paths 100", "not a number"},
        {"sweep " + s + " --vary discount_rate=0.05:0.2:1 --stat x", "POINTS must be"},
        {"sweep " + s + " --vary discount_rate=0.05 --stat x", "expected PATH=FROM:TO[:POINTS]"},
        {"sweep " + s + " --vary discount_rte=0.05:0.2 --stat x", "did you mean \"discount_rate\""},
        {"solve " + s + " --vary discount_rate=0.05:0.2 --target options.custom.payback_months.p50", "expected STAT=VALUE"},
        {"solve " + s + " --vary discount_rate=0.05:0.2:5 --target options.custom.payback_months.p50=14", "no POINTS"},
        {"sweep " + s + " --vary discount_rate=0.05:0.2 --stat x --html /no/such/folder/p.html", "--html: "},
        {"solve " + s + " --vary discount_rate=0.05:0.2 --target x=1 --html /no/such/folder/p.html", "--html: "},
    };
    for (const auto& c : cases) {
        const auto o = test::roicast(c.arguments);
        EXPECT_EQ(o.exit_code, 2) << c.arguments << "\n" << o.err;
        EXPECT_NE(o.err.find(c.says), std::string::npos) << c.arguments << "\n" << o.err;
    }
}

}  // namespace

// Report building blocks checked against hand-computed values: axis ticks,
// CSV quoting, the chart histogram, reading a results file (and refusing a
// bad one with the address of the problem), the SVG geometry and the
// executive summary's wording of known numbers.
#include <gtest/gtest.h>

#include <numeric>
#include <sstream>

#include "app/chart/chart.hpp"
#include "app/chart/ticks.hpp"
#include "app/csv_report.hpp"
#include "app/format.hpp"
#include "app/html_report.hpp"
#include "app/report_data.hpp"
#include "app/report_text.hpp"
#include "models/results.hpp"
#include "sim/summary.hpp"

namespace {

using Json = nlohmann::ordered_json;

TEST(Ticks, NiceStepsCoverTheRange) {
    EXPECT_EQ(app::chart::nice_ticks(0, 97, 5), (std::vector<double>{0, 20, 40, 60, 80, 100}));
    // (0.62 + 0.53) / 5 = 0.23 → step 0.25; -0.53 → -0.75, 0.62 → 0.75.
    EXPECT_EQ(app::chart::nice_ticks(-0.53, 0.62, 5), (std::vector<double>{-0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75}));
    // 1.2M over 4 intervals: 300k → 500k steps.
    EXPECT_EQ(app::chart::nice_ticks(-150'000, 1'050'000, 4), (std::vector<double>{-500'000, 0, 500'000, 1'000'000, 1'500'000}));
    const auto flat = app::chart::nice_ticks(5, 5, 5);
    EXPECT_LT(flat.front(), 5);
    EXPECT_GT(flat.back(), 5);
}

TEST(Ticks, MonthsInCalendarSteps) {
    EXPECT_EQ(app::chart::month_ticks(60), (std::vector<double>{0, 12, 24, 36, 48, 60}));
    EXPECT_EQ(app::chart::month_ticks(12), (std::vector<double>{0, 2, 4, 6, 8, 10, 12}));
    EXPECT_EQ(app::chart::month_ticks(36), (std::vector<double>{0, 6, 12, 18, 24, 30, 36}));
}

TEST(Csv, FieldsAreQuotedOnlyWhenTheyMustBe) {
    EXPECT_EQ(app::csv_field("npv"), "npv");
    EXPECT_EQ(app::csv_field("pert(min=1, mode=2, max=3)"), "\"pert(min=1, mode=2, max=3)\"");
    EXPECT_EQ(app::csv_field("the \"standard\" CRM"), "\"the \"\"standard\"\" CRM\"");
    EXPECT_EQ(app::csv_field("two\nlines"), "\"two\nlines\"");
}

TEST(ChartHistogram, CentralRangeWithTheTailsCountedApart) {
    std::vector<double> v(1000);
    std::iota(v.begin(), v.end(), 1.0);  // 1 … 1000
    v.push_back(1e9);                    // one extreme path
    const sim::Summary s = sim::summarize(v);
    const sim::Histogram h = models::chart_histogram(v, s);
    // P5 = 51, P95 = 951 (NumPy linear on 1001 values); margin 225 → [1, 1176].
    EXPECT_DOUBLE_EQ(h.low(), 1.0);
    EXPECT_NEAR(h.high(), 1176.0, 1e-9);
    EXPECT_EQ(h.counts().size(), 40u);
    EXPECT_EQ(h.above(), 1u);
    EXPECT_EQ(h.below(), 0u);
    EXPECT_EQ(std::accumulate(h.counts().begin(), h.counts().end(), std::uint64_t{0}), 1000u);
}

Json summary(double p50, double spread) {
    Json j;
    j["mean"] = p50;
    j["sd"] = spread;
    const char* names[] = {"p5", "p10", "p25", "p50", "p75", "p90", "p95"};
    const double z[] = {-1.645, -1.2816, -0.6745, 0, 0.6745, 1.2816, 1.645};
    for (int i = 0; i < 7; ++i) j[names[i]] = p50 + z[i] * spread;
    j["prob_positive"] = 0.9;
    j["expected_shortfall_5"] = p50 - 2 * spread;
    j["undefined"] = 0.0;
    j["n"] = 1000;
    return j;
}

Json time_to_event(double p50, Json p90) {
    Json cdf = Json::array();
    for (int t = 1; t <= 24; ++t) cdf.push_back(t < 10 ? 0.0 : t < 20 ? 0.5 : 0.8);
    return {{"p10", 10.5}, {"p25", 12.0},         {"p50", p50},
            {"p75", 16.0}, {"p90", p90},          {"mean", 14.0},
            {"share_reached", 0.85}, {"prob_within", {{"short", 0.26}, {"long", 0.85}}}, {"cdf", cdf}};
}

// A results file with one option and two horizons, numbers chosen by hand.
Json small_results() {
    Json j;
    j["scenario"] = "Hand-made <case> & co";
    j["paths"] = 1000;
    j["seed"] = 7;
    j["sampling"] = "lhs";
    j["currency"] = "EUR";
    j["horizons"] = {{"short", 12}, {"long", 24}};
    j["discount_rate"] = 0.08;
    j["payback_reference_months"] = {12, 14};
    Json option;
    for (const char* h : {"12", "24"}) {
        Json m;
        m["roi"] = summary(std::string(h) == "12" ? -0.2 : 1.5, 0.5);
        m["roi"]["histogram"] = {{"low", -1.0}, {"bin_width", 0.5}, {"counts", {1, 2, 3, 4}}, {"below", 0}, {"above", 0},
                                 {"undefined", 0}};
        m["roi_discounted"] = summary(1.2, 0.4);
        m["npv"] = summary(250'000, 100'000);
        m["irr"] = summary(0.35, 0.1);
        m["benefits"] = summary(900'000, 100'000);
        m["costs"] = summary(400'000, 50'000);
        option["horizons"][h] = m;
    }
    option["payback_months"] = time_to_event(13.37, nullptr);
    option["discounted_payback_months"] = time_to_event(14.0, 21.0);
    Json fan;
    for (const char* l : {"p5", "p25", "p50", "p75", "p95"}) fan[l] = Json::array({-1.0, -2.0, 3.0});
    option["cumulative_cash_flow"] = fan;
    j["options"]["custom_build"] = option;
    j["inputs"] = Json::array({{{"input", "options.custom_build.costs.build.amount"},
                                {"distribution", "pert(min=1, mode=2, max=3)"},
                                {"mean", 2.0},
                                {"p5", 1.3},
                                {"p50", 2.0},
                                {"p95", 2.7},
                                {"source", "Vendor quote <2026>"}}});
    return j;
}

TEST(ReportData, ReadsAResultsFile) {
    const app::ReportData r = app::read_report_data(small_results());
    ASSERT_EQ(r.options.size(), 1u);
    ASSERT_EQ(r.horizons.size(), 2u);
    EXPECT_EQ(r.horizons[1].months, 24);
    EXPECT_DOUBLE_EQ(r.options[0].horizons[1].at("roi")["p50"], 1.5);
    EXPECT_TRUE(std::isnan(r.options[0].payback["p90"]));  // null: not reached
    EXPECT_DOUBLE_EQ(r.options[0].horizons[0].at("roi").histogram->total(), 10.0);
    EXPECT_EQ(r.option_label("custom_build"), "Custom build");
    EXPECT_EQ(r.option_label("email_crm"), "Email CRM");
    EXPECT_EQ(r.option_label("saas"), "SaaS");
    EXPECT_EQ(r.option_label("crmx"), "Crmx");
    ASSERT_TRUE(r.payback_reference);
    EXPECT_DOUBLE_EQ(r.payback_reference->second, 14.0);
}

TEST(ReportData, RefusesABadFileWithTheAddress) {
    Json j = small_results();
    j["options"]["custom_build"].erase("payback_months");
    try {
        app::read_report_data(j);
        FAIL() << "accepted a file without payback_months";
    } catch (const app::ResultsFileError& e) {
        EXPECT_STREQ(e.what(), "options.custom_build.payback_months: missing; is this a roicast results file?");
    }
    j = small_results();
    j["options"]["custom_build"]["horizons"]["24"]["npv"]["p50"] = "a lot";
    try {
        app::read_report_data(j);
        FAIL() << "accepted a string for a number";
    } catch (const app::ResultsFileError& e) {
        EXPECT_STREQ(e.what(), "options.custom_build.horizons.24.npv.p50: expected a number, got string");
    }
    EXPECT_THROW(app::read_report_data(Json::array()), app::ResultsFileError);
}

TEST(ReportText, ExecutiveSummaryWordsTheNumbers) {
    const app::ReportData r = app::read_report_data(small_results());
    // No "medium" horizon: the summary quotes the last one (24 months). P10 = 1.5 − 1.2816·0.5 = 0.859.
    EXPECT_EQ(app::option_summary(r, r.options[0]),
              "Custom build: median ROI at 24 months 150 % (80 % interval 86 % to 214 %); breaks even after 13.4 "
              "months (P10–P90: 10.5 to not within 24 months); 26 % chance of payback within 12 months, 85 % within "
              "24 months.");
    EXPECT_EQ(app::input_label("options.custom_build.effects.conversion_uplift"), "effects · conversion uplift");
    EXPECT_EQ(app::input_label("baseline.leads_per_month"), "baseline · leads per month");
    EXPECT_EQ(app::plain_number(7500.4), "7,500");
    EXPECT_EQ(app::plain_number(0.125), "0.125");
    EXPECT_EQ(app::percent(-0.004, 0), "0 %");  // not "-0 %"
    EXPECT_EQ(app::percent(-0.006, 0), "-1 %");
    EXPECT_EQ(app::percent(-0.0004, 1), "0.0 %");
}

TEST(HtmlReport, SelfContainedWithEveryChartAndEscapedText) {
    const app::ReportData r = app::read_report_data(small_results());
    std::ostringstream out;
    app::write_html_report(out, r);
    const std::string html = out.str();
    for (const char* id : {"roi-histogram-custom_build-12", "roi-histogram-custom_build-24", "roi-cdf-12", "roi-cdf-24",
                           "fan-custom_build", "payback-cdf"})
        EXPECT_NE(html.find(std::string("data-chart=\"") + id + "\""), std::string::npos) << id;
    EXPECT_EQ(html.find("tornado-"), std::string::npos);  // no sensitivity in this file
    EXPECT_NE(html.find("Hand-made &lt;case&gt; &amp; co"), std::string::npos);
    EXPECT_NE(html.find("Vendor quote &lt;2026&gt;"), std::string::npos);
    EXPECT_NE(html.find("reference: 12 to 14 months"), std::string::npos);
    EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
    // Nothing to fetch: the only URL is the SVG namespace.
    std::size_t urls = 0, svgs = 0;
    for (auto p = html.find("://"); p != std::string::npos; p = html.find("://", p + 1)) {
        EXPECT_EQ(html.compare(p - 4, 26, "http://www.w3.org/2000/svg"), 0) << html.substr(p - 4, 40);
        ++urls;
    }
    for (auto p = html.find("<svg"); p != std::string::npos; p = html.find("<svg", p + 1)) ++svgs;
    EXPECT_EQ(urls, svgs);
    EXPECT_EQ(svgs, 6u);
}

TEST(Svg, DataMapsOntoThePlotArea) {
    app::chart::Chart c;
    c.id = "t";
    c.title = "a < b";
    c.x_range = std::pair{0.0, 10.0};
    c.x_ticks = {0, 5, 10};
    c.y_range = std::pair{0.0, 1.0};
    c.lines.push_back({{0, 10}, {0, 1}, "#000", "", 2, "", false});
    const std::string svg = app::chart::render_svg(c, 640, 300);
    // Plot area: x from 74 to 640 − 18 = 622, y from 40 down to 300 − 46 = 254.
    EXPECT_NE(svg.find("d=\"M74.00 254.00L622.00 40.00\""), std::string::npos) << svg;
    EXPECT_NE(svg.find("<title>a &lt; b</title>"), std::string::npos);
}

}  // namespace

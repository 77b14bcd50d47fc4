// Report building blocks checked against hand-computed values: axis ticks,
// CSV quoting, the chart histogram, reading a results file (and refusing a
// bad one with the address of the problem), the results document's round
// trip, the SVG geometry, the executive summary and the what-if tables (in
// the HTML page and variants.csv) against the document.
#include <gtest/gtest.h>

#include <functional>

#include <algorithm>
#include <cmath>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>
#include <sstream>

#include <unistd.h>

#include "app/chart/chart.hpp"
#include "app/chart/ticks.hpp"
#include "app/csv_report.hpp"
#include "app/format.hpp"
#include "app/html_report.hpp"
#include "app/text_report.hpp"
#include "app/results_document.hpp"
#include "app/results_from_forecast.hpp"
#include "app/embedded_scenarios.hpp"
#include "models/forecast.hpp"
#include "models/scenario_loader.hpp"
#include "models/variants.hpp"
#include "app/report_text.hpp"
#include "app/what_if_table.hpp"
#include "models/results.hpp"
#include "sim/summary.hpp"
#include "svg_numbers.hpp"

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

// OWASP's advice against formula injection: text that a spreadsheet would
// evaluate starts with a quote; a number stays a number.
TEST(Csv, TextThatLooksLikeAFormulaStaysText) {
    EXPECT_EQ(app::csv_field("=HYPERLINK(\"http://evil\")"), "\"'=HYPERLINK(\"\"http://evil\"\")\"");
    EXPECT_EQ(app::csv_field("+cmd"), "'+cmd");
    EXPECT_EQ(app::csv_field("-2+3"), "'-2+3");
    EXPECT_EQ(app::csv_field("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(app::csv_field("\t=1"), "\"'\t=1\"");
    EXPECT_EQ(app::csv_field("\r=1"), "\"'\r=1\"");
    EXPECT_EQ(app::csv_field("-2.5"), "-2.5");
    EXPECT_EQ(app::csv_field("-1e-07"), "-1e-07");
    EXPECT_EQ(app::csv_field("a;=1"), "\"a;=1\"");  // a spreadsheet splitting at ';' sees one quoted field
    EXPECT_EQ(app::csv_field(std::string("a\0b\x1b", 4)), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

// A workbook cell holds at most 32,767 characters (UTF-16 units): a longer
// text is cut with "…", never dropped; control characters do not pass.
TEST(Workbook, TextIsCutToACellAndHoldsNoControlCharacter) {
    EXPECT_EQ(app::workbook_text(std::string(32767, 'x')), std::string(32767, 'x'));
    EXPECT_EQ(app::workbook_text(std::string(40000, 'x')), std::string(32766, 'x') + "\u2026");
    // "😀" is two UTF-16 units: 16,384 of them are 32,768 units, one too many.
    std::string faces;
    for (int i = 0; i < 16384; ++i) faces += "\U0001F600";
    EXPECT_EQ(app::workbook_text(faces), faces.substr(0, 4 * 16383) + "\u2026");
    EXPECT_EQ(app::workbook_text("a\tb\nc\x1b[31m"), "a\tb\nc\uFFFD[31m");
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
    j["mean_ci95"] = {p50 - 0.062 * spread, p50 + 0.062 * spread};
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
        m["npv_hard"] = summary(150'000, 100'000);
        m["roi_hard"] = summary(0.9, 0.4);
        option["horizons"][h] = m;
    }
    option["payback_months"] = time_to_event(13.37, nullptr);
    option["discounted_payback_months"] = time_to_event(14.0, 21.0);
    Json fan;
    for (const char* l : {"p5", "p25", "p50", "p75", "p95"}) {
        fan[l] = Json::array();
        for (int t = 1; t <= 24; ++t) fan[l].push_back(-1000.0 + 100.0 * t);
    }
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

TEST(ResultsDocument, ReadsAResultsFile) {
    const app::ResultsDocument r = app::results_document_from_json(small_results());
    ASSERT_EQ(r.options.size(), 1u);
    ASSERT_EQ(r.horizons.size(), 2u);
    EXPECT_EQ(r.horizons[1].months, 24);
    EXPECT_EQ(r.options[0].name, "custom_build");
    EXPECT_DOUBLE_EQ(r.options[0].horizons[1][models::Metric::roi].p50, 1.5);
    EXPECT_TRUE(std::isnan(r.options[0].payback.p90));  // null: not reached
    EXPECT_DOUBLE_EQ(r.options[0].horizons[0].roi_histogram->total(), 10.0);
    EXPECT_EQ(app::option_label("custom_build"), "Custom build");
    EXPECT_EQ(app::option_label("email_crm"), "Email CRM");
    EXPECT_EQ(app::option_label("saas"), "SaaS");
    EXPECT_EQ(app::option_label("crmx"), "Crmx");
    ASSERT_TRUE(r.payback_reference_months);
    EXPECT_DOUBLE_EQ((*r.payback_reference_months)[1], 14.0);
    EXPECT_TRUE(r.comparisons.empty());  // optional keys left out of a hand-made file
}

// Reading must refuse, with the address, what a writer would otherwise
// misread: a missing key, a wrong type, arrays whose lengths do not match.
std::string refusal(const Json& j) {
    try {
        app::results_document_from_json(j);
    } catch (const app::ResultsFileError& e) {
        return e.what();
    }
    return "accepted";
}

TEST(ResultsDocument, RefusesABadFileWithTheAddress) {
    Json j = small_results();
    j["options"]["custom_build"].erase("payback_months");
    EXPECT_EQ(refusal(j), "options.custom_build.payback_months: missing; is this a roicast results file?");
    j = small_results();
    j["options"]["custom_build"]["horizons"]["24"]["npv"]["p50"] = "a lot";
    EXPECT_EQ(refusal(j), "options.custom_build.horizons.24.npv.p50: expected a number, got string");
    j = small_results();
    j["options"]["custom_build"]["cumulative_cash_flow"]["p75"].erase(0);
    EXPECT_EQ(refusal(j), "options.custom_build.cumulative_cash_flow.p75: expected 24 values (one per month), got 23");
    j = small_results();
    j["options"]["custom_build"]["horizons"].erase("24");
    EXPECT_EQ(refusal(j), "options.custom_build.horizons.24: missing");
    j = small_results();
    j["paths"] = -5;
    EXPECT_EQ(refusal(j), "paths: expected a whole number >= 0, got -5");
    j = small_results();
    j["seed"] = 1.5;
    EXPECT_EQ(refusal(j), "seed: expected a whole number, got number");
    EXPECT_EQ(refusal(Json::array()), "expected an object, got array");
}

TEST(ResultsDocument, SeedsBeyondDoublePrecisionStayExact) {
    Json j = small_results();
    j["seed"] = std::uint64_t{9007199254740993};  // 2^53 + 1: not a double
    EXPECT_EQ(app::results_document_from_json(j).seed, std::uint64_t{9007199254740993});
    j["seed"] = std::uint64_t{18446744073709551615u};
    EXPECT_EQ(app::to_json(app::results_document_from_json(j))["seed"].dump(), "18446744073709551615");
}

// A results file read and written again is the same bytes, for every shipped
// scenario, with every optional part present (sensitivity by each method,
// value of information per input, samples).
TEST(ResultsDocument, EveryShippedScenarioRoundTripsByteForByte) {
    for (const auto& shipped : app::embedded_scenarios()) {
        const models::Scenario s = models::parse_scenario(shipped.text);
        models::ForecastSettings settings;
        settings.paths = 600;
        settings.seed = 9007199254740993u;
        settings.sensitivity = models::SensitivitySettings{{models::SensitivityMethod::tornado,
                                                            models::SensitivityMethod::spearman,
                                                            models::SensitivityMethod::src,
                                                            models::SensitivityMethod::sobol,
                                                            models::SensitivityMethod::voi,
                                                            models::SensitivityMethod::tail},
                                                           64};
        settings.samples = 5;
        const std::string written = app::to_json(app::results_document(s, models::forecast(s, settings))).dump(2);
        const app::ResultsDocument read = app::results_document_from_json(nlohmann::ordered_json::parse(written));
        const std::string again = app::to_json(read).dump(2);
        EXPECT_EQ(written, again) << shipped.name;
        EXPECT_NE(written.find("\"seed\": 9007199254740993,"), std::string::npos) << shipped.name;
        // Every method ranks each option's metrics and each pair's NPV difference (sensitivity.<a>_vs_<b>).
        const Json j = Json::parse(written);
        for (std::size_t h = 0; h < s.horizons.size(); ++h) {
            const std::string months = std::to_string(s.horizons[h].months);
            for (const auto& o : s.options)
                EXPECT_FALSE(j["sensitivity"][o.name][months]["npv"]["tail"].empty()) << shipped.name;
            for (const auto& c : read.comparisons)
                for (const char* method : {"tornado", "spearman", "src", "sobol_first", "sobol_total", "tail"}) {
                    const Json& list = j["sensitivity"][c.key()][months]["npv_difference"][method];
                    EXPECT_TRUE(list.is_array() && !list.empty()) << shipped.name << " " << c.key() << " " << method;
                }
        }
        EXPECT_EQ(j["sensitivity"].size(), s.options.size() + read.comparisons.size()) << shipped.name;
    }
}

// prob_best as a run writes it reads back; one that names other options,
// misses a horizon or does not sum to 1 is refused at its address.
TEST(ResultsDocument, ProbBestIsCheckedWhereItIsWrong) {
    const models::Scenario s = models::parse_scenario(app::find_embedded("custom-vs-standard")->text);
    models::ForecastSettings settings;
    settings.paths = 400;
    const Json good = app::to_json(app::results_document(s, models::forecast(s, settings)));
    ASSERT_TRUE(good.contains("prob_best"));
    EXPECT_EQ(app::results_document_from_json(good).prob_best.size(), s.horizons.size());
    const auto refused = [&](const std::function<void(Json&)>& spoil) -> std::string {
        Json j = good;
        spoil(j);
        try {
            app::results_document_from_json(j);
        } catch (const app::ResultsFileError& e) {
            return e.address() + ": " + e.message();
        }
        return "accepted";
    };
    EXPECT_EQ(refused([](Json& j) { j["prob_best"]["60"]["among_options"]["custom"] = 0.9; }),
              "prob_best.60.among_options: expected shares that sum to 1");
    EXPECT_EQ(refused([](Json& j) { j["prob_best"]["60"]["not_investing"] = 1.5; }),
              "prob_best.60.not_investing: expected a share in [0, 1]");
    EXPECT_EQ(refused([](Json& j) { j["prob_best"]["60"]["counting_not_investing"].erase("standard"); }),
              "prob_best.60.counting_not_investing: expected one share per option, in the order of \"options\"");
    EXPECT_EQ(refused([](Json& j) { j["prob_best"].erase("36"); }), "prob_best.36: missing");
    // A file of an earlier version, without the key, is read (and written again without it).
    Json older = good;
    older.erase("prob_best");
    EXPECT_EQ(app::to_json(app::results_document_from_json(older)).dump(), older.dump());
}

TEST(ResultsDocument, GrownAndStreamedRunsRoundTripToo) {
    const models::Scenario s = models::parse_scenario(app::find_embedded("custom-vs-standard")->text);
    models::ForecastSettings grown;
    grown.paths = 500;
    grown.convergence = models::ConvergenceTarget{0.2, 2000};
    models::ForecastSettings streamed;
    streamed.paths = 3000;
    streamed.stream = true;
    for (const auto& settings : {grown, streamed}) {
        const std::string written = app::to_json(app::results_document(s, models::forecast(s, settings))).dump(2);
        EXPECT_EQ(written, app::to_json(app::results_document_from_json(nlohmann::ordered_json::parse(written))).dump(2));
    }
}

// Variants with only `set` or only `stress` (the other an empty object, not null) read back as written.
TEST(ResultsDocument, VariantsRoundTripByteForByte) {
    const auto shipped = app::find_embedded("custom-vs-standard");
    const Json document = models::parse_scenario_document(shipped->text);
    const models::Scenario s = models::variant_scenario(document, nullptr, {});
    models::ForecastSettings settings;
    settings.paths = 400;
    settings.keep_key_paths = true;
    const models::Forecast base = models::forecast(s, settings);
    app::ResultsDocument results = app::results_document(s, base);
    results.variants.emplace();
    for (const auto& v : s.variants) {
        ASSERT_TRUE(v.set.empty() != v.stress.empty()) << v.name;  // the shipped ones: one or the other
        const models::Scenario vs = models::variant_scenario(document, &v, {});
        results.variants->push_back(app::variant_result(v, {}, vs, models::forecast(vs, settings), base));
    }
    const std::string written = app::to_json(results).dump(2);
    EXPECT_EQ(written, app::to_json(app::results_document_from_json(Json::parse(written))).dump(2));
    EXPECT_EQ(written.find("\"stress\": null"), std::string::npos);
}

TEST(ReportText, ExecutiveSummaryQuotesTheDocument) {
    const app::ResultsDocument r = app::results_document_from_json(small_results());
    // No "medium" horizon: the summary quotes the last one (24 months).
    ASSERT_EQ(app::headline_horizon(r), 1u);
    const auto& o = r.options[0];
    const auto& roi = o.horizons[1][models::Metric::roi];
    const std::string text = app::option_summary(r, o);
    EXPECT_EQ(text.rfind(app::option_label(o.name) + ": ", 0), 0u) << text;
    for (const std::string& figure : {app::percent(roi.p50, 0), app::percent(roi.p10, 0), app::percent(roi.p90, 0),
                                      app::months(o.payback.p50), app::months(o.payback.p10),
                                      app::percent(o.payback.prob_within[0].value, 0),
                                      app::percent(o.payback.prob_within[1].value, 0)})
        EXPECT_NE(text.find(figure), std::string::npos) << figure << " in " << text;
    // P90 is null (not reached): said in words, never as a number.
    EXPECT_NE(text.find("not within 24 months"), std::string::npos) << text;
    EXPECT_EQ(text.find("nan"), std::string::npos) << text;
    EXPECT_EQ(app::input_label("options.custom_build.effects.conversion_uplift"), "effects · conversion uplift");
    EXPECT_EQ(app::input_label("baseline.leads_per_month"), "baseline · leads per month");
    EXPECT_EQ(app::plain_number(7500.4), "7,500");
    EXPECT_EQ(app::plain_number(0.125), "0.125");
    EXPECT_EQ(app::percent(-0.004, 0), "0 %");  // not "-0 %"
    EXPECT_EQ(app::percent(-0.006, 0), "-1 %");
    EXPECT_EQ(app::percent(-0.0004, 1), "0.0 %");
}

// Every rounding edge of money() and percent(): a figure that rounds up to
// 1,000 of a unit is written in the next unit, on either side of the edge.
TEST(ReportText, MoneyAndPercentAtTheirRoundingEdges) {
    // whole amounts → k at 10,000
    EXPECT_EQ(app::money(9'999.49, "EUR"), "€9,999");
    EXPECT_EQ(app::money(9'999.5, "EUR"), "€10k");
    EXPECT_EQ(app::money(10'000, "EUR"), "€10k");
    // k → M at 999,500
    EXPECT_EQ(app::money(999'499.9, "EUR"), "€999k");
    EXPECT_EQ(app::money(999'500, "EUR"), "€1.00M");
    EXPECT_EQ(app::money(999'999.5, "EUR"), "€1.00M");
    EXPECT_EQ(app::money(-999'999.5, "USD"), "-$1.00M");
    EXPECT_EQ(app::money(1'000'000, "EUR"), "€1.00M");
    // M → B at 999,995,000
    EXPECT_EQ(app::money(999'994'999, "EUR"), "€999.99M");
    EXPECT_EQ(app::money(999'995'001, "EUR"), "€1.00B");
    EXPECT_EQ(app::money(1e9, "GBP"), "£1.00B");
    // B is the largest unit: it goes on
    EXPECT_EQ(app::money(2.5e12, "EUR"), "€2500.00B");
    // the sign: none on an amount that rounds to zero
    EXPECT_EQ(app::money(-0.49, "EUR"), "€0");
    EXPECT_EQ(app::money(-0.5, "EUR"), "-€1");
    EXPECT_EQ(app::money(-1e12, "CHF"), "-CHF 1000.00B");
    // percent: 99.95 % to one decimal is 100.0 %, a share just below zero never "-0"
    EXPECT_EQ(app::percent(0.9995, 1), "100.0 %");
    EXPECT_EQ(app::percent(0.99949, 1), "99.9 %");
    EXPECT_EQ(app::percent(-0.00049999, 1), "0.0 %");
    EXPECT_EQ(app::percent(-0.0005001, 1), "-0.1 %");
    EXPECT_EQ(app::percent(-0.00499, 0), "0 %");
}

TEST(ReportText, OneHeadlineRankingForEveryOutput) {
    app::MetricSensitivity m{"npv", {}, 0.5, std::nullopt};
    m.methods.push_back({"tornado", {{"a", 1.0, 1, std::nullopt, std::nullopt, std::nullopt}}});
    EXPECT_EQ(app::headline_ranking(m)->method, "tornado");
    m.methods.push_back({"src", {{"a", 0.5, 1, std::nullopt, std::nullopt, std::nullopt}}});
    m.methods.push_back({"spearman", {{"a", 0.5, 1, std::nullopt, std::nullopt, std::nullopt}}});
    EXPECT_EQ(app::headline_ranking(m)->method, "spearman");  // the linear fit explains too little for SRC
    m.src_r_squared = 0.9;
    EXPECT_EQ(app::headline_ranking(m)->method, "src");
    m.methods.push_back({"sobol_total", {{"a", 0.5, 1, std::nullopt, std::nullopt, std::nullopt}}});
    EXPECT_EQ(app::headline_ranking(m)->method, "sobol_total");
}

// A pair's rankings reach every writer as the NPV difference, never as an option.
TEST(ReportWriters, ThePairsNpvDifferenceDriversAreShownAsSuch) {
    const models::Scenario s = models::parse_scenario(app::find_embedded("custom-vs-standard")->text);
    models::ForecastSettings settings;
    settings.paths = 2000;
    settings.sensitivity =
        models::SensitivitySettings{{models::SensitivityMethod::spearman, models::SensitivityMethod::tail}, 64};
    const app::ResultsDocument r = app::results_document(s, models::forecast(s, settings));
    ASSERT_EQ(r.comparisons.size(), 1u);
    const std::string key = r.comparisons[0].key();
    EXPECT_EQ(key, "custom_vs_standard");
    // The headline is Spearman; tail is shown beside it, and heads only when alone.
    const auto* m = r.sensitivity_of(key, 0, "npv_difference");
    ASSERT_TRUE(m);
    EXPECT_EQ(app::headline_ranking(*m)->method, "spearman");
    app::MetricSensitivity only_tail{"npv_difference", {*m->find("tail")}, std::nullopt, std::nullopt};
    EXPECT_EQ(app::headline_ranking(only_tail)->method, "tail");

    std::ostringstream text;
    app::print_summary(text, r);
    EXPECT_NE(text.str().find("what drives the NPV difference"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("worst 10 % [tail]"), std::string::npos) << text.str();
    EXPECT_EQ(text.str().find("what drives " + key), std::string::npos) << text.str();

    std::ostringstream html;
    app::write_html_report(html, r);
    const std::string page = html.str();
    for (const auto& h : r.horizons) {
        const std::string id = "data-chart=\"tornado-" + key + "-" + std::to_string(h.months) + "\"";
        EXPECT_NE(page.find(id), std::string::npos) << id;
    }
    EXPECT_NE(page.find("NPV difference, Custom minus Standard: drivers at 12 months"), std::string::npos);
    EXPECT_EQ(page.find(app::option_label(key) + ": NPV drivers"), std::string::npos);  // not titled as an option
    EXPECT_EQ(app::input_label_with_option("options.custom.costs.build.amount"), "Custom · costs · build · amount");

    const auto dir = std::filesystem::temp_directory_path() / ("roicast_pair_csv_" + std::to_string(::getpid()));
    app::write_csv_reports(dir, r);
    std::ifstream csv(dir / "sensitivity.csv");
    std::string line;
    std::size_t pair_tail_rows = 0;
    while (std::getline(csv, line)) pair_tail_rows += line.rfind(key + ",12,npv_difference,tail,", 0) == 0;
    EXPECT_EQ(pair_tail_rows, m->find("tail")->ranking.size());
    std::filesystem::remove_all(dir);
}

TEST(HtmlReport, SelfContainedWithEveryChartAndEscapedText) {
    const app::ResultsDocument r = app::results_document_from_json(small_results());
    std::ostringstream out;
    app::write_html_report(out, r);
    const std::string html = out.str();
    for (const char* id : {"roi-histogram-custom_build-12", "roi-histogram-custom_build-24", "roi-cdf-12", "roi-cdf-24",
                           "fan-custom_build", "payback-cdf", "page-one-payback"})
        EXPECT_NE(html.find(std::string("data-chart=\"") + id + "\""), std::string::npos) << id;
    EXPECT_EQ(html.find("tornado-"), std::string::npos);  // no sensitivity in this file
    EXPECT_NE(html.find(app::html_text(r.scenario)), std::string::npos);
    EXPECT_EQ(html.find(r.scenario), std::string::npos);  // never raw
    EXPECT_NE(html.find(app::html_text(r.inputs[0].source)), std::string::npos);
    EXPECT_EQ(html.find(r.inputs[0].source), std::string::npos);
    // The reference band is labelled with the document's months.
    const auto [from, to] = *r.payback_reference_months;
    EXPECT_NE(html.find("reference: " + app::plain_number(from) + " to " + app::plain_number(to) + " months"),
              std::string::npos);
    EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
    // Nothing to fetch: the only URL is the SVG namespace.
    std::size_t urls = 0, svgs = 0;
    for (auto p = html.find("://"); p != std::string::npos; p = html.find("://", p + 1)) {
        EXPECT_EQ(html.compare(p - 4, 26, "http://www.w3.org/2000/svg"), 0) << html.substr(p - 4, 40);
        ++urls;
    }
    for (auto p = html.find("<svg"); p != std::string::npos; p = html.find("<svg", p + 1)) ++svgs;
    EXPECT_EQ(urls, svgs);
    EXPECT_EQ(svgs, 7u);
}

// small_results() with two variants: "late" moves the figures by hand-chosen
// amounts and carries a hostile description; "no_pairing" has no change
// against base (a file written without key paths).
Json with_variants() {
    Json j = small_results();
    Json late = small_results();
    late["options"]["custom_build"]["horizons"]["12"]["roi"]["p50"] = -0.45;
    late["options"]["custom_build"]["horizons"]["24"]["npv"]["prob_positive"] = 0.62;
    late["options"]["custom_build"]["payback_months"]["p50"] = 17.25;
    late["options"]["custom_build"]["payback_months"]["cdf"][13] = 0.125;  // month 14: the band's end
    late["variant"] = {{"description", "<script>alert('late')</script> & adoption"},
                       {"set", {{"options.custom_build.adoption.midpoint_months", 9}}},
                       {"stress", {{"options.custom_build.implementation.overrun", {0.9, 1.0}}}}};
    Json change;
    for (const char* h : {"12", "24"})
        change[h] = {{"npv_change", {{"mean", -123'456.0}, {"p10", -250'000.0}, {"p50", -99'000.0}, {"p90", -1'500.0}}},
                     {"prob_worse", 0.875}};
    late["against_base"] = {{"paths", 1000},
                            {"options", {{"custom_build", {{"horizons", change}, {"prob_payback_later", 0.6}}}}}};
    Json unpaired = small_results();
    unpaired["variant"] = {{"description", ""}, {"set", Json::object()}, {"stress", Json::object()}};
    j["variants"] = {{"late", late}, {"no_pairing", unpaired}};
    return j;
}

std::string html_of(const app::ResultsDocument& r) {
    std::ostringstream out;
    app::write_html_report(out, r);
    return out.str();
}

// The cells of a table row as the page writes them.
std::string row_of(const std::string& variant, const std::vector<std::string>& cells) {
    std::string row = "<tr data-variant=\"" + variant + "\"><td class=\"text\">" + variant + "</td>";
    for (const auto& c : cells) row += "<td>" + app::html_text(c) + "</td>";
    return row + "</tr>";
}

// The part of the page from a table's opening tag to its end.
std::string table_of(const std::string& html, const std::string& option, const std::string& kind) {
    const auto start =
        html.find("<table class=\"what-if\" data-option=\"" + option + "\" data-table=\"" + kind + "\">");
    if (start == std::string::npos) return "";
    return html.substr(start, html.find("</table>", start) - start);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
}

TEST(WhatIfReport, TheTablesReadTheDocument) {
    const app::ResultsDocument r = app::results_document_from_json(with_variants());
    const app::WhatIfTables t = app::what_if_tables(r);
    // Two horizons: ROI P50 and P(NPV > 0) at each, payback P50, P(payback within the band's end).
    ASSERT_EQ(t.side_by_side.size(), 6u);
    EXPECT_EQ(t.side_by_side[0].label, "ROI P50, 12 mo");
    EXPECT_EQ(t.side_by_side[3].label, "P(NPV > 0), 24 mo");
    EXPECT_EQ(t.side_by_side[5].label, "P(payback within 14 mo)");
    EXPECT_EQ(t.headline_months, 24);  // no "medium": the last horizon
    ASSERT_EQ(t.options.size(), 1u);
    const auto& o = t.options[0];
    ASSERT_EQ(o.side_by_side.size(), 3u);  // base, late, no_pairing
    EXPECT_EQ(o.side_by_side[1].variant, "late");
    EXPECT_EQ(o.side_by_side[1].values, (std::vector<double>{-0.45, 1.5, 0.9, 0.62, 17.25, 0.125}));
    EXPECT_EQ(o.side_by_side[0].values[5], 0.5);  // the hand-made CDF at month 14
    ASSERT_EQ(o.changes.size(), 1u);  // no_pairing has no change against base
    EXPECT_EQ(o.changes[0].values, (std::vector<double>{-123'456.0, -250'000.0, -1'500.0, 0.875, 0.6}));
    EXPECT_EQ(t.shown(t.changes[0], -123'456.0), "-€123k");
    EXPECT_EQ(t.shown(t.side_by_side[4], NAN), "after 24");  // payback not reached

    // A variant that drops the option or a horizon reads NaN there, not a neighbour's figure.
    Json j = with_variants();
    Json& horizons = j["variants"]["late"]["options"]["custom_build"]["horizons"];
    j["variants"]["late"]["horizons"] = {{"short", 6}, {"long", 24}};
    horizons["6"] = horizons["12"];
    horizons.erase("12");
    const auto shifted = app::what_if_tables(app::results_document_from_json(j)).options[0].side_by_side[1].values;
    EXPECT_TRUE(std::isnan(shifted[0]));
    EXPECT_EQ(shifted[1], 1.5);
    j["variants"]["late"]["options"]["other"] = j["variants"]["late"]["options"]["custom_build"];
    j["variants"]["late"]["options"].erase("custom_build");
    j["variants"]["late"].erase("comparison");
    const app::WhatIfTables dropped = app::what_if_tables(app::results_document_from_json(j));
    for (double v : dropped.options[0].side_by_side[1].values) EXPECT_TRUE(std::isnan(v));
}

TEST(WhatIfReport, HtmlHasTheTablesAndChartsWithEscapedText) {
    const app::ResultsDocument r = app::results_document_from_json(with_variants());
    const std::string html = html_of(r);
    ASSERT_NE(html.find("<section id=\"what-if\">"), std::string::npos);
    for (const char* id : {"what-if-payback-custom_build", "what-if-npv-custom_build"})
        EXPECT_NE(html.find(std::string("data-chart=\"") + id + "\""), std::string::npos) << id;
    // One row per run: base and each variant side by side; each paired variant against base.
    const std::string side = table_of(html, "custom_build", "side-by-side");
    const std::string against = table_of(html, "custom_build", "against-base");
    EXPECT_EQ(count(side, "<tr data-variant="), 3u);
    EXPECT_EQ(count(against, "<tr data-variant="), 1u);
    // The figures are the document's, formatted as the terminal formats them.
    const auto& late = (*r.variants)[0].results.options[0];
    EXPECT_NE(side.find(row_of("late", {app::percent(late.horizons[0][models::Metric::roi].p50, 0),
                                        app::percent(late.horizons[1][models::Metric::roi].p50, 0),
                                        app::percent(late.horizons[0][models::Metric::npv].prob_positive, 0),
                                        app::percent(late.horizons[1][models::Metric::npv].prob_positive, 0),
                                        app::months(late.payback.p50), app::percent(late.payback.cdf[13], 0)})),
              std::string::npos)
        << side;
    const auto& change = (*r.variants)[0].against_base->options[0];
    const auto& at24 = change.horizons[1].npv_change;
    EXPECT_NE(against.find(row_of("late", {app::money(at24.mean, "EUR"), app::money(at24.p10, "EUR"),
                                           app::money(at24.p90, "EUR"), app::percent(change.horizons[1].prob_worse, 0),
                                           app::percent(change.prob_payback_later, 0)})),
              std::string::npos)
        << against;
    EXPECT_NE(side.find("<th>P(payback within 14 mo)</th>"), std::string::npos);
    // The description and what the variant changes, escaped; never a raw tag.
    const std::string& description = (*r.variants)[0].variant.description;
    EXPECT_NE(html.find(app::html_text(description)), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("<code>options.custom_build.adoption.midpoint_months = 9</code>"), std::string::npos);
    EXPECT_NE(html.find("<code>options.custom_build.implementation.overrun drawn from its P90 to P100</code>"),
              std::string::npos);
}

TEST(WhatIfReport, NoVariantsNoSection) {
    const std::string html = html_of(app::results_document_from_json(small_results()));
    EXPECT_EQ(html.find("what-if"), std::string::npos);
}

TEST(WhatIfReport, VariantsCsvHasEveryFigure) {
    const app::ResultsDocument r = app::results_document_from_json(with_variants());
    const auto dir = std::filesystem::temp_directory_path() / ("roicast_variants_csv_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    app::write_csv_reports(dir, r);
    std::ifstream in(dir / "variants.csv");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line.substr(0, line.find('\r')));
    std::filesystem::remove_all(dir);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0], "variant,option,horizon_months,statistic,value");
    // 3 runs × 6 side-by-side figures, then the paired variant's change: 2 horizons × 5, and P(pays back later).
    EXPECT_EQ(lines.size(), 1u + 3 * 6 + 2 * 5 + 1);
    for (const char* row :
         {"late,custom_build,12,roi_p50,-0.45", "late,custom_build,24,npv_prob_positive,0.62",
          "late,custom_build,,payback_months_p50,17.25", "late,custom_build,14,payback_prob_within,0.125",
          "base,custom_build,,payback_months_p50,13.37", "late,custom_build,24,npv_change_mean,-123456",
          "late,custom_build,12,npv_change_p50,-99000", "late,custom_build,24,prob_worse,0.875",
          "late,custom_build,,prob_payback_later,0.6"})
        EXPECT_NE(std::find(lines.begin(), lines.end(), row), lines.end()) << row;
}

TEST(Svg, IntervalsInOrderAlongTheAxis) {
    app::chart::Intervals c;
    c.id = "i";
    c.rows.push_back({"base", 1, 2, 3, 4, 5, 6, 7});
    c.rows.push_back({"undefined", NAN, 2, 3, 4, 5, 6, 7});
    c.outer_fill = "#ccc";
    c.inner_fill = "#888";
    c.median_stroke = "#000";
    const std::string svg = app::chart::render_svg(c, 640).text;
    // The first row's boxes: P10 to P90 starts left of P25 to P75 and ends right of it.
    const auto x_of = [&](std::size_t at) { return std::stod(svg.substr(svg.find(" d=\"M", at) + 5)); };
    const auto outer = svg.find("class=\"band\""), inner = svg.find("class=\"band\"", outer + 1);
    EXPECT_LT(x_of(outer), x_of(inner));
    EXPECT_EQ(count(svg, "class=\"band\""), 2u);  // the row without a P5 draws nothing
    EXPECT_NE(svg.find(">n/a</text>"), std::string::npos);
}

TEST(Svg, LongLegendsWrapInsideThePicture) {
    app::chart::Chart c;
    c.id = "legend";
    for (int i = 0; i < 8; ++i)
        c.lines.push_back({{0, 1}, {0, 1}, "#000", "a rather long series label " + std::to_string(i), 2, "", false});
    const std::string svg = app::chart::render_svg(c, 480, 300).text;
    // Each label ends inside the picture (at 6.6 px a character, as the layout reckons), one a row: two of
    // 34 + 6.6 × 28 px do not fit in the 402 px right of the axis.
    const std::string label = "a rather long series label 0";
    std::set<double> rows;
    for (auto p = svg.find("<text x=\""); p != std::string::npos; p = svg.find("<text x=\"", p + 1)) {
        if (svg.compare(svg.find('>', p) + 1, label.size() - 1, label, 0, label.size() - 1) != 0) continue;
        EXPECT_LE(std::stod(svg.substr(p + 9)) + 6.6 * static_cast<double>(label.size()), 480.0) << svg.substr(p, 80);
        rows.insert(std::stod(svg.substr(svg.find("y=\"", p) + 3)));
    }
    EXPECT_EQ(rows.size(), 8u);
}

TEST(Svg, DataMapsOntoThePlotArea) {
    app::chart::Chart c;
    c.id = "t";
    c.title = "a < b";
    c.x_range = std::pair{0.0, 10.0};
    c.x_ticks = {0, 5, 10};
    c.y_range = std::pair{0.0, 1.0};
    c.lines.push_back({{0, 10}, {0, 1}, "#000", "", 2, "", false});
    c.lines.push_back({{0, 5, 10}, {0.5, 0.5, 0.5}, "#000", "", 2, "", false});
    const std::string svg = app::chart::render_svg(c, 640, 300).text;
    // The points of each line, in order, from its path's "M x y L x y …".
    const auto points = [&](std::size_t which) {
        std::size_t at = 0;
        for (std::size_t k = 0; k <= which; ++k) at = svg.find(" d=\"M", at + 1) + 4;  // at the M
        std::istringstream in(svg.substr(at, svg.find('"', at) - at));
        std::vector<std::pair<double, double>> xy;
        char command;
        double x, y;
        while (in >> command >> x >> y) xy.emplace_back(x, y);
        return xy;
    };
    const auto diagonal = points(0), flat = points(1);
    ASSERT_EQ(diagonal.size(), 2u);
    ASSERT_EQ(flat.size(), 3u);
    // Data (0, 0) is the plot's bottom left and (10, 1) its top right, inside the picture.
    const auto [left, bottom] = diagonal[0];
    const auto [right, top] = diagonal[1];
    EXPECT_LT(0, left);
    EXPECT_LT(left, right);
    EXPECT_LT(right, 640);
    EXPECT_LT(0, top);
    EXPECT_LT(top, bottom);
    EXPECT_LT(bottom, 300);
    // Linear in both axes: x = 5 half way across, y = 0.5 half way up.
    EXPECT_NEAR(flat[1].first, (left + right) / 2, 0.01);
    EXPECT_NEAR(flat[0].first, left, 0.01);
    EXPECT_NEAR(flat[2].first, right, 0.01);
    for (const auto& p : flat) EXPECT_NEAR(p.second, (top + bottom) / 2, 0.01);
    EXPECT_NE(svg.find("<title>" + app::html_text(c.title) + "</title>"), std::string::npos);
}

// Whatever a chart is given, its geometry is numbers: undefined values are
// left out, infinite and far-off ones drawn just off the picture, an axis
// whose span overflows a double keeps its ends.
TEST(Svg, NeverInfOrNan) {
    const double inf = INFINITY, huge = 1e308;
    app::chart::Chart c;
    c.id = "hostile";
    c.bands.push_back({{1, 2, 3}, {-huge, NAN, 0}, {huge, inf, 1}, "#ccc", "band"});
    c.bars.push_back({-huge, huge, {inf, NAN, 1}, "#888", "bars"});
    c.lines.push_back({{0, NAN, huge}, {inf, 1, -huge}, "#000", "line", 2, "", true, true});
    c.markers.push_back({NAN, "nowhere", ""});
    c.markers.push_back({huge, "far", ""});
    c.spans.push_back({NAN, inf, "span", "#eee"});
    c.zero_line = true;
    for (const auto& range : {std::optional<std::pair<double, double>>{}, std::optional{std::pair{-huge, huge}}}) {
        c.x_range = range;
        const std::string svg = app::chart::render_svg(c, 640, 300).text;
        EXPECT_EQ(test::non_finite_svg_number(svg), "") << svg;
    }
    app::chart::DivergingBars d;
    d.id = "tornado";
    d.bars = {{"undefined", NAN}, {"infinite", inf}, {"huge", 1e300}, {"small", -1}};
    const std::string tornado = app::chart::render_svg(d, 640).text;
    EXPECT_EQ(test::non_finite_svg_number(tornado), "") << tornado;
    EXPECT_NE(tornado.find(">n/a</text>"), std::string::npos);  // the undefined bar's value, in words
    EXPECT_EQ(tornado.find(">nan"), std::string::npos);
    app::chart::Intervals i;
    i.id = "spread";
    i.rows.push_back({"huge", -huge, -1e300, 0, 1, 2, 1e300, huge});
    i.marker = app::chart::Marker{inf, "never", ""};
    EXPECT_EQ(test::non_finite_svg_number(app::chart::render_svg(i, 640).text), "");
    EXPECT_EQ(app::chart::nice_ticks(-huge, huge).size(), 2u);  // the span is not a double: its ends
    EXPECT_LE(app::chart::month_ticks(1e300).size(), 10u);     // not 10^298 steps of 120 months
}

// An SRC fit without residual is undefined: null R² read back as undefined
// (and written as null again), no ranking shown for it.
TEST(ResultsDocument, AnUndefinedFitStaysUndefined) {
    Json j = small_results();
    j["inputs"].push_back(j["inputs"][0]);
    j["sensitivity"]["custom_build"]["24"]["npv"] = {
        {"src", {{{"input", "a"}, {"value", nullptr}, {"rank", 1}, {"ci95", nullptr}},
                 {{"input", "b"}, {"value", nullptr}, {"rank", 2}, {"ci95", nullptr}}}},
        {"src_r_squared", nullptr}};
    const app::ResultsDocument r = app::results_document_from_json(j);
    const app::MetricSensitivity* m = r.sensitivity_of("custom_build", 1, "npv");
    ASSERT_TRUE(m && m->src_r_squared);
    EXPECT_TRUE(std::isnan(*m->src_r_squared));
    EXPECT_EQ(app::headline_ranking(*m), nullptr);
    EXPECT_TRUE(app::to_json(r)["sensitivity"]["custom_build"]["24"]["npv"]["src_r_squared"].is_null());
    EXPECT_EQ(test::non_finite_svg_number(html_of(r)), "");
    std::ostringstream text;
    app::print_summary(text, r);
    EXPECT_EQ(text.str().find("nan"), std::string::npos) << text.str();
}

}  // namespace

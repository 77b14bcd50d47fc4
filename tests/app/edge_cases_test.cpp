// Numerical edge cases: valid but extreme scenarios give defined results. No
// NaN or infinity is ever printed as a number, the results file parses, and
// what is undefined is said to be.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <nlohmann/json.hpp>

#include "run_roicast.hpp"

namespace {

struct Edge {
    std::string name, option, says;  // says: a phrase the summary must contain ("" for none)
    std::string baseline = R"("users": 10, "loaded_cost_per_user_month": 5000, "leads_per_month": 100, "conversion_rate": 0.05,
      "revenue_per_customer_month": 500, "gross_margin": 0.7, "customers": 400, "monthly_churn": 0.02, "sales_cycle_months": 2)";
    std::string horizons = R"({"short": 12, "long": 36})";
};
void PrintTo(const Edge& e, std::ostream* os) { *os << e.name; }

const std::string adoption = R"("adoption": {"model": "logistic", "ceiling": 0.8, "midpoint_months": 3, "steepness": 0.8})";

std::vector<Edge> edges() {
    std::vector<Edge> e = {
        {"zero_costs", R"("implementation": {"months": 2}, )" + adoption + R"(, "effects": {"conversion_uplift": 0.1})",
         "ROI undefined on 100.0 % of paths"},
        {"zero_effects", R"("implementation": {"months": 2}, )" + adoption + R"(, "costs": {"b": {"amount": 10000, "unit": "once"}})",
         "never"},
        {"churn_one", R"("implementation": {"months": 2}, )" + adoption +
                          R"(, "costs": {"b": {"amount": 10000, "unit": "once"}}, "effects": {"churn_reduction": 0.5})", ""},
        {"conversion_zero", R"("implementation": {"months": 2}, )" + adoption +
                                R"(, "costs": {"b": {"amount": 10000, "unit": "once"}}, "effects": {"conversion_uplift": 0.5})", ""},
        {"horizon_shorter_than_implementation", R"("implementation": {"months": 9}, )" + adoption +
                                                    R"(, "costs": {"b": {"amount": 90000, "unit": "once"}, "t": {"amount": 100, "unit": "per_user_once", "timing": "go_live"}},
                                                      "effects": {"conversion_uplift": 0.2})", "never"},
        {"never_pays_back", R"("implementation": {"months": 2}, )" + adoption +
                                R"(, "costs": {"b": {"amount": 1e9, "unit": "once"}}, "effects": {"conversion_uplift": 0.01})", "never"},
        {"huge_magnitudes", R"("implementation": {"months": 2}, )" + adoption +
                                R"(, "costs": {"b": {"amount": {"dist": "pert", "min": 1e11, "mode": 5e11, "max": 1e12}, "unit": "once"}},
                                  "benefits": {"g": {"amount": 1e12, "unit": "per_month", "from": "go_live"}})", ""},
        {"tiny_magnitudes", R"("implementation": {"months": 2}, )" + adoption +
                                R"(, "costs": {"b": {"amount": 1e-6, "unit": "once"}}, "benefits": {"g": {"amount": 1e-7, "unit": "per_month"}})", ""},
        {"one_month_horizon", R"("implementation": {"months": 0.5}, )" + adoption +
                                  R"(, "costs": {"b": {"amount": 100, "unit": "once"}}, "benefits": {"g": {"amount": 50, "unit": "per_month"}})", ""},
    };
    e[2].baseline.replace(e[2].baseline.find("\"monthly_churn\": 0.02"), 21, "\"monthly_churn\": 1.00");
    e[3].baseline.replace(e[3].baseline.find("\"conversion_rate\": 0.05"), 23, "\"conversion_rate\": 0.00");
    e[4].horizons = R"({"h": 6})";
    e[8].horizons = R"({"h": 1})";
    return e;
}

class EdgeCase : public testing::TestWithParam<Edge> {};

TEST_P(EdgeCase, DefinedResultsNoNanPrinted) {
    const Edge& e = GetParam();
    const auto dir = test::scratch_folder(e.name);
    const auto file = dir / "s.json", results = dir / "r.json";
    std::ofstream(file) << R"({"horizons": )" << e.horizons << R"(, "baseline": {)" << e.baseline << R"(},
      "options": {"o": {)" << e.option << "}}}";
    const auto o = test::roicast("run " + file.string() + " --paths 2000 --sensitivity tornado,spearman,src,voi --json " +
                                 results.string() + " --html " + (dir / "r.html").string() + " --xlsx " +
                                 (dir / "r.xlsx").string() + " --csv " + (dir / "csv").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    // Whole words only: "information" is fine, "inf" or "-nan" as a number is not.
    const std::regex not_a_number(R"((^|[^A-Za-z])-?(nan|inf|infinity)([^A-Za-z]|$))", std::regex::icase);
    EXPECT_FALSE(std::regex_search(o.out, not_a_number)) << o.out;
    if (!e.says.empty()) {
        EXPECT_NE(o.out.find(e.says), std::string::npos) << o.out;
    }
    EXPECT_TRUE(nlohmann::json::accept(test::slurp(results)));
    // The reports too: no NaN or infinity in the page's text or in an SVG coordinate.
    const std::string html = test::slurp(dir / "r.html");
    std::smatch bad;
    EXPECT_FALSE(std::regex_search(html, bad, not_a_number)) << bad.str(0) << " at " << bad.position(0);
    EXPECT_GT(std::filesystem::file_size(dir / "r.xlsx"), 5000u);
    EXPECT_TRUE(std::filesystem::exists(dir / "csv" / "summary.csv"));
    std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, EdgeCase, testing::ValuesIn(edges()),
                         [](const testing::TestParamInfo<Edge>& i) { return i.param.name; });

}  // namespace

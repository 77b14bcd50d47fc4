// The pieces the business-case reports are built from: values and
// distributions in words, the decision and its rule, the key figures.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "app/decision.hpp"
#include "app/distribution_text.hpp"
#include "app/key_figures.hpp"
#include "app/report_text.hpp"

namespace {

using app::Quantity;

TEST(DistributionText, ValuesReadAsTyped) {
    EXPECT_EQ(app::quantity_text(500000, Quantity::money, "EUR"), "€500,000");
    EXPECT_EQ(app::quantity_text(65, Quantity::money, "EUR"), "€65");
    EXPECT_EQ(app::quantity_text(0.18, Quantity::money, "USD"), "$0.18");
    EXPECT_EQ(app::quantity_text(-1234.4, Quantity::money, "CHF"), "-CHF 1,234");
    EXPECT_EQ(app::quantity_text(0.15, Quantity::share, "EUR"), "15 %");
    EXPECT_EQ(app::quantity_text(0.125, Quantity::share, "EUR"), "12.5 %");
    EXPECT_EQ(app::quantity_text(0.013, Quantity::share, "EUR"), "1.3 %");
    EXPECT_EQ(app::quantity_text(6, Quantity::months, "EUR"), "6 months");
    EXPECT_EQ(app::quantity_text(1, Quantity::months, "EUR"), "1 month");
    EXPECT_EQ(app::quantity_text(1.1, Quantity::factor, "EUR"), "1.1×");
    EXPECT_EQ(app::quantity_text(1200, Quantity::count, "EUR"), "1,200");
    EXPECT_EQ(app::quantity_text(NAN, Quantity::count, "EUR"), "n/a");
}

TEST(DistributionText, NeverScientific) {
    // What %g would print as 1e-07 %, 2.5e+12 and 1.5e-05.
    EXPECT_EQ(app::quantity_text(1e-9, Quantity::share, "EUR"), "0.0000001 %");
    EXPECT_EQ(app::quantity_text(2.5e12, Quantity::money, "EUR"), "€2,500,000,000,000");
    EXPECT_EQ(app::quantity_text(0.000015, Quantity::rate, "EUR"), "0.000015");
    EXPECT_EQ(app::plain_number(0.00001234), "0.0000123");
    EXPECT_EQ(app::plain_number(-0.000005), "-0.000005");
    EXPECT_EQ(app::plain_number(0.125), "0.125");
}

TEST(DistributionText, DistributionsInWords) {
    EXPECT_EQ(app::distribution_in_words(sim::Pert(500000, 600000, 800000), Quantity::money, "EUR"),
              "PERT €500,000 / €600,000 / €800,000");
    EXPECT_EQ(app::distribution_in_words(sim::Uniform(0.1, 0.2), Quantity::share, "EUR"), "uniform 10 % to 20 %");
    EXPECT_EQ(app::distribution_in_words(sim::Constant(0.15), Quantity::share, "EUR"), "15 %");
    EXPECT_EQ(app::distribution_in_words(sim::Bernoulli(0.25), Quantity::count, "EUR"),
              "1 with probability 25 %, else 0");
    // Given as median 1.1 and P90 1.6, read back as such (ln P90 = ln 1.1 + 1.2816 σ).
    EXPECT_EQ(app::distribution_in_words(sim::Lognormal::from_median_p90(1.1, 1.6), Quantity::factor, "EUR"),
              "lognormal, median 1.1×, P90 1.6×");
}

app::Statistics npv(double mean, double prob_positive) {
    app::Statistics s;
    s.mean = mean;
    s.p50 = mean;
    s.prob_positive = prob_positive;
    s.n = 100;
    return s;
}

// Two options on a 24-month horizon: b's expected NPV the higher, a better on 30 % of paths.
app::ResultsDocument two_options(double a_mean, double b_mean) {
    app::ResultsDocument r;
    r.currency = "EUR";
    r.discount_rate = 0.1;
    r.horizons = {{"short", 12}, {"long", 24}};
    for (const auto& [name, mean] : {std::pair{"a", a_mean}, {"b", b_mean}}) {
        app::OptionResult o;
        o.name = name;
        for (int months : {12, 24}) {
            app::HorizonMetrics m;
            m.months = months;
            m.metrics[static_cast<std::size_t>(models::Metric::npv)] = npv(mean, 0.6);
            o.horizons.push_back(m);
        }
        r.options.push_back(o);
    }
    app::ComparisonResult c{"a", "b", {}, {}};
    c.horizons = {{12, {}, 0.5}, {24, {}, 0.3}};
    r.comparisons.push_back(c);
    return r;
}

TEST(Decision, HighestMeanNpvAtTheLongestHorizon) {
    const app::Decision d = app::decide(two_options(100'000, 250'000));
    EXPECT_EQ(d.choice, "b");
    EXPECT_EQ(d.horizon, 1u);
    EXPECT_NE(d.sentence.find("Choose B"), std::string::npos) << d.sentence;
    EXPECT_NE(d.sentence.find("€250k"), std::string::npos) << d.sentence;
    EXPECT_NE(d.rule.find("24 months"), std::string::npos) << d.rule;
    // The pair is stored as a_vs_b with P(a better) = 30 %: b is better on 70 %.
    ASSERT_FALSE(d.certainty.empty());
    EXPECT_NE(d.certainty[0].find("B's NPV at 24 months is higher than A's on 70 %"), std::string::npos) << d.certainty[0];
    EXPECT_NE(d.change.back().find("--sensitivity"), std::string::npos);  // no rankings in this document
}

TEST(Decision, NothingWhenNoOptionHasAPositiveExpectedNpv) {
    const app::Decision d = app::decide(two_options(-10'000, -5'000));
    EXPECT_EQ(d.choice, "");
    EXPECT_EQ(d.sentence.rfind("Do not invest", 0), 0u) << d.sentence;
}

TEST(KeyFigures, PaybackWithinTheReferenceBandsEnd) {
    app::ResultsDocument r = two_options(1, 2);
    r.payback_reference_months = std::array{12.0, 14.0};
    for (auto& o : r.options) {
        o.payback.cdf.assign(24, 0.0);
        o.payback.cdf[13] = 0.4;  // P(payback ≤ 14 months)
    }
    for (const auto& k : app::key_figures(r))
        if (k.statistic == "payback_prob_within") {
            EXPECT_EQ(k.label, "P(payback within 14 mo)");
            EXPECT_DOUBLE_EQ(k.read(r.options[0]), 0.4);
            return;
        }
    FAIL() << "no payback_prob_within figure";
}

}  // namespace

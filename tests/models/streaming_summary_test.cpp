// The streaming summaries (runs too large to keep) against the exact ones of
// the same paths: shares, CDFs and counts equal, means and SDs equal up to
// summation order, and every percentile within 0.1 % in rank, measured on
// the stored column itself. Plus the sketch on its own, on a known
// distribution, and thread-count independence.
#include "models/streaming_summary.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "models/results.hpp"
#include "models/scenario_loader.hpp"
#include "sim/binned_quantiles.hpp"
#include "sim/philox_stream.hpp"

namespace {

// Rank error of estimate q of the p-th percentile of sorted values: the
// share of values below q compared with p (ties count as half).
double rank_error(const std::vector<double>& sorted, double q, double p) {
    const auto below = std::lower_bound(sorted.begin(), sorted.end(), q) - sorted.begin();
    const auto not_above = std::upper_bound(sorted.begin(), sorted.end(), q) - sorted.begin();
    const double n = static_cast<double>(sorted.size());
    const double lo = static_cast<double>(below) / n, hi = static_cast<double>(not_above) / n;
    return p < lo ? lo - p : p > hi ? p - hi : 0.0;
}

TEST(BinnedQuantiles, RankErrorWithinATenthOfAPercentOnASkewedDistribution) {
    // 10^6 lognormal(0, 1) values from Philox; the pilot is an independent 65,536.
    const auto lognormal = [](std::uint64_t seed, std::size_t n) {
        std::vector<double> v(n);
        const sim::PhiloxStream stream(seed, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const double u1 = stream.uniform(i, 0), u2 = stream.uniform(i, 1);
            v[i] = std::exp(std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2));
        }
        return v;
    };
    const auto pilot = lognormal(1, 1 << 16);
    auto data = lognormal(2, 1'000'000);
    sim::BinnedQuantiles whole(pilot, 4096), first(pilot, 4096), second(pilot, 4096);
    for (std::size_t i = 0; i < data.size(); ++i) {
        whole.add(data[i]);
        (i % 3 ? first : second).add(data[i]);
    }
    first.merge(second);
    std::sort(data.begin(), data.end());
    EXPECT_LE(whole.largest_bin_share(), 0.001);
    for (double p : {0.001, 0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99, 0.999}) {
        EXPECT_LE(rank_error(data, whole.percentile(p), p), whole.largest_bin_share()) << p;
        EXPECT_EQ(first.percentile(p), whole.percentile(p)) << "merge order changed P" << p;
    }
    EXPECT_EQ(whole.percentile(0), data.front());
    EXPECT_EQ(whole.percentile(1), data.back());
}

// A risk's cost: 0 on 85 % of paths, else uniform on (1000, 2000]. The run
// has values between 1000 and the pilot's smallest, which land in the bin
// that starts at 0: the zeros must get a bin of their own, not share one (and
// its rank error) with those values.
TEST(BinnedQuantiles, APointMassGetsABinOfItsOwn) {
    const auto costs = [](std::uint64_t seed, std::size_t n, double smallest) {
        std::vector<double> v(n);
        const sim::PhiloxStream stream(seed, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const double u = stream.uniform(i, 0);
            v[i] = u < 0.85 ? 0.0 : smallest + (2000 - smallest) * (u - 0.85) / 0.15;
        }
        return v;
    };
    const auto pilot = costs(1, 1 << 16, 1000);
    auto data = costs(2, 200'000, 1000);
    sim::BinnedQuantiles q(pilot, 4096);
    for (double x : data) q.add(x);
    std::sort(data.begin(), data.end());
    EXPECT_LE(q.largest_bin_share(), 0.01);
    for (double p : {0.5, 0.84, 0.86, 0.9, 0.99}) EXPECT_LE(rank_error(data, q.percentile(p), p), q.largest_bin_share()) << p;
    EXPECT_EQ(q.percentile(0.5), 0.0);
}

TEST(BinnedQuantiles, CensoredAndUndefinedValuesAreCountedApart) {
    std::vector<double> pilot;
    for (int i = 1; i <= 100; ++i) pilot.push_back(i);
    sim::BinnedQuantiles q(pilot, 10);
    for (int i = 1; i <= 80; ++i) q.add(i);
    for (int i = 0; i < 20; ++i) q.add(INFINITY);
    q.add(NAN);
    EXPECT_EQ(q.count(), 100u);
    EXPECT_EQ(q.undefined(), 1u);
    EXPECT_TRUE(std::isinf(q.percentile(0.9)));  // rank 89.1 lies among the 20 censored
    EXPECT_NEAR(q.percentile(0.5), 50.5, 1.0);   // within its bin of width 10: rank exact to ±10 %
    EXPECT_DOUBLE_EQ(q.percentile(0), 1.0);
}

class Streaming : public testing::Test {
protected:
    static void SetUpTestSuite() {
        scenario_ = new models::Scenario(
            models::load_scenario_file(std::string(ROICAST_SOURCE_DIR) + "/scenarios/custom-vs-standard.json"));
        settings_.paths = 100'000;
        settings_.seed = 5;
        store_ = new models::PathStore(models::simulate(*scenario_, settings_));
        exact_ = new models::Results(models::summarize(*scenario_, *store_));
        models::RunSettings pilot = settings_;
        pilot.paths = 1 << 16;
        pilot.seed = settings_.seed + 1;
        pilot_ = new models::PathStore(models::simulate(*scenario_, pilot));
        streamed_ = new models::Results(models::summarize_streaming(*scenario_, settings_, *pilot_, info_));
    }
    static void TearDownTestSuite() {
        delete streamed_;
        delete pilot_;
        delete exact_;
        delete store_;
        delete scenario_;
    }
    static std::vector<double> sorted(const models::Column<double>& c) {
        auto v = c.to_vector();
        v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }), v.end());
        std::sort(v.begin(), v.end());
        return v;
    }
    static inline models::Scenario* scenario_ = nullptr;
    static inline models::RunSettings settings_;
    static inline models::PathStore *store_ = nullptr, *pilot_ = nullptr;
    static inline models::Results *exact_ = nullptr, *streamed_ = nullptr;
    static inline models::StreamingInfo info_;
};

// One test for everything the streamed summaries hold: each test runs in a
// process of its own, and the 100,000 stored paths, the pilot and the
// streamed run are most of its time.
TEST_F(Streaming, SummariesFanChartAndComparisonsMatchTheExactOnes) {
    EXPECT_LE(info_.largest_bin_share, 0.001);
    for (std::size_t o = 0; o < 2; ++o)
        for (std::size_t h = 0; h < 3; ++h)
            for (models::Metric m : models::all_metrics) {
                const auto& e = exact_->options[o].horizons[h][static_cast<std::size_t>(m)];
                const auto& s = streamed_->options[o].horizons[h][static_cast<std::size_t>(m)];
                const std::string where = std::to_string(o) + "/" + std::to_string(h) + "/" + models::metric_names[static_cast<std::size_t>(m)];
                EXPECT_EQ(s.count, e.count) << where;
                EXPECT_EQ(s.prob_positive, e.prob_positive) << where;
                EXPECT_NEAR(s.mean, e.mean, 1e-10 * std::abs(e.mean)) << where;
                EXPECT_NEAR(s.sd, e.sd, 1e-9 * e.sd) << where;
                EXPECT_EQ(s.min, e.min) << where;
                EXPECT_EQ(s.max, e.max) << where;
                const auto column = sorted(store_->metric(o, h, m));
                for (std::size_t i = 0; i < sim::summary_percentiles.size(); ++i)
                    EXPECT_LE(rank_error(column, s.percentiles[i], sim::summary_percentiles[i]), 0.001)
                        << where << " P" << sim::summary_percentiles[i];
                // Mean of the lowest 5 %: exact but for the few values between the pilot's and the run's P5.
                EXPECT_NEAR(s.expected_shortfall_5, e.expected_shortfall_5, 0.002 * (e.max - e.min)) << where;
            }
    for (std::size_t o = 0; o < 2; ++o) {
        const auto& e = exact_->options[o].payback;
        const auto& s = streamed_->options[o].payback;
        EXPECT_EQ(s.cdf, e.cdf);
        EXPECT_EQ(s.prob_within, e.prob_within);
        EXPECT_EQ(s.share_reached, e.share_reached);
        EXPECT_NEAR(s.mean_reached, e.mean_reached, 1e-10 * e.mean_reached);
        const auto column = sorted(store_->payback(o, false));
        for (std::size_t i = 0; i < s.levels.size(); ++i)
            EXPECT_LE(rank_error(column, s.percentiles[i], s.levels[i]), 0.001);
        for (int t : {1, 6, 12, 24, 60}) {
            std::vector<double> v(store_->cumulative(o, t).begin(), store_->cumulative(o, t).end());
            std::sort(v.begin(), v.end());
            for (std::size_t l = 0; l < models::FanChart::levels.size(); ++l)
                EXPECT_LE(rank_error(v, streamed_->options[o].cumulative_cash_flow.bands[l][t - 1], models::FanChart::levels[l]),
                          0.001) << "month " << t;
        }
        for (std::size_t h = 0; h < 3; ++h) {
            const auto& hist = *streamed_->options[o].roi_histograms[h];
            EXPECT_EQ(hist.total(), settings_.paths);
        }
    }
    const auto& e = exact_->comparisons[0];
    const auto& s = streamed_->comparisons[0];
    EXPECT_EQ(s.prob_a_better, e.prob_a_better);
    EXPECT_EQ(s.overtake.cdf, e.overtake.cdf);
    for (std::size_t h = 0; h < 3; ++h) EXPECT_NEAR(s.npv_difference[h].mean, e.npv_difference[h].mean, 1e-9 * std::abs(e.npv_difference[h].mean));
}

// Determinism needs no large pilot: 4,096 pilot paths set the bins, so this
// test (the one the ThreadSanitizer stage runs for the streamed summaries)
// does not pay for the exact comparison's 100,000 stored paths.
TEST(StreamingThreads, SameResultsOnOneOrTwoThreads) {
    const auto scenario =
        models::load_scenario_file(std::string(ROICAST_SOURCE_DIR) + "/scenarios/custom-vs-standard.json");
    models::RunSettings small;
    small.paths = 1 << 12;
    small.seed = 6;
    const models::PathStore pilot = models::simulate(scenario, small);
    small.seed = 5;
    small.paths = 20'000;
    models::StreamingInfo info;
    small.threads = 1;
    const auto one = models::summarize_streaming(scenario, small, pilot, info);
    small.threads = 2;
    const auto two = models::summarize_streaming(scenario, small, pilot, info);
    for (std::size_t o = 0; o < 2; ++o)
        for (std::size_t h = 0; h < 3; ++h)
            for (std::size_t m = 0; m < models::metric_count; ++m) {
                const auto &a = one.options[o].horizons[h][m], &b = two.options[o].horizons[h][m];
                EXPECT_EQ(std::memcmp(&a.mean, &b.mean, sizeof(double)), 0);
                EXPECT_EQ(std::memcmp(&a.sd, &b.sd, sizeof(double)), 0);
                EXPECT_EQ(std::memcmp(&a.expected_shortfall_5, &b.expected_shortfall_5, sizeof(double)), 0);
                EXPECT_EQ(a.percentiles, b.percentiles);
            }
    EXPECT_EQ(one.options[0].cumulative_cash_flow.bands, two.options[0].cumulative_cash_flow.bands);
}

}  // namespace

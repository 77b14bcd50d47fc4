#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include <algorithm>

#include "sim/histogram.hpp"
#include "sim/order_statistics.hpp"
#include "sim/moments.hpp"
#include "sim/philox_stream.hpp"
#include "sim/summary.hpp"

namespace {

// numpy.percentile([1, 2, 3, 4], q) for q = 10, 50, 90 gives 1.3, 2.5, 3.7.
TEST(Percentile, MatchesNumpyLinearInterpolation) {
    const std::vector<double> v = {1, 2, 3, 4};
    EXPECT_NEAR(sim::percentile_of_sorted(v, 0.10), 1.3, 1e-12);
    EXPECT_NEAR(sim::percentile_of_sorted(v, 0.50), 2.5, 1e-12);
    EXPECT_NEAR(sim::percentile_of_sorted(v, 0.90), 3.7, 1e-12);
    EXPECT_EQ(sim::percentile_of_sorted(v, 0.0), 1);
    EXPECT_EQ(sim::percentile_of_sorted(v, 1.0), 4);
    EXPECT_EQ(sim::percentile_of_sorted(std::vector<double>{7}, 0.3), 7);
}

TEST(Summary, OneToOneHundred) {
    std::vector<double> v;
    for (int i = 100; i >= 1; --i) v.push_back(i - 50);  // −49 … 50, unsorted
    v.push_back(NAN);
    v.push_back(NAN);
    const sim::Summary s = sim::summarize(v);
    EXPECT_EQ(s.count, 100u);
    EXPECT_EQ(s.undefined, 2u);
    EXPECT_NEAR(s.undefined_share(), 2.0 / 102, 1e-15);
    EXPECT_NEAR(s.mean, 0.5, 1e-12);
    EXPECT_NEAR(s.sd, std::sqrt(100.0 * 101 / 12), 1e-9);  // sd of 1..100 with n − 1
    EXPECT_NEAR(s.mean_ci_high - s.mean, 1.959963984540054 * s.sd / 10, 1e-12);
    EXPECT_NEAR(s.percentile(0.5), 0.5, 1e-12);
    EXPECT_NEAR(s.percentile(0.05), -49 + 0.05 * 99, 1e-12);  // numpy: 5.95 − 50
    EXPECT_NEAR(s.prob_positive, 0.5, 1e-15);                // 1 … 50 of 100
    EXPECT_NEAR(s.expected_shortfall_5, -47, 1e-12);         // mean of −49 … −45
    EXPECT_EQ(s.min, -49);
    EXPECT_EQ(s.max, 50);
}

TEST(Summary, ExpectedShortfallRoundsTheTailUp) {
    std::vector<double> v = {10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11};  // 11 values: ⌈0.55⌉ = 1 lowest
    EXPECT_EQ(sim::summarize(v).expected_shortfall_5, 1);
}

TEST(Summary, AllUndefined) {
    const sim::Summary s = sim::summarize({NAN, NAN});
    EXPECT_EQ(s.count, 0u);
    EXPECT_EQ(s.undefined_share(), 1.0);
    EXPECT_TRUE(std::isnan(s.mean));
}

TEST(RunningMoments, MergeEqualsOnePass) {
    const sim::PhiloxStream rng(3, 0);
    sim::RunningMoments all, left, right;
    for (int i = 0; i < 10000; ++i) {
        const double x = 1e6 + 100 * rng.uniform(static_cast<std::uint64_t>(i), 0);  // large offset tests stability
        all.add(x);
        (i < 3000 ? left : right).add(x);
    }
    left.add(NAN);
    left.merge(right);
    EXPECT_EQ(left.count(), 10000u);
    EXPECT_EQ(left.undefined(), 1u);
    EXPECT_NEAR(left.mean(), all.mean(), 1e-9);
    EXPECT_NEAR(left.variance(), all.variance(), 1e-9 * all.variance());
    EXPECT_NEAR(all.variance(), 10000.0 / 12, 0.05 * 10000.0 / 12);
}

TEST(RunningMoments, KnownSmallSample) {
    sim::RunningMoments m;
    for (double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) m.add(x);
    EXPECT_DOUBLE_EQ(m.mean(), 5.0);
    EXPECT_DOUBLE_EQ(m.variance(), 32.0 / 7);
}

TEST(Histogram, CountsAndMerges) {
    sim::Histogram a(0, 10, 5), b(0, 10, 5);
    for (double x : {0.0, 1.9, 2.0, 9.99, 10.0, -1.0}) a.add(x);
    b.add(NAN);
    b.add(5.0);
    a.merge(b);
    EXPECT_EQ(a.counts(), (std::vector<std::uint64_t>{2, 1, 1, 0, 1}));
    EXPECT_EQ(a.below(), 1u);
    EXPECT_EQ(a.above(), 1u);
    EXPECT_EQ(a.undefined(), 1u);
    EXPECT_EQ(a.total(), 8u);
    EXPECT_THROW(a.merge(sim::Histogram(0, 10, 4)), sim::InvalidParameter);
}

TEST(Histogram, SpanningHoldsEveryFiniteValue) {
    const std::vector<double> v = {3, 4.5, 5.5, 6.5, 7, NAN};
    const auto h = sim::Histogram::spanning(v, 4);
    EXPECT_EQ(h.below() + h.above(), 0u);
    EXPECT_EQ(h.undefined(), 1u);
    EXPECT_EQ(h.counts(), (std::vector<std::uint64_t>{1, 1, 1, 2}));  // the maximum is inside
}

}  // namespace

namespace {

// Selection agrees with a full sort on every percentile, including ties, a
// single value and infinities (censored times).
TEST(OrderStatistics, SelectionMatchesSortingAndNumpy) {
    const sim::PhiloxStream rng(5, 0);
    const std::vector<double> levels = {0.0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1.0};
    for (std::size_t n : {1u, 2u, 3u, 10u, 101u, 4096u}) {
        std::vector<double> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = std::floor(20 * rng.uniform(i, static_cast<std::uint32_t>(n)));  // ties
        if (n > 3) v[1] = v[2] = INFINITY;
        std::vector<double> sorted = v;
        std::sort(sorted.begin(), sorted.end());
        const auto selected = sim::select_percentiles(v, levels);
        for (std::size_t i = 0; i < levels.size(); ++i) {
            const double expected = sim::percentile_of_sorted(sorted, levels[i]);
            if (std::isinf(expected)) EXPECT_TRUE(std::isinf(selected[i]));
            else EXPECT_EQ(selected[i], expected) << "n=" << n << " p=" << levels[i];
        }
    }
}

// Many values take the bracketed path (a sample brackets each rank, one pass
// copies what lies inside): the same percentiles as a full sort, for smooth
// values, a point mass holding most of them, infinities, values sorted or
// reversed (the sample is every stride-th value).
TEST(OrderStatistics, ManyValuesMatchAFullSortWhateverTheirShape) {
    const sim::PhiloxStream rng(8, 0);
    const std::vector<double> levels = {0.0, 0.1, 0.5, 0.9, 0.95, 1.0};
    const std::size_t n = 200003;
    for (int shape = 0; shape < 5; ++shape) {
        std::vector<double> v(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double u = rng.uniform(i, static_cast<std::uint32_t>(shape));
            v[i] = shape == 1 ? (u < 0.85 ? 0.0 : 1000 * u) : std::log(u / (1 - u));
        }
        if (shape == 2) std::fill(v.begin(), v.begin() + n / 3, INFINITY);
        if (shape == 3) std::sort(v.begin(), v.end());
        if (shape == 4) std::sort(v.rbegin(), v.rend());
        std::vector<double> sorted = v;
        std::sort(sorted.begin(), sorted.end());
        const auto selected = sim::select_percentiles(v, levels);
        for (std::size_t i = 0; i < levels.size(); ++i) {
            const double expected = sim::percentile_of_sorted(sorted, levels[i]);
            if (std::isinf(expected)) EXPECT_TRUE(std::isinf(selected[i])) << "shape " << shape;
            else EXPECT_EQ(selected[i], expected) << "shape " << shape << " p=" << levels[i];
        }
    }
}

// Ranks the caller asks for besides the percentiles are in place afterwards,
// and the percentiles are still those of a full sort.
TEST(OrderStatistics, ExtraRanksAreSelectedInTheSamePass) {
    const sim::PhiloxStream rng(6, 0);
    const std::vector<double> levels = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95};
    for (std::size_t n : {2u, 7u, 20u, 1000u}) {
        std::vector<double> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = rng.uniform(i, static_cast<std::uint32_t>(n));
        std::vector<double> sorted = v;
        std::sort(sorted.begin(), sorted.end());
        const std::vector<std::size_t> extra = {0, n / 20, n - 1};
        const auto selected = sim::select_percentiles(v, levels, extra);
        for (std::size_t r : extra) {
            EXPECT_EQ(v[r], sorted[r]) << "n=" << n << " rank=" << r;
            for (std::size_t i = 0; i < r; ++i) EXPECT_LE(v[i], v[r]);
        }
        for (std::size_t i = 0; i < levels.size(); ++i)
            EXPECT_EQ(selected[i], sim::percentile_of_sorted(sorted, levels[i])) << "n=" << n << " p=" << levels[i];
    }
}

// Thousands of values take the bucketed path (counted into equal-width
// buckets, selected within the buckets that hold a rank): the same
// percentiles as a full sort, and every extra rank in place with nothing
// larger before it and nothing smaller after it, for smooth values, a point
// mass, one far outlier (nearly everything in one bucket), values sorted or
// reversed, all equal, and a tiny range.
TEST(OrderStatistics, MidSizedColumnsMatchAFullSortWhateverTheirShape) {
    const sim::PhiloxStream rng(9, 0);
    const std::vector<double> levels = {0.0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1.0};
    for (std::size_t n : {1024u, 5000u, 10000u, 65535u})
        for (int shape = 0; shape < 7; ++shape) {
            std::vector<double> v(n);
            for (std::size_t i = 0; i < n; ++i) {
                const double u = rng.uniform(i, static_cast<std::uint32_t>(n * 8 + shape));
                v[i] = shape == 1 ? (u < 0.85 ? 0.0 : std::floor(1000 * u))
                       : shape == 5 ? 3.0
                       : shape == 6 ? 1.0 + u * 1e-12
                                    : std::log(u / (1 - u));
            }
            if (shape == 2) v[n / 2] = 1e300;
            if (shape == 3) std::sort(v.begin(), v.end());
            if (shape == 4) std::sort(v.rbegin(), v.rend());
            std::vector<double> sorted = v;
            std::sort(sorted.begin(), sorted.end());
            const std::vector<std::size_t> extra = {0, n / 20, n / 20 + 1, n - 1};
            const auto selected = sim::select_percentiles(v, levels, extra);
            const std::string where = "n=" + std::to_string(n) + " shape " + std::to_string(shape);
            for (std::size_t i = 0; i < levels.size(); ++i)
                EXPECT_EQ(selected[i], sim::percentile_of_sorted(sorted, levels[i])) << where << " p=" << levels[i];
            for (std::size_t r : extra) {
                EXPECT_EQ(v[r], sorted[r]) << where << " rank " << r;
                EXPECT_TRUE(std::all_of(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(r), [&](double x) { return x <= v[r]; }))
                    << where << " rank " << r;
                EXPECT_TRUE(std::all_of(v.begin() + static_cast<std::ptrdiff_t>(r), v.end(), [&](double x) { return x >= v[r]; }))
                    << where << " rank " << r;
            }
            std::sort(v.begin(), v.end());
            EXPECT_EQ(v, sorted) << where << ": the values are rearranged, none lost";
        }
}

TEST(OrderStatistics, EverythingBeforeARankIsNoLarger) {
    std::vector<double> v = {9, 3, 7, 1, 8, 2, 6, 4, 5, 0};
    const std::vector<std::size_t> ranks = {2, 6};
    sim::select_order_statistics(v, ranks);
    EXPECT_EQ(v[2], 2);
    EXPECT_EQ(v[6], 6);
    for (int i = 0; i < 2; ++i) EXPECT_LT(v[i], 2);
    for (int i = 3; i < 6; ++i) {
        EXPECT_GT(v[i], 2);
        EXPECT_LT(v[i], 6);
    }
}

}  // namespace

#include "sim/percentile_interval.hpp"

namespace {

// For n uniforms the median's 95 % interval is about 0.5 ± 1.96·√(0.25/n)
// (the quantile density of U(0, 1) is 1).
TEST(PercentileInterval, MedianOfUniforms) {
    const std::size_t n = 40000;
    const sim::PhiloxStream rng(77, 0);
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = rng.uniform(i, 0);
    const auto [lo, hi] = sim::percentile_ci95(v, 0.5);
    EXPECT_LT(lo, 0.5);
    EXPECT_GT(hi, 0.5);
    EXPECT_NEAR(0.5 * (hi - lo), 1.96 * std::sqrt(0.25 / n), 0.1 * 1.96 * std::sqrt(0.25 / n));
}

}  // namespace

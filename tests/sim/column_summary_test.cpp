// The in-place column summaries against a scalar reference of the same
// definitions: a full sort for every order statistic (exact), and sums in
// long double for the moments and the expected shortfall.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "sim/column_summary.hpp"
#include "sim/philox_stream.hpp"

namespace {

struct Reference {
    std::vector<double> sorted;  // the defined values, ascending
    double mean = 0, sd = 0, shortfall = 0;
};

template <class T>
Reference reference(const std::vector<T>& values) {
    Reference r;
    for (T x : values)
        if (!std::isnan(x)) r.sorted.push_back(static_cast<double>(x));
    std::sort(r.sorted.begin(), r.sorted.end());
    const auto n = static_cast<long double>(r.sorted.size());
    long double sum = 0, squares = 0, tail = 0;
    for (double x : r.sorted) sum += x;
    const long double mean = sum / n;
    for (double x : r.sorted) squares += (x - mean) * (x - mean);
    const auto k = static_cast<std::size_t>(std::ceil(0.05 * static_cast<double>(r.sorted.size())));
    for (std::size_t i = 0; i < k; ++i) tail += r.sorted[i];
    r.mean = static_cast<double>(mean);
    r.sd = static_cast<double>(std::sqrt(squares / (n - 1)));
    r.shortfall = static_cast<double>(tail / static_cast<long double>(k));
    return r;
}

// Values of several shapes: smooth, a point mass holding most of them, with
// undefined (NaN) values, sorted, reversed; `n` of them.
template <class T>
std::vector<T> column(int shape, std::size_t n) {
    const sim::PhiloxStream rng(11, static_cast<std::uint32_t>(shape));
    std::vector<T> v(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double u = rng.uniform(i, 0);
        v[i] = static_cast<T>(shape == 1 ? (u < 0.85 ? 0.0 : 1000 * u) : 1e5 * std::log(u / (1 - u)) + 3e5);
        if (shape == 2 && rng.uniform(i, 1) < 0.3) v[i] = static_cast<T>(NAN);
    }
    if (shape == 3) std::sort(v.begin(), v.end());
    if (shape == 4) std::sort(v.rbegin(), v.rend());
    return v;
}

double relative(double a, double b) { return a == b ? 0.0 : std::abs(a - b) / std::max(std::abs(a), std::abs(b)); }

template <class T>
void check_against_reference() {
    sim::SummaryScratch scratch;  // reused across columns, as the summaries do
    for (std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{37}, std::size_t{10000}, std::size_t{200003}})
        for (int shape = 0; shape < 5; ++shape) {
            const std::vector<T> v = column<T>(shape, n);
            const Reference r = reference(v);
            const sim::Summary s = sim::summarize_column(std::span<const T>(v), scratch);
            ASSERT_EQ(s.count, r.sorted.size());
            EXPECT_EQ(s.count + s.undefined, n);
            if (r.sorted.empty()) continue;
            for (std::size_t i = 0; i < sim::summary_percentiles.size(); ++i)
                EXPECT_EQ(s.percentiles[i], sim::percentile_of_sorted(r.sorted, sim::summary_percentiles[i]))
                    << "n=" << n << " shape " << shape << " p=" << sim::summary_percentiles[i];
            EXPECT_EQ(s.min, r.sorted.front());
            EXPECT_EQ(s.max, r.sorted.back());
            EXPECT_LE(relative(s.mean, r.mean), 1e-13) << "n=" << n << " shape " << shape;
            if (r.sorted.size() > 1) {
                EXPECT_LE(relative(s.sd, r.sd), 1e-12) << "n=" << n << " shape " << shape;
            }
            EXPECT_LE(relative(s.expected_shortfall_5, r.shortfall), 1e-13) << "n=" << n << " shape " << shape;
            const auto positive = std::count_if(r.sorted.begin(), r.sorted.end(), [](double x) { return x > 0; });
            EXPECT_EQ(s.prob_positive, static_cast<double>(positive) / static_cast<double>(r.sorted.size()));

            const sim::Summary c = sim::central_summary(std::span<const T>(v), scratch);
            EXPECT_EQ(c.percentiles[1], sim::percentile_of_sorted(r.sorted, 0.10));
            EXPECT_EQ(c.percentiles[3], sim::percentile_of_sorted(r.sorted, 0.50));
            EXPECT_EQ(c.percentiles[5], sim::percentile_of_sorted(r.sorted, 0.90));
            EXPECT_LE(relative(c.mean, r.mean), 1e-13);

            const std::vector<double> levels = {0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0};
            const auto p = sim::column_percentiles(std::span<const T>(v), levels, scratch);
            for (std::size_t i = 0; i < levels.size(); ++i)
                EXPECT_EQ(p[i], sim::percentile_of_sorted(r.sorted, levels[i])) << "n=" << n << " p=" << levels[i];
        }
}

TEST(ColumnSummary, DoublesMatchAFullSortAndLongDoubleSums) { check_against_reference<double>(); }
TEST(ColumnSummary, FloatsMatchAFullSortAndLongDoubleSums) { check_against_reference<float>(); }

// The column is read, never rearranged, and a column of NaN only is undefined throughout.
TEST(ColumnSummary, LeavesTheColumnAsItWasAndHandlesNoDefinedValue) {
    sim::SummaryScratch scratch;
    const std::vector<double> v = column<double>(0, 100000), before = v;
    (void)sim::summarize_column(std::span<const double>(v), scratch);
    EXPECT_EQ(v, before);
    const std::vector<double> none(70000, NAN);
    const sim::Summary s = sim::summarize_column(std::span<const double>(none), scratch);
    EXPECT_EQ(s.count, 0u);
    EXPECT_EQ(s.undefined, 70000u);
    EXPECT_TRUE(std::isnan(s.mean) && std::isnan(s.percentiles[3]));
}

}  // namespace

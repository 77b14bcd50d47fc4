// The tabulated quantile against Boost's exact one: the error bound that the
// engine relies on, over the body and far into both tails.
#include "sim/inverse_cdf.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace {

// u values from 1e-15 to 1 − 1e-15: a dense body plus every decade of both tails.
std::vector<double> probe_points() {
    std::vector<double> u;
    for (int i = 1; i < 20000; ++i) u.push_back(i / 20000.0 + 1.234e-7);
    for (int k = 4; k <= 15; ++k)
        for (double m : {1.0, 2.5, 5.0}) {
            u.push_back(m * std::pow(10.0, -k));
            u.push_back(1 - m * std::pow(10.0, -k));
        }
    return u;
}

struct TabulatedCase {
    const char* name;
    sim::Distribution d;
};
void PrintTo(const TabulatedCase& c, std::ostream* os) { *os << c.name; }

class Tabulated : public testing::TestWithParam<TabulatedCase> {};

// Bound: |Q_table(u) − Q(u)| ≤ 2e-8 × (Q(0.999) − Q(0.001)), about a
// fifty-millionth of the distribution's practical range, everywhere including
// the tails. Measured worst with 2048 intervals: 1.4e-8 for the arcsine
// Beta(½, ½), 3.4e-9 for Beta(0.3, 4), below 2e-9 for the rest.
TEST_P(Tabulated, WithinBoundOfTheExactQuantile) {
    const sim::InverseCdf fast(GetParam().d);
    ASSERT_TRUE(fast.tabulated());
    const auto u = probe_points();
    std::vector<double> approx(u.size());
    fast(u, approx);
    const double range = sim::quantile(GetParam().d, 0.999) - sim::quantile(GetParam().d, 0.001);
    double worst = 0;
    for (std::size_t i = 0; i < u.size(); ++i) worst = std::max(worst, std::abs(approx[i] - sim::quantile(GetParam().d, u[i])));
    EXPECT_LE(worst, 2e-8 * range) << GetParam().name << ": worst error " << worst << " on range " << range;
}

TEST_P(Tabulated, MonotoneAndInsideTheSupport) {
    const sim::InverseCdf fast(GetParam().d);
    std::vector<double> u(200001);
    for (std::size_t i = 0; i < u.size(); ++i) u[i] = (static_cast<double>(i) + 0.5) / static_cast<double>(u.size());
    std::vector<double> q(u.size());
    fast(u, q);
    const auto sup = sim::support(GetParam().d);
    for (std::size_t i = 0; i < q.size(); ++i) {
        ASSERT_GE(q[i], sup.low);
        ASSERT_LE(q[i], sup.high);
        if (i) {
            ASSERT_GE(q[i], q[i - 1]) << "at u=" << u[i];
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, Tabulated,
    testing::Values(TabulatedCase{"pert", sim::Pert(180000, 220000, 300000)}, TabulatedCase{"pert_skewed", sim::Pert(0, 0.01, 1)},
                    TabulatedCase{"pert_mode_at_min", sim::Pert(0, 0, 10)}, TabulatedCase{"pert_lambda_1", sim::Pert(0, 3, 10, 1)},
                    TabulatedCase{"beta_2_5", sim::Beta(2, 5)}, TabulatedCase{"beta_u_shaped", sim::Beta(0.5, 0.5)},
                    TabulatedCase{"beta_small_alpha", sim::Beta(0.3, 4, 10, 20)}, TabulatedCase{"gamma_2_3", sim::Gamma(2, 3)},
                    TabulatedCase{"gamma_small_shape", sim::Gamma(0.5, 1)}, TabulatedCase{"gamma_large_shape", sim::Gamma(50, 0.1)},
                    TabulatedCase{"gamma_truncated", sim::TruncatedGamma(sim::Gamma(2, 3), 1.0, 10.0)},
                    TabulatedCase{"gamma_floored", sim::TruncatedGamma(sim::Gamma(0.5, 1), 0.2, std::nullopt)}),
    [](const testing::TestParamInfo<TabulatedCase>& i) { return i.param.name; });

TEST(InverseCdf, ExactWhereTheQuantileIsCheap) {
    for (const sim::Distribution& d : std::vector<sim::Distribution>{sim::Distribution(sim::Normal(0, 1)), sim::Distribution(sim::Lognormal(0, 1)),
                                       sim::Distribution(sim::Triangular(0, 1, 2)), sim::Distribution(sim::Uniform(0, 1)),
                                       sim::Distribution(sim::Discrete({1, 2}, {1, 1}))}) {
        const sim::InverseCdf f(d);
        EXPECT_FALSE(f.tabulated());
        const std::vector<double> u = {0.1, 0.7};
        std::vector<double> out(2);
        f(u, out);
        EXPECT_EQ(out[0], sim::quantile(d, 0.1));
        EXPECT_EQ(out[1], sim::quantile(d, 0.7));
    }
}

}  // namespace

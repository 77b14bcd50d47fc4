// Shared inverse-CDF tables: one per distinct distribution, equal draws.
#include <gtest/gtest.h>

#include <vector>

#include "sim/distribution.hpp"
#include "sim/inverse_cdf_cache.hpp"

namespace {

TEST(InverseCdfCache, OneTablePerDistinctDistribution) {
    sim::InverseCdfCache cache;
    const auto a = cache.get(sim::Pert(1, 2, 6));
    EXPECT_EQ(cache.get(sim::Pert(1, 2, 6)), a);            // equal parameters: the same table
    EXPECT_NE(cache.get(sim::Pert(1, 2, 7)), a);            // another max: another table
    EXPECT_NE(cache.get(sim::Pert(1, 2, 6, 3.0)), a);       // another weight λ
    EXPECT_NE(cache.get(sim::Triangular(1, 2, 6)), a);      // another kind with the same numbers
    EXPECT_EQ(cache.size(), 4u);
}

TEST(InverseCdfCache, DrawsEqualAFreshTable) {
    sim::InverseCdfCache cache;
    const sim::Distribution d = sim::Gamma(2.5, 1000.0);
    cache.get(d);
    const auto shared = cache.get(d);
    const sim::InverseCdf fresh(d);
    std::vector<double> u(1000), x(1000), y(1000);
    for (std::size_t i = 0; i < u.size(); ++i) u[i] = (static_cast<double>(i) + 0.5) / static_cast<double>(u.size());
    (*shared)(u, x);
    fresh(u, y);
    EXPECT_EQ(x, y);
}

// PERTs with the mode at the same share of the range have one Beta(α, β)
// shape, Gammas of one shape parameter one Gamma(k, 1): the nodes are
// computed once per shape, and the draws are those of a table of the input's
// own, to the bit, within the tested bound of the exact quantile (2·10⁻⁸ of
// the range).
TEST(InverseCdfCache, InputsOfOneShapeShareATable) {
    sim::InverseCdfCache cache;
    const sim::Pert small(1, 2, 6), large(100, 200, 600);
    const auto a = cache.get(small), b = cache.get(large);
    cache.get(sim::Gamma(2.5, 10.0));
    const auto g = cache.get(sim::Gamma(2.5, 1000.0));
    EXPECT_NE(a, b);
    EXPECT_EQ(cache.size(), 4u);
    EXPECT_EQ(cache.tables(), 2u);  // Beta(1.8, 4.2) and Gamma(2.5, 1)
    std::vector<double> u(999), x(999), y(999), own(999);
    for (std::size_t i = 0; i < u.size(); ++i) u[i] = (static_cast<double>(i) + 0.5) / static_cast<double>(u.size());
    (*a)(u, x);
    (*b)(u, y);
    for (std::size_t i = 0; i < u.size(); ++i) {
        EXPECT_NEAR(x[i], small.quantile(u[i]), 2e-8 * 5) << u[i];
        EXPECT_NEAR(y[i], large.quantile(u[i]), 2e-8 * 500) << u[i];
    }
    const sim::InverseCdf own_pert{sim::Distribution(large)}, own_gamma{sim::Distribution(sim::Gamma(2.5, 1000.0))};
    own_pert(u, own);
    EXPECT_EQ(y, own);
    (*g)(u, y);
    own_gamma(u, own);
    EXPECT_EQ(y, own);
}

TEST(InverseCdfCache, KeepsAtMostItsCapacityDroppingTheOldest) {
    sim::InverseCdfCache cache(2);
    const auto first = cache.get(sim::Uniform(0, 1));
    cache.get(sim::Uniform(0, 2));
    cache.get(sim::Uniform(0, 3));
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_NE(cache.get(sim::Uniform(0, 1)), first);  // dropped, built again
}

}  // namespace

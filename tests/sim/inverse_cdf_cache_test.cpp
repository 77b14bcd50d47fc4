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

TEST(InverseCdfCache, KeepsAtMostItsCapacityDroppingTheOldest) {
    sim::InverseCdfCache cache(2);
    const auto first = cache.get(sim::Uniform(0, 1));
    cache.get(sim::Uniform(0, 2));
    cache.get(sim::Uniform(0, 3));
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_NE(cache.get(sim::Uniform(0, 1)), first);  // dropped, built again
}

}  // namespace

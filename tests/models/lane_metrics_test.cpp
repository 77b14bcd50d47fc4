#include "models/lane_metrics.hpp"

#include <gtest/gtest.h>
#include <hwy/targets.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "models/financial_metrics.hpp"
#include "models/path_store.hpp"
#include "models/scenario_loader.hpp"
#include "models/simulation.hpp"
#include "root_difference.hpp"
#include "sim/polynomial.hpp"
#include "../sim/simd_targets.hpp"

namespace {

using models::lane_block;
using models::metric_count;
using models::Metric;

// One path's monthly flows, t = 0 … H.
struct Flows {
    std::vector<double> cost, benefit, soft;
};

// What path_metrics() gives for a path, the scalar reference.
struct Scalar {
    std::vector<std::array<double, metric_count>> horizons;
    double payback = 0, discounted_payback = 0;
    std::vector<float> cumulative;
};

Scalar scalar_metrics(const Flows& f, const std::vector<double>& discount, const std::vector<int>& horizons) {
    const std::size_t n = f.cost.size();
    Scalar out{std::vector<std::array<double, metric_count>>(horizons.size()), 0, 0, std::vector<float>(n - 1)};
    std::vector<double> scratch(3 * n);
    models::PathMetrics pm{out.horizons};
    models::path_metrics(f.cost, f.benefit, f.soft, discount, horizons, scratch, pm, out.cumulative);
    out.payback = pm.payback;
    out.discounted_payback = pm.discounted_payback;
    return out;
}

// lane_metrics() over the paths, a lane block at a time, each path's results
// in the layout of Scalar.
std::vector<Scalar> lane_results(const std::vector<Flows>& paths, const std::vector<double>& discount,
                                 const std::vector<int>& horizons) {
    const std::size_t months = discount.size(), H = months - 1;
    std::vector<Scalar> out;
    std::vector<double> cost(months * lane_block), benefit(cost.size()), soft(cost.size());
    std::vector<double> scratch(models::lane_scratch_size(static_cast<int>(H), horizons.size()));
    std::vector<double> metrics(horizons.size() * metric_count * lane_block), payback(lane_block), dpayback(lane_block);
    std::vector<float> cumulative(H * lane_block);
    for (std::size_t first = 0; first < paths.size(); first += lane_block) {
        const std::size_t count = std::min(lane_block, paths.size() - first);
        std::fill(cost.begin(), cost.end(), 0.0);
        std::fill(benefit.begin(), benefit.end(), 0.0);
        std::fill(soft.begin(), soft.end(), 0.0);
        for (std::size_t k = 0; k < count; ++k)
            for (std::size_t t = 0; t < months; ++t) {
                cost[t * lane_block + k] = paths[first + k].cost[t];
                benefit[t * lane_block + k] = paths[first + k].benefit[t];
                soft[t * lane_block + k] = paths[first + k].soft[t];
            }
        models::lane_metrics({cost, benefit, soft}, count, discount, horizons, scratch,
                             {metrics, payback, dpayback, cumulative}, true);
        for (std::size_t k = 0; k < count; ++k) {
            Scalar s{std::vector<std::array<double, metric_count>>(horizons.size()), payback[k], dpayback[k],
                     std::vector<float>(H)};
            for (std::size_t h = 0; h < horizons.size(); ++h)
                for (std::size_t m = 0; m < metric_count; ++m) s.horizons[h][m] = metrics[(h * metric_count + m) * lane_block + k];
            for (std::size_t t = 0; t < H; ++t) s.cumulative[t] = cumulative[t * lane_block + k];
            out.push_back(std::move(s));
        }
    }
    return out;
}

using test::root_difference;

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Random CRM-shaped paths over 60 months: build costs, a go-live bump,
// benefits rising to a plateau, a soft share, a licence billed every 12
// months (so flows and their running sums often change sign several times:
// the scalar solver's cases) and, now and then, no cost at all or no benefit.
std::vector<Flows> random_paths(std::size_t n, int H) {
    std::uint64_t state = 2024;
    const auto uniform = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) * 0x1p-53;
    };
    std::vector<Flows> paths;
    for (std::size_t p = 0; p < n; ++p) {
        Flows f{std::vector<double>(H + 1), std::vector<double>(H + 1), std::vector<double>(H + 1)};
        const int build = 1 + static_cast<int>(12 * uniform());
        const double monthly = 20000 + 80000 * uniform(), plateau = 2000 + 70000 * uniform(),
                     licence = 200000 * uniform() * uniform(), soft_share = uniform();
        const bool no_cost = p % 37 == 5, no_benefit = p % 41 == 7;
        for (int t = 0; t <= H; ++t) {
            f.cost[t] = no_cost ? 0.0
                                : (t >= 1 && t <= build ? monthly : 0.0) + (t % 12 == 1 ? licence : 0.0) +
                                      (t == build + 1 ? 50000 * uniform() : 0.0);
            f.benefit[t] = no_benefit || t <= build ? 0.0 : plateau * (1 - std::exp(-0.3 * (t - build)));
            f.soft[t] = soft_share * f.benefit[t];
        }
        paths.push_back(std::move(f));
    }
    return paths;
}

// Every SIMD target this build has and this CPU runs, each forced in turn:
// the vector path against path_metrics() path by path, every metric, and
// bit-identical results on every target.
TEST(LaneMetrics, EveryMetricMatchesPathMetricsOnEverySimdTarget) {
    const int H = 60;
    const std::vector<int> horizons = {12, 36, 60};
    const std::vector<double> discount = models::discount_factors(0.1, H);
    const auto paths = random_paths(3 * lane_block + 17, H);  // the last lane block partly filled
    std::vector<Scalar> reference;
    for (const auto& f : paths) reference.push_back(scalar_metrics(f, discount, horizons));

    const std::vector<std::int64_t> targets = sim::testing::simd_targets();
    ASSERT_FALSE(targets.empty());
    std::vector<Scalar> first_target;
    for (const std::int64_t target : targets) {
        const sim::testing::ForcedSimdTarget forced(target);
        ASSERT_EQ(models::lane_metrics_target(), target) << hwy::TargetName(target);
        const auto lanes = lane_results(paths, discount, horizons);
        int defined_irr = 0;
        for (std::size_t p = 0; p < paths.size(); ++p) {
            const Scalar &r = reference[p], &l = lanes[p];
            SCOPED_TRACE(testing::Message() << hwy::TargetName(target) << ", path " << p);
            for (std::size_t h = 0; h < horizons.size(); ++h)
                for (std::size_t m = 0; m < metric_count; ++m) {
                    const double want = r.horizons[h][m], got = l.horizons[h][m];
                    if (m == static_cast<std::size_t>(Metric::irr)) {
                        ASSERT_EQ(std::isnan(want), std::isnan(got)) << "horizon " << horizons[h];
                        if (!std::isnan(want)) {
                            ++defined_irr;
                            EXPECT_LE(root_difference(want, got), 1e-12) << "horizon " << horizons[h];
                        }
                    } else {
                        // The same operations in the same order: the same bits.
                        EXPECT_TRUE(same_bits(want, got) || (std::isnan(want) && std::isnan(got)))
                            << models::metric_names[m] << " horizon " << horizons[h] << ": " << want << " vs " << got;
                    }
                }
            EXPECT_TRUE(same_bits(r.payback, l.payback)) << r.payback << " vs " << l.payback;
            EXPECT_TRUE(same_bits(r.discounted_payback, l.discounted_payback));
            EXPECT_EQ(r.cumulative, l.cumulative);
        }
        EXPECT_GT(defined_irr, 300);  // not vacuous: most 36- and 60-month IRRs exist
        if (first_target.empty()) {
            first_target = lanes;
            continue;
        }
        for (std::size_t p = 0; p < paths.size(); ++p)
            for (std::size_t h = 0; h < horizons.size(); ++h)
                for (std::size_t m = 0; m < metric_count; ++m)
                    EXPECT_TRUE(same_bits(first_target[p].horizons[h][m], lanes[p].horizons[h][m]))
                        << hwy::TargetName(target) << " differs from " << hwy::TargetName(targets.front()) << ", path "
                        << p << " " << models::metric_names[m];
    }
}

// Cash flows with known roots, each in its own lane, shifted to end at month
// H (leading zero months change no root: the NPV is only multiplied by
// x^(−shift)), against their closed-form roots and against irr_annual(), the
// scalar definition, on every target.
TEST(LaneMetrics, IrrOfHardCashFlowsOnEverySimdTarget) {
    struct Case {
        std::vector<double> cf;
        double root;  // the monthly x = 1 + i; NaN: undefined
    };
    const double nan = NAN;
    std::vector<double> near_top(61, 0.0), near_bottom(61, 0.0), wide(61, 0.0);
    near_top[0] = near_bottom[0] = -1;
    near_top[60] = std::pow(1.99, 60);
    near_bottom[60] = std::pow(0.0105, 60);
    for (int t = 1; t <= 60; ++t) wide[t] = t <= 30 ? -1.0 : 1.0;  // 30 × −1, 30 × +1: a root at x = 1 exactly
    const std::vector<Case> cases = {
        {{-100, 110}, 1.1},
        {{-1, 0.011}, 0.011},                      // i = −98.9 %, near the bracket's lower end
        {{-1, 1.999}, 1.999},                      // i = 99.9 %, near its upper end
        {near_top, 1.99},                          // over 60 months
        {near_bottom, 0.0105},
        {{1, -3.6, 3.89, -1.17}, 1.3},             // three sign changes, roots 0.5, 1.3, 1.8: the closest to 1
        {{1, -3.45, 3.86, -1.4025}, 1.1},          // roots 0.85, 1.1, 1.5
        {{-1, 5, -6}, 2.0},                        // a root at the upper end: it counts
        {{1, -2, 1.5}, nan},                       // two sign changes, no real root
        {{1, -2.5, 1.54}, nan},                    // roots 1.1 and 1.4, the NPV of one sign at both ends
        {{100, 50, 20}, nan},                      // no sign change
        {{0, 0, 0}, nan},                          // all zero
        {{-100, -50}, nan},
        {wide, 1.0},
    };
    const int H = 60;
    const std::vector<double> discount = models::discount_factors(0.05, H);
    const std::vector<int> horizons = {H};
    std::vector<Flows> paths;
    for (const Case& c : cases) {
        Flows f{std::vector<double>(H + 1, 0.0), std::vector<double>(H + 1, 0.0), std::vector<double>(H + 1, 0.0)};
        const std::size_t shift = H + 1 - c.cf.size();
        for (std::size_t t = 0; t < c.cf.size(); ++t) {
            (c.cf[t] < 0 ? f.cost : f.benefit)[shift + t] = std::abs(c.cf[t]);
        }
        paths.push_back(std::move(f));
    }
    for (const std::int64_t target : sim::testing::simd_targets()) {
        const sim::testing::ForcedSimdTarget forced(target);
        const auto lanes = lane_results(paths, discount, horizons);
        for (std::size_t i = 0; i < cases.size(); ++i) {
            SCOPED_TRACE(testing::Message() << hwy::TargetName(target) << ", case " << i);
            const double irr = lanes[i].horizons[0][static_cast<std::size_t>(Metric::irr)];
            const double definition = models::irr_annual(cases[i].cf);
            if (std::isnan(cases[i].root)) {
                EXPECT_TRUE(std::isnan(irr)) << irr;
                EXPECT_TRUE(std::isnan(definition));
                continue;
            }
            ASSERT_FALSE(std::isnan(irr));
            EXPECT_LE(root_difference(irr, std::pow(cases[i].root, 12) - 1), 1e-12) << irr;
            EXPECT_LE(root_difference(irr, definition), 1e-12) << irr << " vs " << definition;
        }
    }
}

}  // namespace

namespace {

// Every column of a store, as bits: equal stores give equal vectors.
std::vector<std::uint64_t> store_bits(const models::PathStore& store) {
    std::vector<std::uint64_t> bits;
    const auto add = [&](const auto& column) {
        for (const auto v : column) {
            const double x = v;
            std::uint64_t b;
            std::memcpy(&b, &x, sizeof b);
            bits.push_back(b);
        }
    };
    for (std::size_t o = 0; o < store.options(); ++o) {
        for (std::size_t h = 0; h < store.horizons(); ++h)
            for (Metric m : models::all_metrics) add(store.metric(o, h, m));
        add(store.payback(o, false));
        add(store.payback(o, true));
        for (int t = 1; t <= store.months(); ++t) add(store.cumulative(o, t));
    }
    for (std::size_t p = 0; p < store.pairs(); ++p) add(store.overtake(p));
    return bits;
}

// The whole model on every shipped scenario: the same store, to the bit, on
// every SIMD target and for one or two threads.
TEST(LaneMetrics, SimulationIsBitIdenticalOnEverySimdTargetAndThreadCount) {
    for (const char* name : {"custom-vs-standard", "phased-rollout", "small-business-saas", "b2c-retail-churn",
                             "yearly-business-case"}) {
        const auto s = models::load_scenario_file(std::string(ROICAST_SOURCE_DIR) + "/scenarios/" + name + ".json");
        models::RunSettings settings;
        settings.paths = 1000;  // two 512-path blocks, the second with a partial lane block
        settings.seed = 7;
        std::vector<std::uint64_t> first;
        for (const std::int64_t target : sim::testing::simd_targets()) {
            const sim::testing::ForcedSimdTarget forced(target);
            for (unsigned threads : {1u, 2u}) {
                settings.threads = threads;
                const auto bits = store_bits(models::simulate(s, settings));
                if (first.empty()) first = bits;
                EXPECT_TRUE(bits == first) << name << " on " << hwy::TargetName(target) << ", " << threads << " threads";
            }
        }
    }
}

}  // namespace

namespace {

// The IRR solver's grid of rates evaluated in lanes: to the bit what
// sim::polynomial gives one rate at a time, on every SIMD target, for
// lengths around multiples of the vector width and of its four chains.
TEST(LaneMetrics, ScaledNpvAtManyRatesIsThePolynomialToTheBit) {
    std::vector<double> x;
    for (int k = 1; k < 200; ++k) x.push_back(0.01 + 1.99 * k / 200);
    for (const std::int64_t target : sim::testing::simd_targets()) {
        const sim::testing::ForcedSimdTarget forced(target);
        for (std::size_t n : {1u, 2u, 3u, 4u, 5u, 13u, 37u, 61u}) {
            std::vector<double> cf(n);
            for (std::size_t t = 0; t < n; ++t) cf[t] = (t % 3 == 0 ? -1.0 : 1.0) * (1000.0 + 37.0 * t) / (1 + t % 7);
            for (std::size_t count : {x.size(), std::size_t{1}, std::size_t{7}}) {
                std::vector<double> out(count);
                models::scaled_npv_at(cf, std::span(x).first(count), out);
                for (std::size_t j = 0; j < count; ++j) {
                    const double want = sim::polynomial(n, x[j], [&](std::size_t k) { return cf[n - 1 - k]; });
                    EXPECT_TRUE(same_bits(want, out[j])) << hwy::TargetName(target) << " n " << n << " x " << x[j];
                }
            }
        }
    }
}

}  // namespace

#include "sim/block_runner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/distribution.hpp"
#include "sim/gaussian_copula.hpp"
#include "sim/moments.hpp"
#include "sim/uniform_design.hpp"

namespace {

// A toy model on the engine: two correlated lognormal-ish inputs, output x·y − 1.
struct Toy {
    sim::UniformDesign design;
    sim::GaussianCopula copula;
    sim::Distribution x = sim::Lognormal::from_median_p90(1.0, 1.5);
    sim::Distribution y = sim::Pert(0.5, 1.0, 3.0);

    void evaluate(sim::BlockRange block, std::vector<double>& out) const {
        sim::BlockMatrix u;
        design.fill(block, u);
        copula.apply(u);
        std::vector<double> a(block.size), b(block.size);
        sim::quantiles(x, {u.col(0).data(), block.size}, a);
        sim::quantiles(y, {u.col(1).data(), block.size}, b);
        out.resize(block.size);
        for (std::size_t k = 0; k < block.size; ++k) out[k] = a[k] * b[k] - 1.0;
    }
};

struct Result {
    std::vector<double> outputs;  // by path
    sim::RunningMoments moments;  // over the paths in order
};

Result run(const Toy& toy, unsigned threads) {
    const sim::RunOptions o{.paths = 100003, .block_size = 512, .threads = threads};
    Result r;
    r.outputs.resize(o.paths);
    sim::for_each_block(o, [&](sim::BlockRange block) {
        std::vector<double> out;
        toy.evaluate(block, out);
        std::copy(out.begin(), out.end(), r.outputs.begin() + static_cast<std::ptrdiff_t>(block.first));
    });
    for (double v : r.outputs) r.moments.add(v);
    return r;
}

class Determinism : public testing::TestWithParam<sim::Sampling> {};

TEST_P(Determinism, IdenticalPathsForOneTwoAndFourThreads) {
    const Toy toy{sim::UniformDesign(GetParam(), 77, 100003, 2), sim::GaussianCopula(2, {{0, 1, 0.5}})};
    const Result one = run(toy, 1), two = run(toy, 2), four = run(toy, 4);
    EXPECT_EQ(one.moments.count(), 100003u);
    // Bit-identical, not merely close: path i sees the same numbers on any thread.
    EXPECT_EQ(one.outputs, two.outputs);
    EXPECT_EQ(one.outputs, four.outputs);
}

INSTANTIATE_TEST_SUITE_P(AllDesigns, Determinism,
                         testing::Values(sim::Sampling::mc, sim::Sampling::lhs, sim::Sampling::sobol),
                         [](const auto& i) { return sim::to_string(i.param); });

TEST(ForEachBlock, EveryPathWrittenOnceWhateverTheThreads) {
    const sim::RunOptions o{.paths = 10007, .block_size = 100, .threads = 2};
    std::vector<int> hits(o.paths, 0);
    sim::for_each_block(o, [&](sim::BlockRange b) {
        for (std::size_t k = 0; k < b.size; ++k) hits[b.first + k]++;
    });
    for (int h : hits) ASSERT_EQ(h, 1);
}

TEST(ForEachBlock, MeanOfIndependentInputsProductMatchesClosedForm) {
    // Independent inputs: E[xy − 1] = E[x]E[y] − 1, within 4 standard errors.
    const Toy toy{sim::UniformDesign(sim::Sampling::mc, 5, 100003, 2), sim::GaussianCopula(2, {})};
    const Result r = run(toy, 2);
    const double truth = sim::mean(toy.x) * sim::mean(toy.y) - 1.0;
    EXPECT_NEAR(r.moments.mean(), truth, 4 * r.moments.standard_error());
}

}  // namespace

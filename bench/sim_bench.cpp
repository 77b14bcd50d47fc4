// Micro-benchmarks of the engine's stages. Run: build/bench/bench_sim
#include <benchmark/benchmark.h>

#include <boost/math/distributions/normal.hpp>
#include <hwy/targets.h>
#include <vector>

#include "sim/column_summary.hpp"
#include "sim/distribution.hpp"
#include "sim/gaussian_copula.hpp"
#include "sim/random_permutation.hpp"
#include "sim/standard_normal.hpp"
#include "sim/uniform_lanes.hpp"
#include "sim/vector_lanes.hpp"
#include "sim/inverse_cdf.hpp"
#include "sim/philox_stream.hpp"
#include "sim/summary.hpp"
#include "sim/uniform_design.hpp"

namespace {

void BM_PhiloxUniforms(benchmark::State& state) {
    const sim::PhiloxStream s(1, 0);
    std::uint64_t path = 0;
    for (auto _ : state) {
        double acc = 0;
        for (std::uint32_t d = 0; d < 1024; ++d) acc += s.uniform(path, d);
        benchmark::DoNotOptimize(acc);
        ++path;
    }
    state.SetItemsProcessed(state.iterations() * 1024);
}
BENCHMARK(BM_PhiloxUniforms);

void BM_DesignBlock(benchmark::State& state) {
    const auto sampling = static_cast<sim::Sampling>(state.range(0));
    const sim::UniformDesign d(sampling, 1, 1 << 20, 32);
    sim::BlockMatrix u;
    std::uint64_t first = 0;
    for (auto _ : state) {
        d.fill({first, 1024}, u);
        benchmark::DoNotOptimize(u.data());
        first = (first + 1024) % (1 << 20);
    }
    state.SetItemsProcessed(state.iterations() * 1024 * 32);
    state.SetLabel(sim::to_string(sampling));
}
BENCHMARK(BM_DesignBlock)->Arg(0)->Arg(1)->Arg(2);

template <class D>
void quantile_bench(benchmark::State& state, D dist) {
    const sim::Distribution d = dist;
    const sim::UniformDesign design(sim::Sampling::mc, 1, 4096, 1);
    sim::BlockMatrix u;
    design.fill({0, 4096}, u);
    std::vector<double> out(4096);
    for (auto _ : state) {
        sim::quantiles(d, {u.data(), 4096}, out);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations() * 4096);
}
BENCHMARK_CAPTURE(quantile_bench, uniform, sim::Uniform(0, 1));
BENCHMARK_CAPTURE(quantile_bench, triangular, sim::Triangular(0, 1, 3));
BENCHMARK_CAPTURE(quantile_bench, pert, sim::Pert(0, 1, 3));
BENCHMARK_CAPTURE(quantile_bench, normal, sim::Normal(0, 1));
BENCHMARK_CAPTURE(quantile_bench, normal_truncated, sim::Normal(0, 1, 0.0, 2.0));
BENCHMARK_CAPTURE(quantile_bench, lognormal, sim::Lognormal::from_median_p90(1.1, 1.6));
BENCHMARK_CAPTURE(quantile_bench, beta, sim::Beta(2, 5));
BENCHMARK_CAPTURE(quantile_bench, gamma, sim::Gamma(2, 3));
BENCHMARK_CAPTURE(quantile_bench, bernoulli, sim::Bernoulli(0.2));
BENCHMARK_CAPTURE(quantile_bench, discrete, sim::Discrete({1, 2, 3, 4}, {1, 2, 3, 4}));

// The engine's path: exact where cheap, tabulated for Beta, PERT and Gamma.
template <class D>
void inverse_cdf_bench(benchmark::State& state, D dist) {
    const sim::InverseCdf draw{sim::Distribution(dist)};
    const sim::UniformDesign design(sim::Sampling::mc, 1, 4096, 1);
    sim::BlockMatrix u;
    design.fill({0, 4096}, u);
    std::vector<double> out(4096);
    for (auto _ : state) {
        draw({u.data(), 4096}, out);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations() * 4096);
}
BENCHMARK_CAPTURE(inverse_cdf_bench, pert_tabulated, sim::Pert(0, 1, 3));
BENCHMARK_CAPTURE(inverse_cdf_bench, beta_tabulated, sim::Beta(2, 5));
BENCHMARK_CAPTURE(inverse_cdf_bench, gamma_tabulated, sim::Gamma(2, 3));

void BM_Summarize(benchmark::State& state) {
    const sim::PhiloxStream s(1, 0);
    std::vector<double> v(static_cast<std::size_t>(state.range(0)));
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = s.uniform(i, 0);
    for (auto _ : state) benchmark::DoNotOptimize(sim::summarize(v));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Summarize)->Arg(100000)->Arg(1000000);

// The in-place summaries of a stored column of floats (models/results.cpp):
// a full summary (seven percentiles and the tail), the breakdown's central
// one (P10, P50, P90), the fan chart's five percentiles.
std::vector<float> stored_column(std::size_t n) {
    const sim::PhiloxStream s(1, 0);
    std::vector<float> v(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double u = s.uniform(i, 0);
        v[i] = static_cast<float>(3e5 + 1e5 * std::log(u / (1 - u)));
    }
    return v;
}
void BM_SummarizeColumn(benchmark::State& state) {
    const auto v = stored_column(static_cast<std::size_t>(state.range(0)));
    sim::SummaryScratch scratch;
    for (auto _ : state) benchmark::DoNotOptimize(sim::summarize_column(std::span<const float>(v), scratch));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SummarizeColumn)->Arg(200000)->Arg(1000000);
void BM_CentralSummary(benchmark::State& state) {
    const auto v = stored_column(static_cast<std::size_t>(state.range(0)));
    sim::SummaryScratch scratch;
    for (auto _ : state) benchmark::DoNotOptimize(sim::central_summary(std::span<const float>(v), scratch));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CentralSummary)->Arg(200000)->Arg(1000000);
void BM_FanChartPercentiles(benchmark::State& state) {
    const auto v = stored_column(static_cast<std::size_t>(state.range(0)));
    const std::vector<double> levels = {0.05, 0.25, 0.50, 0.75, 0.95};
    sim::SummaryScratch scratch;
    for (auto _ : state) benchmark::DoNotOptimize(sim::column_percentiles(std::span<const float>(v), levels, scratch));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_FanChartPercentiles)->Arg(200000)->Arg(1000000);

}  // namespace

// The vector kernels, each on every SIMD target this machine has (the
// argument is the target's rank, 0 = the one the dispatcher would choose),
// beside the scalar code they replace.
namespace vector_kernels {

// Forces target `rank` for one benchmark; false (and the row skipped) if the
// machine has fewer targets.
class ForcedTarget {
public:
    explicit ForcedTarget(benchmark::State& state) {
        const auto targets = hwy::SupportedAndGeneratedTargets();
        const auto rank = static_cast<std::size_t>(state.range(0));
        if (rank >= targets.size()) {
            state.SkipWithError("no such SIMD target here");
            return;
        }
        hwy::SetSupportedTargetsForTest(targets[rank]);
        state.SetLabel(sim::simd_target());
        ok_ = true;
    }
    ~ForcedTarget() { hwy::SetSupportedTargetsForTest(0); }
    bool ok() const { return ok_; }

private:
    bool ok_ = false;
};

constexpr std::size_t n = 4096;

std::vector<double> uniforms() {
    std::vector<double> u(n);
    sim::lanes::keyed_open_uniforms(1, 0, 0, 0, u);
    return u;
}

void BM_InverseNormalLanes(benchmark::State& state) {
    const ForcedTarget target(state);
    if (!target.ok()) return;
    const auto u = uniforms();
    std::vector<double> z(n);
    for (auto _ : state) {
        sim::inverse_normal(u, z);
        benchmark::DoNotOptimize(z.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_InverseNormalLanes)->DenseRange(0, 5);

void BM_InverseNormalBoost(benchmark::State& state) {
    const auto u = uniforms();
    std::vector<double> z(n);
    const boost::math::normal_distribution<double> normal;
    for (auto _ : state) {
        for (std::size_t i = 0; i < n; ++i) z[i] = boost::math::quantile(normal, u[i]);
        benchmark::DoNotOptimize(z.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_InverseNormalBoost);

void BM_NormalCdfLanes(benchmark::State& state) {
    const ForcedTarget target(state);
    if (!target.ok()) return;
    std::vector<double> z(n), p(n);
    sim::inverse_normal(uniforms(), z);
    for (auto _ : state) {
        sim::normal_cdf(z, p);
        benchmark::DoNotOptimize(p.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_NormalCdfLanes)->DenseRange(0, 5);

void BM_NormalCdfBoost(benchmark::State& state) {
    std::vector<double> z(n), p(n);
    sim::inverse_normal(uniforms(), z);
    const boost::math::normal_distribution<double> normal;
    for (auto _ : state) {
        for (std::size_t i = 0; i < n; ++i) p[i] = boost::math::cdf(normal, z[i]);
        benchmark::DoNotOptimize(p.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_NormalCdfBoost);

void BM_KeyedUniformsLanes(benchmark::State& state) {
    const ForcedTarget target(state);
    if (!target.ok()) return;
    std::vector<double> u(n);
    std::uint64_t first = 0;
    for (auto _ : state) {
        sim::lanes::keyed_open_uniforms(1, 0, 12345, first, u);
        benchmark::DoNotOptimize(u.data());
        first += n;
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_KeyedUniformsLanes)->DenseRange(0, 5);

void BM_KeyedUniformsScalar(benchmark::State& state) {
    const sim::PhiloxStream s(1, 0);
    std::vector<double> u(n);
    std::uint64_t first = 0;
    for (auto _ : state) {
        for (std::size_t k = 0; k < n; ++k) u[k] = sim::PhiloxStream::to_open_unit(s.keyed_bits(first + k, 12345));
        benchmark::DoNotOptimize(u.data());
        first += n;
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_KeyedUniformsScalar);

void BM_PermutationLanes(benchmark::State& state) {
    const ForcedTarget target(state);
    if (!target.ok()) return;
    const sim::RandomPermutation p(1000000, 1, 7);
    std::vector<std::uint64_t> out(n);
    std::uint64_t first = 0;
    for (auto _ : state) {
        p.map(first, n, out.data());
        benchmark::DoNotOptimize(out.data());
        first = (first + n) % (1000000 - n);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_PermutationLanes)->DenseRange(0, 5);

void BM_PermutationScalar(benchmark::State& state) {
    const sim::RandomPermutation p(1000000, 1, 7);
    std::vector<std::uint64_t> out(n);
    std::uint64_t first = 0;
    for (auto _ : state) {
        for (std::size_t k = 0; k < n; ++k) out[k] = p(first + k);
        benchmark::DoNotOptimize(out.data());
        first = (first + n) % (1000000 - n);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_PermutationScalar);

// Four linked dimensions of eight, a block of 1024 paths.
void BM_CopulaApply(benchmark::State& state) {
    const ForcedTarget target(state);
    if (!target.ok()) return;
    const sim::GaussianCopula copula(8, {{0, 1, 0.5}, {1, 2, 0.3}, {2, 3, -0.2}});
    const sim::UniformDesign design(sim::Sampling::mc, 1, 1 << 20, 8);
    sim::BlockMatrix u, work;
    design.fill({0, 1024}, u);
    for (auto _ : state) {
        work = u;
        copula.apply(work);
        benchmark::DoNotOptimize(work.data());
    }
    state.SetItemsProcessed(state.iterations() * 1024 * 4);
}
BENCHMARK(BM_CopulaApply)->DenseRange(0, 5);

}  // namespace vector_kernels

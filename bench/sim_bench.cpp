// Micro-benchmarks of the engine's stages. Run: build/bench/bench_sim
#include <benchmark/benchmark.h>

#include <vector>

#include "sim/distribution.hpp"
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

}  // namespace

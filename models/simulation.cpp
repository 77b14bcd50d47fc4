#include "models/simulation.hpp"

#include <oneapi/tbb/enumerable_thread_specific.h>

#include <cmath>
#include <limits>
#include <optional>

#include "models/lane_metrics.hpp"
#include "models/option_flows.hpp"
#include "sim/block_runner.hpp"
#include "sim/inverse_cdf.hpp"
#include "sim/uniform_design.hpp"

namespace models {

sim::GaussianCopula make_copula(const Scenario& s) {
    std::vector<sim::RankCorrelation> targets;
    for (const auto& c : s.correlations)
        targets.push_back({*s.inputs[c.first].dimension, *s.inputs[c.second].dimension, c.rank});
    return sim::GaussianCopula(s.inputs.dimensions(), targets);
}

double overtake_month(std::span<const float> ccf_a, std::span<const float> ccf_b) {
    const std::size_t H = ccf_a.size();
    if (H == 0) return 1.0;
    if (ccf_a[H - 1] < ccf_b[H - 1]) return std::numeric_limits<double>::infinity();
    std::size_t t = H;  // months are 1-based: ccf[t − 1] is month t
    while (t > 0 && ccf_a[t - 1] >= ccf_b[t - 1]) --t;
    return static_cast<double>(t + 1);
}

namespace {

// Per-thread buffers, sized once: no allocation per path.
struct Scratch {
    sim::BlockMatrix uniforms, values;
    std::vector<double> cost, benefit, adoption, soft, parts;
    // One option's flows and results for a lane block of paths, month-major
    // (lane_metrics.hpp); ccf keeps every option's, for the overtake months.
    std::vector<double> lane_cost, lane_benefit, lane_soft, lane_scratch, lane_results, payback, discounted_payback;
    std::vector<float> ccf, ccf_a, ccf_b;  // options × H × lane_block; H, H
    std::vector<float> lane_breakdown, lane_years;  // one option's, for a lane block (breakdown_sums, year_sums)
    std::optional<PathStore> block_store;  // when blocks go to a consumer
};

UniformSource design_source(const sim::UniformDesign& design, const sim::GaussianCopula& copula) {
    return [&](sim::BlockRange block, sim::BlockMatrix& u) {
        design.fill(block, u);
        copula.apply(u);
    };
}

// One uncertain input's values for a block from its uniforms. A stressed
// input keeps its own uniform (and so its rank among the paths), squeezed
// into its band; correlated partners keep theirs. (Rounding must not carry u
// to 1, where an unbounded tail is infinite.)
void draw_input(const Input& in, const sim::InverseCdf& draw, Eigen::Ref<Eigen::VectorXd> u,
                Eigen::Ref<Eigen::VectorXd> out) {
    if (in.stress) u = (in.stress->low + (in.stress->high - in.stress->low) * u.array()).min(1.0 - 0x1p-53).matrix();
    draw({u.data(), static_cast<std::size_t>(u.size())}, {out.data(), static_cast<std::size_t>(out.size())});
}

// Each breakdown component's sum over months 0 … h, for every horizon h, of
// one path (parts: rows of `months` = H + 1 values): lane k of the lane block's buffer, at [(h · components + c) ·
// lane_block + k]. The store's columns are written from the buffer a lane
// block at a time, contiguous runs instead of a scattered value per column
// and path.
void breakdown_sums(std::span<float> out, std::size_t k, std::size_t components, std::size_t months,
                    std::span<const double> parts, std::span<const int> horizon_months) {
    for (std::size_t c = 0; c < components; ++c) {
        const double* row = parts.data() + c * months;
        double sum = 0;
        std::size_t t = 0;
        for (std::size_t h = 0; h < horizon_months.size(); ++h) {
            for (; t <= static_cast<std::size_t>(horizon_months[h]); ++t) sum += row[t];
            out[(h * components + c) * lane_block + k] = static_cast<float>(sum);
        }
    }
}

// The year table's sums of one path, lane k of the buffer at [(y · year_parts
// + part) · lane_block + k]: period 0 is month 0, period y months
// 12(y−1)+1 … 12y.
void year_sums(std::span<float> out, std::size_t k, std::size_t periods, std::span<const double> cost,
               std::span<const double> benefit, std::span<const double> discount) {
    for (std::size_t y = 0; y < periods; ++y) {
        const std::size_t first = y == 0 ? 0 : 12 * (y - 1) + 1, last = std::min(y == 0 ? 0 : 12 * y, cost.size() - 1);
        double b = 0, c = 0, net = 0, discounted = 0;
        for (std::size_t t = first; t <= last; ++t) {
            b += benefit[t];
            c += cost[t];
            net += benefit[t] - cost[t];
            discounted += discount[t] * (benefit[t] - cost[t]);
        }
        float* at = out.data() + y * year_parts * lane_block + k;
        at[static_cast<std::size_t>(YearPart::benefits) * lane_block] = static_cast<float>(b);
        at[static_cast<std::size_t>(YearPart::costs) * lane_block] = static_cast<float>(c);
        at[static_cast<std::size_t>(YearPart::net) * lane_block] = static_cast<float>(net);
        at[static_cast<std::size_t>(YearPart::discounted_net) * lane_block] = static_cast<float>(discounted);
    }
}

// The model over every block of paths. Each path's outputs go to `global` at
// its path index or, without one, to a per-thread store for one block (row
// k = path − block.first) that is handed to `consumer` when the block is done.
void simulate_paths(const Scenario& s, const RunSettings& settings, const UniformSource& source, PathStore* global,
                    const BlockConsumer* consumer) {
    const int H = s.simulated_months();
    const std::size_t n_options = s.options.size(), n_horizons = s.horizons.size();
    const auto months = static_cast<std::size_t>(H);
    // One sampler per dimension; tables are built in parallel (each is
    // independent, so the result does not depend on the thread count).
    std::vector<std::shared_ptr<const sim::InverseCdf>> draw(s.inputs.dimensions());
    sim::parallel_for_each(settings.threads, draw.size(), [&](std::size_t d) {
        const sim::Distribution& distribution = s.inputs.of_dimension(d).distribution;
        draw[d] = settings.tables ? settings.tables->get(distribution)
                                  : std::make_shared<const sim::InverseCdf>(distribution);
    });
    const std::vector<double> discount = discount_factors(s.discount_rate, H);
    std::vector<int> horizon_months;
    for (const auto& h : s.horizons) horizon_months.push_back(h.months);

    std::size_t most_parts = 0;
    for (const auto& o : s.options) most_parts = std::max(most_parts, breakdown_layout(o).size());
    const StoreShape shape = store_shape(s, settings);

    tbb::enumerable_thread_specific<Scratch> scratch([&] {
        Scratch sc;
        for (auto* v : {&sc.cost, &sc.benefit, &sc.adoption, &sc.soft}) v->resize(months + 1);
        sc.parts.resize(most_parts * (months + 1));
        for (auto* v : {&sc.lane_cost, &sc.lane_benefit, &sc.lane_soft}) v->resize((months + 1) * lane_block);
        sc.lane_scratch.resize(lane_scratch_size(H, n_horizons));
        sc.lane_results.resize(n_horizons * metric_count * lane_block);
        sc.payback.resize(lane_block);
        sc.discounted_payback.resize(lane_block);
        sc.ccf.resize(n_options * months * lane_block);
        sc.ccf_a.resize(months);
        sc.ccf_b.resize(months);
        sc.lane_breakdown.resize(most_parts * n_horizons * lane_block);
        sc.lane_years.resize(shape.years * year_parts * lane_block);
        if (!global) sc.block_store.emplace(shape, settings.block_size);
        return sc;
    });

    const sim::RunOptions run{settings.paths, settings.block_size, settings.threads};
    sim::for_each_block(run, [&](sim::BlockRange local_block) {
        if (settings.cancel && settings.cancel->load(std::memory_order_relaxed)) throw Cancelled{};
        const sim::BlockRange block{local_block.first + settings.first_path, local_block.size};
        Scratch& sc = scratch.local();
        PathStore& store = global ? *global : *sc.block_store;
        const std::uint64_t offset = global ? block.first : 0;  // row of the block's first path in `store`
        source(block, sc.uniforms);

        // Every input's value for every path of the block, column by column.
        sc.values.resize(static_cast<Eigen::Index>(block.size), static_cast<Eigen::Index>(s.inputs.size()));
        for (InputId id = 0; id < s.inputs.size(); ++id) {
            const Input& in = s.inputs[id];
            auto column = sc.values.col(static_cast<Eigen::Index>(id));
            if (in.dimension) {
                draw_input(in, *draw[*in.dimension], sc.uniforms.col(static_cast<Eigen::Index>(*in.dimension)), column);
                if (settings.keep_inputs)
                    store.inputs().block(static_cast<Eigen::Index>(offset), static_cast<Eigen::Index>(*in.dimension),
                                         static_cast<Eigen::Index>(block.size), 1) = column;
            }
            else
                column.setConstant(std::get<sim::Constant>(in.distribution).value());
        }

        // A lane block of paths at a time: each option's flows path by path,
        // then the metrics of all its paths at once in SIMD lanes.
        for (std::size_t first = 0; first < block.size; first += lane_block) {
            const std::size_t paths = std::min(lane_block, block.size - first);
            for (std::size_t o = 0; o < n_options; ++o) {
                for (std::size_t k = 0; k < lane_block; ++k) {
                    if (k >= paths) {  // lanes past the block's end: zero flows
                        for (std::size_t t = 0; t <= months; ++t)
                            sc.lane_cost[t * lane_block + k] = sc.lane_benefit[t * lane_block + k] =
                                sc.lane_soft[t * lane_block + k] = 0.0;
                        continue;
                    }
                    const auto row = static_cast<Eigen::Index>(first + k);
                    const auto value = [&](InputId id) { return sc.values(row, static_cast<Eigen::Index>(id)); };
                    option_flows(s, s.options[o], value, MonthlyFlows{sc.cost, sc.benefit, sc.adoption, sc.soft, sc.parts});
                    if (store.has_breakdown())
                        breakdown_sums(sc.lane_breakdown, k, shape.breakdown[o], months + 1, sc.parts,
                                       horizon_months);
                    if (shape.years) year_sums(sc.lane_years, k, shape.years, sc.cost, sc.benefit, discount);
                    for (std::size_t t = 0; t <= months; ++t) {
                        sc.lane_cost[t * lane_block + k] = sc.cost[t];
                        sc.lane_benefit[t * lane_block + k] = sc.benefit[t];
                        sc.lane_soft[t * lane_block + k] = sc.soft[t];
                    }
                }
                const std::span<float> ccf(sc.ccf.data() + o * months * lane_block, months * lane_block);
                lane_metrics({sc.lane_cost, sc.lane_benefit, sc.lane_soft}, paths, discount, horizon_months,
                             sc.lane_scratch, {sc.lane_results, sc.payback, sc.discounted_payback, ccf}, settings.irr);
                const std::size_t at = offset + first;  // the lane block's first row in `store`
                for (std::size_t h = 0; h < n_horizons; ++h)
                    for (Metric m : all_metrics)
                        if (store.kept(m))
                            std::copy_n(sc.lane_results.data() + (h * metric_count + static_cast<std::size_t>(m)) * lane_block,
                                        paths, store.metric(o, h, m).data() + at);
                if (store.has_breakdown())
                    for (std::size_t h = 0; h < n_horizons; ++h)
                        for (std::size_t c = 0; c < shape.breakdown[o]; ++c)
                            std::copy_n(sc.lane_breakdown.data() + (h * shape.breakdown[o] + c) * lane_block, paths,
                                        store.breakdown(o, h, c).data() + at);
                for (std::size_t y = 0; y < shape.years; ++y)
                    for (std::size_t part = 0; part < year_parts; ++part)
                        std::copy_n(sc.lane_years.data() + (y * year_parts + part) * lane_block, paths,
                                    store.year(o, y, static_cast<YearPart>(part)).data() + at);
                std::copy_n(sc.payback.data(), paths, store.payback(o, false).data() + at);
                std::copy_n(sc.discounted_payback.data(), paths, store.payback(o, true).data() + at);
                if (settings.keep_cumulative)
                    for (int t = 1; t <= H; ++t)
                        std::copy_n(ccf.data() + static_cast<std::size_t>(t - 1) * lane_block, paths,
                                    store.cumulative(o, t).data() + at);
            }
            for (std::size_t k = 0; k < paths; ++k)
                for (std::size_t a = 0; a < n_options; ++a)
                    for (std::size_t b = a + 1; b < n_options; ++b) {
                        for (std::size_t t = 0; t < months; ++t) {
                            sc.ccf_a[t] = sc.ccf[(a * months + t) * lane_block + k];
                            sc.ccf_b[t] = sc.ccf[(b * months + t) * lane_block + k];
                        }
                        store.overtake(store.pair_index(a, b))[offset + first + k] = overtake_month(sc.ccf_a, sc.ccf_b);
                    }
        }
        if (consumer) (*consumer)(block, store);
        if (settings.progress) settings.progress->fetch_add(block.size, std::memory_order_relaxed);
    });
}

}  // namespace

StoreShape store_shape(const Scenario& s, const RunSettings& settings) {
    StoreShape shape;
    shape.options = s.options.size();
    shape.horizons = s.horizons.size();
    shape.months = s.simulated_months();
    shape.cumulative = settings.keep_cumulative;
    shape.irr = settings.irr;
    shape.inputs = settings.keep_inputs ? s.inputs.dimensions() : 0;
    if (settings.keep_breakdown) {
        for (const auto& o : s.options) shape.breakdown.push_back(breakdown_layout(o).size());
        shape.years = year_periods(shape.months);
    }
    return shape;
}

PathStore simulate(const Scenario& s, const RunSettings& settings) {
    PathStore store(store_shape(s, settings), settings.first_path + settings.paths);
    simulate_into(s, settings, store);
    return store;
}

sim::UniformDesign uniform_design(const Scenario& s, const RunSettings& settings) {
    std::vector<std::string> addresses;
    addresses.reserve(s.inputs.dimensions());
    for (std::size_t d = 0; d < s.inputs.dimensions(); ++d) addresses.push_back(s.inputs.of_dimension(d).address);
    return {settings.sampling, settings.seed, settings.first_path + settings.paths, std::move(addresses)};
}

PathStore simulate(const Scenario& s, const RunSettings& settings, const UniformSource& source) {
    PathStore store(store_shape(s, settings), settings.first_path + settings.paths);
    simulate_paths(s, settings, source, &store, nullptr);
    return store;
}

void simulate_into(const Scenario& s, const RunSettings& settings, PathStore& store) {
    if (!store.fault_in_pages(settings.threads, settings.cancel)) throw Cancelled{};
    const sim::UniformDesign design = uniform_design(s, settings);
    const sim::GaussianCopula copula = make_copula(s);
    simulate_paths(s, settings, design_source(design, copula), &store, nullptr);
}

Eigen::MatrixXd input_draws(const Scenario& s, const RunSettings& settings, std::uint64_t n) {
    const sim::UniformDesign design = uniform_design(s, settings);
    const sim::GaussianCopula copula = make_copula(s);
    sim::BlockMatrix u(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(s.inputs.dimensions()));
    design_source(design, copula)({settings.first_path, static_cast<std::size_t>(n)}, u);
    Eigen::MatrixXd values(u.rows(), u.cols());
    for (std::size_t d = 0; d < s.inputs.dimensions(); ++d) {
        const Input& in = s.inputs.of_dimension(d);
        const auto table = settings.tables ? settings.tables->get(in.distribution)
                                           : std::make_shared<const sim::InverseCdf>(in.distribution);
        const auto k = static_cast<Eigen::Index>(d);
        draw_input(in, *table, u.col(k), values.col(k));
    }
    return values;
}

void simulate_blocks(const Scenario& s, const RunSettings& settings, const BlockConsumer& consumer) {
    const sim::UniformDesign design = uniform_design(s, settings);
    const sim::GaussianCopula copula = make_copula(s);
    simulate_paths(s, settings, design_source(design, copula), nullptr, &consumer);
}

}  // namespace models

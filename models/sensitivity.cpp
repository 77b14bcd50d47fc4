#include "models/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "sim/block_runner.hpp"
#include "sim/format_number.hpp"
#include "sim/sensitivity/correlation_measures.hpp"
#include "sim/sensitivity/saltelli_design.hpp"
#include "sim/sensitivity/sobol_indices.hpp"
#include "sim/sensitivity/tail_contrast.hpp"
#include "sim/sensitivity/tornado.hpp"
#include "sim/uniform_design.hpp"

namespace models {

std::optional<std::vector<SensitivityMethod>> parse_sensitivity_methods(std::string_view list, std::string& bad) {
    std::vector<SensitivityMethod> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        const std::string_view word = list.substr(start, end - start);
        std::optional<SensitivityMethod> m;
        if (word == "tornado") m = SensitivityMethod::tornado;
        else if (word == "spearman") m = SensitivityMethod::spearman;
        else if (word == "src") m = SensitivityMethod::src;
        else if (word == "sobol") m = SensitivityMethod::sobol;
        else if (word == "voi") m = SensitivityMethod::voi;
        else if (word == "tail") m = SensitivityMethod::tail;
        if (!m) {
            bad = std::string(word);
            return std::nullopt;
        }
        if (std::find(out.begin(), out.end(), *m) == out.end()) out.push_back(*m);
        start = end + 1;
    }
    return out;
}

bool needs_inputs(const SensitivitySettings& settings) {
    for (auto m : settings.methods)
        if (m == SensitivityMethod::spearman || m == SensitivityMethod::src || m == SensitivityMethod::voi ||
            m == SensitivityMethod::tail)
            return true;
    return false;
}

namespace {

bool wants(const SensitivitySettings& s, SensitivityMethod m) {
    return std::find(s.methods.begin(), s.methods.end(), m) != s.methods.end();
}

// What a ranking is about: option a alone (b == a), or NPV_a − NPV_b path by path.
struct Subject {
    std::string name;
    std::size_t a = 0, b = 0;
    std::vector<std::size_t> dims;  // the design dimensions that can move it
};

// The design dimensions that can move options a and b: the baseline's inputs and their own.
std::vector<std::size_t> relevant_dimensions(const Scenario& s, std::size_t a, std::size_t b) {
    std::vector<std::size_t> dims;
    const std::string own_a = "options." + s.options[a].name + ".", own_b = "options." + s.options[b].name + ".";
    for (std::size_t d = 0; d < s.inputs.dimensions(); ++d) {
        const std::string& address = s.inputs.of_dimension(d).address;
        if (address.rfind("baseline.", 0) == 0 || address.rfind(own_a, 0) == 0 || address.rfind(own_b, 0) == 0)
            dims.push_back(d);
    }
    return dims;
}

// Each option, then each pair a < b in option order, named as the results file's comparisons.
std::vector<Subject> subjects(const Scenario& s) {
    std::vector<Subject> list;
    for (std::size_t o = 0; o < s.options.size(); ++o) list.push_back({s.options[o].name, o, o, relevant_dimensions(s, o, o)});
    for (std::size_t a = 0; a < s.options.size(); ++a)
        for (std::size_t b = a + 1; b < s.options.size(); ++b)
            list.push_back({s.options[a].name + "_vs_" + s.options[b].name, a, b, relevant_dimensions(s, a, b)});
    return list;
}

// One metric column of a store. Payback censored at H counts as H + 1 months:
// exact for rank methods (censored paths tie above every reached one), a
// stated convention for the variance-based ones.
std::vector<double> metric_column(const PathStore& store, const Subject& subject, std::size_t horizon,
                                  const std::string& metric) {
    if (metric == "npv_difference") {
        const auto& a = store.metric(subject.a, horizon, Metric::npv);
        const auto& b = store.metric(subject.b, horizon, Metric::npv);
        std::vector<double> v(a.size());
        for (std::size_t i = 0; i < v.size(); ++i) v[i] = a[i] - b[i];
        return v;
    }
    if (metric == "payback_months") {
        std::vector<double> v = store.payback(subject.a, false).to_vector();
        for (double& x : v)
            if (std::isinf(x)) x = store.months() + 1.0;
        return v;
    }
    return store.metric(subject.a, horizon, metric == "npv" ? Metric::npv : Metric::roi).to_vector();
}

// Relabels rankings from local column indices to design dimensions.
std::vector<sim::Importance> relabel(std::vector<sim::Importance> list, const std::vector<std::size_t>& dims) {
    for (auto& i : list) i.input = dims[i.input];
    return list;
}

}  // namespace

Sensitivity analyse_sensitivity(const Scenario& s, const RunSettings& run, const PathStore& main,
                                const SensitivitySettings& settings) {
    Sensitivity out;
    const std::size_t d = s.inputs.dimensions();
    const std::size_t n_h = s.horizons.size();

    RunSettings design_run = run;
    design_run.keep_cumulative = false;
    design_run.keep_breakdown = false;
    design_run.keep_inputs = false;
    design_run.irr = false;  // no ranking is of the IRR
    design_run.progress = nullptr;

    std::optional<PathStore> tornado_store, sobol_store;
    if (wants(settings, SensitivityMethod::tornado) && d > 0) {
        const sim::BlockMatrix points = sim::tornado_points(d);
        design_run.paths = static_cast<std::uint64_t>(points.rows());
        tornado_store = simulate(s, design_run, [&](sim::BlockRange b, sim::BlockMatrix& u) {
            u = points.middleRows(static_cast<Eigen::Index>(b.first), static_cast<Eigen::Index>(b.size));
        });
        out.notes.push_back("tornado: each input moved alone from its P10 to its P90 with every other input at its "
                            "median; correlations are not applied.");
    }
    if (wants(settings, SensitivityMethod::sobol) && d > 0) {
        const auto sampling = 2 * d <= sim::UniformDesign::max_sobol_dimensions() ? sim::Sampling::sobol : sim::Sampling::mc;
        const sim::SaltelliDesign design(sampling, run.seed, settings.sobol_base_rows, d);
        design_run.paths = design.paths();
        sobol_store = simulate(s, design_run, [&](sim::BlockRange b, sim::BlockMatrix& u) { design.fill(b, u); });
        out.sobol_base_rows = settings.sobol_base_rows;
        out.sobol_paths = design.paths();
        out.notes.push_back(
            "sobol: first-order (Saltelli 2010) and total (Jansen 1999) indices from a Saltelli design of " +
            sim::format_whole(std::uint64_t{design.paths()}) + " runs (N = " + sim::format_whole(std::uint64_t{settings.sobol_base_rows}) +
            "), 95 % intervals by bootstrap." +
            (s.correlations.empty() ? std::string()
                                    : " The design draws the inputs independently, so the indices ignore the "
                                      "scenario's correlations: they say how much each input drives the result on its "
                                      "own, not how much correlated inputs move it together."));
    }
    if (wants(settings, SensitivityMethod::spearman))
        out.notes.push_back("spearman: rank correlation of each input with the result over the main run's paths, "
                            "correlations included.");
    if (wants(settings, SensitivityMethod::src))
        out.notes.push_back("src: standardised regression coefficients of a linear fit on the main run; read them only "
                            "when R² is high (say above 0.7).");
    if (wants(settings, SensitivityMethod::tail))
        out.notes.push_back("tail: how far each input's median over the worst 10 % of the main run's paths (lowest NPV, "
                            "ROI or NPV difference, longest payback) lies from its median over all paths, in standard "
                            "deviations of the input; correlations included.");
    out.notes.push_back("payback_months: paths that never pay back within the run count as H + 1 months; exact for "
                        "rank-based Spearman, a convention for the others.");

    const std::vector<Subject> about = subjects(s);
    if (about.size() > s.options.size())
        out.notes.push_back("npv_difference (a_vs_b): the same methods on NPV of a minus NPV of b, path by path on the "
                            "same draws, over the inputs that can move either option.");

    // Every (subject, horizon, metric) cell is independent: fill them in parallel.
    // The options' cells come first, so a pair never changes their numbers.
    struct Cell {
        std::size_t subject, horizon;
        std::string metric;
    };
    std::vector<Cell> cells;
    out.options.resize(about.size());
    for (std::size_t k = 0; k < about.size(); ++k) {
        out.options[k].name = about[k].name;
        out.options[k].horizons.resize(n_h);
        for (std::size_t h = 0; h < n_h; ++h) {
            if (k >= s.options.size()) cells.push_back({k, h, "npv_difference"});
            else
                for (const char* m : {"npv", "roi", "payback_months"})
                    if (std::string(m) != "payback_months" || h + 1 == n_h) cells.push_back({k, h, m});
        }
    }
    std::vector<MetricSensitivity> results(cells.size());
    sim::parallel_for_each(run.threads, cells.size(), [&](std::size_t c) {
        if (run.cancel && run.cancel->load(std::memory_order_relaxed)) throw Cancelled{};
        const Cell& cell = cells[c];
        const Subject& subject = about[cell.subject];
        const auto& dims = subject.dims;
        MetricSensitivity& r = results[c];
        r.metric = cell.metric;
        if (tornado_store) {
            const auto y = metric_column(*tornado_store, subject, cell.horizon, cell.metric);
            const auto t = sim::tornado_from_outputs(y, dims);
            r.tornado_base = t.base;
            r.tornado_bars = t.bars;
            r.methods.push_back({"tornado", t.ranking});
        }
        if (wants(settings, SensitivityMethod::spearman) || wants(settings, SensitivityMethod::src) ||
            wants(settings, SensitivityMethod::tail)) {
            const auto column = metric_column(main, subject, cell.horizon, cell.metric);
            const Eigen::Map<const Eigen::VectorXd> y(column.data(), static_cast<Eigen::Index>(column.size()));
            std::vector<Eigen::Index> cols(dims.begin(), dims.end());
            const Eigen::MatrixXd x = main.inputs()(Eigen::all, cols);
            if (wants(settings, SensitivityMethod::spearman))
                r.methods.push_back({"spearman", relabel(sim::spearman_importance(x, y), dims)});
            if (wants(settings, SensitivityMethod::src)) {
                const auto reg = sim::standardized_regression(x, y);
                r.src_r_squared = reg.r_squared;
                r.methods.push_back({"src", relabel(reg.coefficients, dims)});
            }
            if (wants(settings, SensitivityMethod::tail)) {
                const auto bad = cell.metric == "payback_months" ? sim::BadTail::high : sim::BadTail::low;
                r.methods.push_back({"tail", relabel(sim::tail_contrast(x, y, bad), dims)});
            }
        }
        if (sobol_store) {
            const auto column = metric_column(*sobol_store, subject, cell.horizon, cell.metric);
            const auto N = static_cast<Eigen::Index>(settings.sobol_base_rows);
            const Eigen::Map<const Eigen::VectorXd> y(column.data(), static_cast<Eigen::Index>(column.size()));
            sim::SaltelliOutputs so{y.segment(0, N), y.segment(N, N),
                                    Eigen::MatrixXd(N, static_cast<Eigen::Index>(dims.size()))};
            for (std::size_t k = 0; k < dims.size(); ++k)
                so.y_ab.col(static_cast<Eigen::Index>(k)) = y.segment((2 + static_cast<Eigen::Index>(dims[k])) * N, N);
            const auto idx = sim::sobol_indices(so, run.seed + c);
            r.methods.push_back({"sobol_first", relabel(idx.first, dims)});
            r.methods.push_back({"sobol_total", relabel(idx.total, dims)});
        }
    });
    // An SRC fit over some inputs whose R² came out undefined had too few paths: say so.
    const auto too_few_paths = [](const MetricSensitivity& m) {
        const auto src = [](const MethodRanking& r) { return r.method == "src" && !r.ranking.empty(); };
        return m.src_r_squared && std::isnan(*m.src_r_squared) && std::any_of(m.methods.begin(), m.methods.end(), src);
    };
    if (std::any_of(results.begin(), results.end(), too_few_paths))
        out.notes.push_back("src: undefined (R² and every coefficient null) where no more paths define the result than "
                            "the linear fit has coefficients (the inputs + 1): such a fit passes through every point, "
                            "so R² = 1 whatever the inputs do. Run more paths than inputs + 1.");
    for (std::size_t c = 0; c < cells.size(); ++c)
        out.options[cells[c].subject].horizons[cells[c].horizon].push_back(std::move(results[c]));
    return out;
}

}  // namespace models

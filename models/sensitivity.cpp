#include "models/sensitivity.hpp"

#include <cmath>
#include <functional>

#include "sim/block_runner.hpp"
#include "sim/sensitivity/correlation_measures.hpp"
#include "sim/sensitivity/saltelli_design.hpp"
#include "sim/sensitivity/sobol_indices.hpp"
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
        if (m == SensitivityMethod::spearman || m == SensitivityMethod::src || m == SensitivityMethod::voi) return true;
    return false;
}

namespace {

bool wants(const SensitivitySettings& s, SensitivityMethod m) {
    return std::find(s.methods.begin(), s.methods.end(), m) != s.methods.end();
}

// The design dimensions that can move option o: the baseline's inputs and its own.
std::vector<std::size_t> relevant_dimensions(const Scenario& s, const Option& o) {
    std::vector<std::size_t> dims;
    const std::string own = "options." + o.name + ".";
    for (std::size_t d = 0; d < s.inputs.dimensions(); ++d) {
        const std::string& address = s.inputs.of_dimension(d).address;
        if (address.rfind("baseline.", 0) == 0 || address.rfind(own, 0) == 0) dims.push_back(d);
    }
    return dims;
}

// One metric column of a store. Payback censored at H counts as H + 1 months:
// exact for rank methods (censored paths tie above every reached one), a
// stated convention for the variance-based ones.
std::vector<double> metric_column(const PathStore& store, std::size_t option, std::size_t horizon,
                                  const std::string& metric) {
    if (metric == "payback_months") {
        std::vector<double> v = store.payback(option, false).to_vector();
        for (double& x : v)
            if (std::isinf(x)) x = store.months() + 1.0;
        return v;
    }
    return store.metric(option, horizon, metric == "npv" ? Metric::npv : Metric::roi).to_vector();
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
            std::to_string(design.paths()) + " runs (N = " + std::to_string(settings.sobol_base_rows) +
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
    out.notes.push_back("payback_months: paths that never pay back within the run count as H + 1 months; exact for "
                        "rank-based Spearman, a convention for the others.");

    // Every (option, horizon, metric) cell is independent: fill them in parallel.
    struct Cell {
        std::size_t option, horizon;
        std::string metric;
    };
    std::vector<Cell> cells;
    out.options.resize(s.options.size());
    for (std::size_t o = 0; o < s.options.size(); ++o) {
        out.options[o].name = s.options[o].name;
        out.options[o].horizons.resize(n_h);
        for (std::size_t h = 0; h < n_h; ++h)
            for (const char* m : {"npv", "roi", "payback_months"})
                if (std::string(m) != "payback_months" || h + 1 == n_h) cells.push_back({o, h, m});
    }
    std::vector<MetricSensitivity> results(cells.size());
    sim::parallel_for_each(run.threads, cells.size(), [&](std::size_t c) {
        const Cell& cell = cells[c];
        const auto dims = relevant_dimensions(s, s.options[cell.option]);
        MetricSensitivity& r = results[c];
        r.metric = cell.metric;
        if (tornado_store) {
            const auto y = metric_column(*tornado_store, cell.option, cell.horizon, cell.metric);
            const auto t = sim::tornado_from_outputs(y, dims);
            r.tornado_base = t.base;
            r.methods.push_back({"tornado", t.ranking});
        }
        if (wants(settings, SensitivityMethod::spearman) || wants(settings, SensitivityMethod::src)) {
            const auto column = metric_column(main, cell.option, cell.horizon, cell.metric);
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
        }
        if (sobol_store) {
            const auto column = metric_column(*sobol_store, cell.option, cell.horizon, cell.metric);
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
    for (std::size_t c = 0; c < cells.size(); ++c)
        out.options[cells[c].option].horizons[cells[c].horizon].push_back(std::move(results[c]));
    return out;
}

}  // namespace models

// roicast: Monte Carlo ROI forecasting for CRM investments.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <memory>
#include <span>
#include <sstream>

#include "app/output_set.hpp"
#include "app/embedded_scenarios.hpp"
#include "app/escaped_stream.hpp"
#include "app/progress_bar.hpp"
#include "app/report_outputs.hpp"
#include "app/results_from_forecast.hpp"
#include "app/scenario_run.hpp"
#include "app/server/http_server.hpp"
#include "app/server/request_guard.hpp"
#include "app/sweep.hpp"
#include "app/sweep_html.hpp"
#include "app/sweep_report.hpp"
#include "app/text_report.hpp"
#include "models/forecast.hpp"
#include "models/plausibility.hpp"
#include "models/scenario_fields.hpp"
#include "models/scenario_loader.hpp"
#include "models/variants.hpp"

#ifndef ROICAST_VERSION
#define ROICAST_VERSION "0.0.0"
#endif

namespace {

constexpr int exit_ok = 0, exit_internal = 1, exit_invalid = 2, exit_not_bracketed = 3, exit_interrupted = 130;
constexpr const char* default_scenario = "custom-vs-standard";

std::atomic<bool> interrupted{false};
std::atomic<int> interrupting_signal{0};
extern "C" void on_interrupt(int signal) {
    interrupting_signal.store(signal);
    interrupted.store(true);
}

// An output path given on the command line: `--json ""` is a mistake, not "no file".
CLI::Validator file_name() {
    return CLI::Validator([](std::string& path) { return path.empty() ? std::string("an empty file name") : std::string(); },
                          "PATH");
}

// A seed as typed: 0 … 2^64 − 1 in digits, nothing wrapped or saturated.
CLI::Validator seed_value() {
    return CLI::Validator(
        [](std::string& text) {
            std::uint64_t value = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (text.empty() || error != std::errc{} || end != text.data() + text.size())
                return std::string("a seed is a whole number from 0 to 18446744073709551615, got ") + text;
            return std::string();
        },
        "SEED");
}

// A finite number in [low, high] (CLI11's ranges let NaN through: every comparison with it is false).
CLI::Validator finite_in(double low, double high) {
    return CLI::Validator(
        [low, high](std::string& text) {
            double value = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
                return "expected a finite number, got " + text;
            if (value < low || value > high)
                return (high == std::numeric_limits<double>::max()
                            ? std::string("expected a number > 0")
                            : "expected a number from " + sim::format_number(low) + " to " + sim::format_number(high)) +
                       ", got " + text;
            return std::string();
        },
        "NUMBER");
}

// Writes a command's outputs as one set, unless an interruption came first.
void commit(app::OutputSet& outputs) {
    if (interrupted.load() || !outputs.commit(&interrupted)) throw models::Cancelled{};
}

struct InvalidUsage {
    std::string where, message;
};

std::string shipped_names(const char* separator) {
    std::string names;
    for (const auto& e : app::embedded_scenarios()) {
        if (!names.empty()) names.append(separator);
        names.append(e.name);
    }
    return names;
}

// A scenario argument names a file, or a shipped scenario ("custom-vs-standard").
struct ScenarioSource {
    std::string label;                // as given on the command line
    std::string name;                 // the file's stem or the shipped name, when the scenario has none
    nlohmann::ordered_json document;  // parsed, not yet validated
};

ScenarioSource read_source(const std::string& argument) {
    if (!std::filesystem::exists(argument)) {
        if (const auto shipped = app::find_embedded(argument))
            return {argument, std::string(shipped->name), models::parse_scenario_document(shipped->text)};
        throw models::ScenarioError(std::vector<models::Issue>{
            {"", "no such file (shipped scenarios: " + shipped_names(", ") + ")"}});
    }
    return {argument, std::filesystem::path(argument).stem().string(),
            models::parse_scenario_document(models::read_scenario_text(argument))};
}

// The scenario of the base (variant null) or of a variant, with --set on top.
models::Scenario scenario_of(const ScenarioSource& source, const models::Variant* variant,
                             std::span<const models::Edit> sets) {
    models::Scenario s = models::variant_scenario(source.document, variant, sets);
    if (s.name.empty()) s.name = source.name;
    return s;
}

std::vector<models::Edit> parse_sets(const std::vector<std::string>& arguments) {
    std::vector<models::Edit> edits;
    for (const auto& a : arguments) edits.push_back(models::parse_edit(a));
    return edits;
}

// The implausible values of the base scenario, then those only a variant has,
// under the variant's name as its errors are.
std::vector<models::Issue> value_warnings(const models::Scenario& base, const std::vector<const models::Variant*>& which,
                                          const std::vector<models::Scenario>& variants) {
    std::vector<models::Issue> all = models::implausible_values(base);
    const std::size_t of_base = all.size();
    for (std::size_t k = 0; k < variants.size(); ++k)
        for (auto& w : models::implausible_values(variants[k])) {
            const auto same = [&](const models::Issue& b) { return b.address == w.address && b.message == w.message; };
            if (std::none_of(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(of_base), same))
                all.push_back({"variants." + which[k]->name, w.address + ": " + w.message});
        }
    return all;
}

int report_scenario_error(const std::string& label, const models::ScenarioError& e) {
    app::print_scenario_error(std::cerr, label, e);
    return exit_invalid;
}

// "error: WHERE: MESSAGE" on stderr; both may quote a file or the command line.
void print_error(const std::string& where, const std::string& message) {
    app::TerminalStream(std::cerr) << "error: " << where << ": " << message << "\n";
}

struct RunArguments {
    std::string scenario = default_scenario;
    std::optional<std::uint64_t> paths, seed;
    std::optional<unsigned> threads;
    std::optional<std::string> sampling;
    std::string json;
    std::string sensitivity;
    std::uint64_t sobol_samples = 4096;
    std::optional<double> target_ci;
    std::uint64_t max_paths = 1'000'000;
    bool quiet = false;
    std::uint64_t samples = 0;
    bool stream = false;
    std::vector<std::string> sets, variants;
    app::ReportOutputs reports;
};

// The command line as forecast settings.
models::ForecastSettings forecast_settings(const RunArguments& args) {
    models::ForecastSettings settings;
    settings.paths = args.paths;
    settings.seed = args.seed;
    if (args.sampling) settings.sampling = sim::parse_sampling(*args.sampling);
    settings.threads = args.threads.value_or(0);
    if (!args.sensitivity.empty()) {
        std::string bad;
        const auto methods = models::parse_sensitivity_methods(args.sensitivity, bad);
        if (!methods)
            throw InvalidUsage{"--sensitivity", "unknown method \"" + bad + "\"; choose from tornado, spearman, src, sobol, voi, tail"};
        settings.sensitivity = models::SensitivitySettings{*methods, args.sobol_samples};
    }
    if (args.target_ci) {
        if (args.stream) throw InvalidUsage{"--stream", "cannot be combined with --target-ci"};
        settings.convergence = models::ConvergenceTarget{*args.target_ci, args.max_paths};
    }
    settings.stream = args.stream;
    settings.samples = args.samples;
    settings.cancel = &interrupted;
    return settings;
}

int run(const RunArguments& args) {
    const ScenarioSource source = read_source(args.scenario);
    const app::ScenarioRuns runs = app::scenario_runs(source.document, source.name, parse_sets(args.sets), args.variants);
    const models::Scenario& s = runs.base;

    models::ForecastSettings settings = forecast_settings(args);
    // The terminal summary shows neither the IRR nor the fan chart; a file does.
    settings.irr = settings.fan_chart = !args.json.empty() || args.reports.any();
    sim::InverseCdfCache tables;  // a variant draws most inputs from the base's distributions
    settings.tables = &tables;
    models::ForecastPlan plan;
    try {
        plan = models::plan_forecast(s, settings);
    } catch (const models::ForecastRefused& e) {
        std::string flag = "--" + e.setting;
        std::replace(flag.begin(), flag.end(), '_', '-');
        throw InvalidUsage{flag, e.message};
    }
    if (!args.json.empty())
        if (const std::string why = app::check_writable(args.json); !why.empty()) throw InvalidUsage{"--json", why};
    if (const std::string why = app::check_outputs(args.reports); !why.empty())
        throw InvalidUsage{why.substr(0, why.find(':')), why.substr(why.find(':') + 2)};
    std::vector<std::filesystem::path> paths = app::output_paths(args.reports);
    paths.emplace_back(args.json);
    if (const std::string twice = app::repeated_output(paths); !twice.empty())
        throw InvalidUsage{twice, "named for two outputs; give each output its own file"};

    app::print_repairs(std::cerr, source.label, s, models::make_copula(s).repairs());
    app::print_warnings(std::cerr, source.label, value_warnings(s, runs.chosen, runs.variants));
    std::atomic<std::uint64_t> done{0};
    settings.progress = &done;
    std::optional<app::ResultsDocument> results;
    {
        app::ProgressBar bar(done, plan.progress_total * (1 + runs.chosen.size()), !args.quiet);
        results.emplace(app::run_scenarios(runs, settings));
    }
    app::OutputSet outputs;
    if (!args.json.empty())
        outputs.add(args.json, [&](std::ostream& out) { out << app::results_json_text(*results); });
    app::add_reports(outputs, args.reports, *results);
    commit(outputs);
    if (!args.quiet) app::print_summary(std::cout, *results);
    return exit_ok;
}

// Reports from a saved results file.
int report(const std::string& results_file, const app::ReportOutputs& outputs) {
    if (!outputs.any()) throw InvalidUsage{"report", "nothing to write; give --html FILE, --xlsx FILE or --csv DIR"};
    if (const std::string why = app::check_outputs(outputs); !why.empty())
        throw InvalidUsage{why.substr(0, why.find(':')), why.substr(why.find(':') + 2)};
    std::ifstream in(results_file, std::ios::binary);
    if (!in) throw InvalidUsage{results_file, "cannot open the results file"};
    // A file (or stream) larger than any results file is refused before it is parsed; a file by its size, unread.
    const auto too_large = [&](std::uintmax_t bytes) {
        if (bytes > app::results_limits::file_bytes)
            throw InvalidUsage{results_file, "larger than " + std::to_string(app::results_limits::file_bytes >> 20) +
                                                 " MiB, more than a results file holds"};
    };
    std::error_code ec;
    if (std::filesystem::is_regular_file(results_file, ec)) too_large(std::filesystem::file_size(results_file, ec));
    std::string text;
    std::array<char, 1 << 16> chunk;
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        too_large(text.size());
    }
    app::ResultsDocument results;
    try {
        results = app::results_document_from_json(app::parse_results_json(text));
    } catch (const nlohmann::json::exception& e) {
        throw InvalidUsage{results_file, std::string("not valid JSON: ") + e.what()};
    } catch (const app::ResultsFileError& e) {
        throw InvalidUsage{results_file, e.what()};
    }
    if (const std::string twice = app::repeated_output(app::output_paths(outputs)); !twice.empty())
        throw InvalidUsage{twice, "named for two outputs; give each output its own file"};
    app::OutputSet files;
    app::add_reports(files, outputs, results);
    commit(files);
    return exit_ok;
}

int validate(const std::string& scenario, const std::vector<std::string>& set_arguments) {
    const ScenarioSource source = read_source(scenario);
    const std::vector<models::Edit> sets = parse_sets(set_arguments);
    const models::Scenario s = scenario_of(source, nullptr, sets);
    // Each variant with --set on top, as `run --variant` would build it.
    std::vector<const models::Variant*> which;
    std::vector<models::Scenario> variants;
    for (const auto& v : s.variants) {
        which.push_back(&v);
        variants.push_back(scenario_of(source, &v, sets));
    }
    app::print_inputs(std::cout, s);
    app::print_repairs(std::cerr, source.label, s, models::make_copula(s).repairs());
    app::print_warnings(std::cerr, source.label, value_warnings(s, which, variants));
    app::TerminalStream out(std::cout);
    if (!s.variants.empty()) {
        out << "\nvariants (roicast run --variant NAME, or --variant all):\n";
        for (const auto& v : s.variants) out << "  " << v.name << (v.description.empty() ? "" : ": " + v.description) << "\n";
    }
    out << "\nok: " << source.label << " is a valid scenario\n";
    return exit_ok;
}

struct InitArguments {
    std::string template_name = default_scenario;
    std::string file;  // empty: print to stdout
    bool force = false;
};

// The starter's "$schema" names a file beside it; `init FILE` writes the two.
constexpr const char* schema_file_name = "scenario.schema.json";

std::string schema_text() { return models::fields::scenario_schema().dump(2) + "\n"; }

std::string read_whole(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int init(const InitArguments& args) {
    const auto shipped = app::find_embedded(args.template_name);
    if (!shipped)
        throw InvalidUsage{"--template",
                           "unknown template \"" + args.template_name + "\"; available: " + shipped_names(", ")};
    if (args.file.empty()) {
        std::cout << shipped->text;
        app::TerminalStream(std::cerr) << "note: the starter's \"$schema\" is ./" << schema_file_name
                                       << "; 'roicast init FILE' writes both, or 'roicast schema > "
                                       << schema_file_name << "' writes the schema\n";
        return exit_ok;
    }
    const std::filesystem::path file = args.file;
    const std::filesystem::path schema = file.parent_path() / schema_file_name;
    if (const std::string twice = app::repeated_output({file, schema}); !twice.empty())
        throw InvalidUsage{args.file, "is the schema's own name; give the scenario another name"};
    for (const auto& target : {file, schema})
        if (const std::string why = app::check_writable(target); !why.empty()) throw InvalidUsage{target.string(), why};
    std::error_code ec;
    if (!args.force && std::filesystem::exists(file, ec))
        throw InvalidUsage{args.file, "exists already; give another name, or --force to replace it"};
    // A schema file of an earlier version is replaced; one that is not a roicast schema is left alone.
    if (!args.force && std::filesystem::exists(schema, ec) &&
        read_whole(schema).find("\"title\": \"roicast scenario\"") == std::string::npos)
        throw InvalidUsage{schema.string(), "exists and is not a roicast scenario schema; --force replaces it"};
    const std::string schema_json = schema_text();
    app::OutputSet outputs;
    outputs.add(file, [&](std::ostream& out) { out << shipped->text; });
    outputs.add(schema, [&](std::ostream& out) { out << schema_json; });
    commit(outputs);
    app::TerminalStream(std::cout) << "wrote " << args.file << " (from the " << args.template_name
                                   << " template) and the JSON Schema it refers to, " << schema.string()
                                   << "\nnext: edit it, then 'roicast validate " << args.file << "' and 'roicast run "
                                   << args.file << "'\n";
    return exit_ok;
}

// "  custom-vs-standard   Custom vs standard CRM, …": each template with the name it gives its scenario.
std::string template_list() {
    std::size_t width = 0;
    for (const auto& e : app::embedded_scenarios()) width = std::max(width, e.name.size());
    std::string list = "Templates (--template NAME; default " + std::string(default_scenario) + "):\n";
    for (const auto& e : app::embedded_scenarios()) {
        std::string title;
        try {
            title = models::parse_scenario_document(e.text).value("name", "");
        } catch (const models::ScenarioError&) {
        }
        list += "  " + std::string(e.name) + std::string(width + 3 - e.name.size(), ' ') + title + "\n";
    }
    return list;
}

// What sweep and solve share: the scenario, --set, the run's settings and outputs.
struct SweepArguments {
    std::string scenario = default_scenario;
    std::optional<std::uint64_t> paths, seed;
    std::optional<unsigned> threads;
    std::optional<std::string> sampling;
    std::vector<std::string> sets, stats;
    std::string vary, target, json, csv, html;
    std::optional<double> tolerance;
    bool quiet = false;
};

void add_point_options(CLI::App* cmd, SweepArguments& args, const char* html_help) {
    cmd->add_option("scenario", args.scenario, "Scenario file or shipped scenario name (default: custom-vs-standard)");
    cmd->add_option("--paths", args.paths, "Paths per point (overrides the scenario)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}));
    cmd->add_option("--seed", args.seed, "Random seed, the same at every point (overrides the scenario)")
        ->check(seed_value());
    cmd->add_option("--threads", args.threads, "Worker threads (default: every core)")->check(CLI::Range(1u, 1024u));
    cmd->add_option("--sampling", args.sampling, "mc, lhs or sobol (overrides the scenario)")
        ->check(CLI::IsMember({"mc", "lhs", "sobol"}));
    cmd->add_option("--set", args.sets, "PATH=JSON: change a scenario value at every point (repeatable)");
    cmd->add_option("--json", args.json, "Write the sweep or solve results file here")->check(file_name());
    cmd->add_option("--csv", args.csv, "Write the table of points as CSV here")->check(file_name());
    cmd->add_option("--html", args.html, html_help)->check(file_name());
    cmd->add_flag("--quiet,-q", args.quiet, "Print nothing but errors");
}

// Forecasts of the scenario with PATH set to x, on the same seed and paths at every x.
struct PointRunner {
    ScenarioSource source;
    std::vector<models::Edit> sets;
    std::string path;
    models::ForecastSettings settings;
    // Points whose distributions do not change reuse their inverse-CDF tables.
    std::shared_ptr<sim::InverseCdfCache> tables = std::make_shared<sim::InverseCdfCache>();
    std::uint64_t paths_per_point = 0;  // for the progress bar

    nlohmann::ordered_json operator()(double x) const {
        std::vector<models::Edit> edits = sets;
        edits.push_back({path, x});
        const models::Scenario s = scenario_of(source, nullptr, edits);
        const models::Forecast f = models::forecast(s, settings);
        app::ResultsDocument d = app::results_document(s, f);
        return app::to_json(d);
    }
};

PointRunner point_runner(const SweepArguments& args, const std::string& path) {
    PointRunner runner{read_source(args.scenario), parse_sets(args.sets), path, {}};
    runner.settings.tables = runner.tables.get();
    // The scenario with --set must be valid, and the varied path lead
    // somewhere editable, before any point runs.
    const models::Scenario base = scenario_of(runner.source, nullptr, runner.sets);
    app::print_warnings(std::cerr, runner.source.label, models::implausible_values(base));
    runner.paths_per_point = args.paths.value_or(base.simulation.paths);
    nlohmann::ordered_json probe = runner.source.document;
    models::apply_edit(probe, {path, 0.0}, "--vary");
    runner.settings.paths = args.paths;
    runner.settings.seed = args.seed;
    if (args.sampling) runner.settings.sampling = sim::parse_sampling(*args.sampling);
    runner.settings.threads = args.threads.value_or(0);
    runner.settings.cancel = &interrupted;
    for (const auto& [flag, output] : {std::pair{"--json", &args.json}, {"--csv", &args.csv}, {"--html", &args.html}})
        if (!output->empty())
            if (const std::string why = app::check_writable(*output); !why.empty()) throw InvalidUsage{flag, why};
    if (const std::string twice = app::repeated_output({args.json, args.csv, args.html}); !twice.empty())
        throw InvalidUsage{twice, "named for two outputs; give each output its own file"};
    return runner;
}

// Runs every point under one progress bar.
template <class Work>
auto with_progress(PointRunner& runner, std::uint64_t points, bool quiet, Work work) {
    std::atomic<std::uint64_t> done{0};
    runner.settings.progress = &done;
    app::ProgressBar bar(done, runner.paths_per_point * points, !quiet);
    return work();
}

int run_sweep(const SweepArguments& args) {
    const app::Vary vary = app::parse_vary(args.vary);
    PointRunner runner = point_runner(args, vary.path);
    const auto values = app::sweep_values(vary);
    const app::SweepResult r = with_progress(runner, values.size(), args.quiet,
                                             [&] { return app::sweep(vary, args.stats, std::cref(runner)); });
    app::OutputSet outputs;
    if (!args.json.empty()) outputs.add(args.json, [&](std::ostream& out) { out << app::to_json(r).dump(2) << "\n"; });
    if (!args.csv.empty()) outputs.add(args.csv, [&](std::ostream& out) { app::write_sweep_csv(out, r); });
    if (!args.html.empty()) outputs.add(args.html, [&](std::ostream& out) { app::write_sweep_html(out, r); });
    commit(outputs);
    if (!args.quiet) app::print_sweep(std::cout, r);
    return exit_ok;
}

int run_solve(const SweepArguments& args) {
    app::Vary vary = app::parse_vary(args.vary);
    if (vary.points) throw InvalidUsage{"--vary", "solve takes PATH=FROM:TO (no POINTS; it bisects)"};
    const app::Target target = app::parse_target(args.target);
    const double tolerance = args.tolerance.value_or(0.001 * std::abs(vary.to - vary.from));
    PointRunner runner = point_runner(args, vary.path);
    const std::uint64_t most = 3 + static_cast<std::uint64_t>(
                                       std::ceil(std::log2(std::max(1.0, std::abs(vary.to - vary.from) / tolerance))));
    const app::SolveResult r = with_progress(runner, most, args.quiet,
                                             [&] { return app::solve(vary, target, tolerance, std::cref(runner)); });
    app::OutputSet outputs;
    if (!args.json.empty()) outputs.add(args.json, [&](std::ostream& out) { out << app::to_json(r).dump(2) << "\n"; });
    if (!args.csv.empty()) outputs.add(args.csv, [&](std::ostream& out) { app::write_solve_csv(out, r); });
    if (!args.html.empty()) outputs.add(args.html, [&](std::ostream& out) { app::write_solve_html(out, r); });
    commit(outputs);
    if (!r.bracketed) {
        print_error("--target", app::solve_sentence(r));
        return exit_not_bracketed;
    }
    if (!args.quiet) app::print_solve(std::cout, r);
    return exit_ok;
}

struct ServeArguments {
    std::string scenario = default_scenario;
    app::server::ServeOptions options;
};

// The page and the HTTP API until Ctrl-C. The scenario must be valid: the page opens on it.
int serve(const ServeArguments& args) {
    const ScenarioSource source = read_source(args.scenario);
    app::scenario_runs(source.document, source.name, {}, {});
    if (!app::server::is_loopback(args.options.host))
        app::TerminalStream(std::cerr)
            << "warning: serving on " << args.options.host
            << ", not loopback: anyone who can reach this address can run simulations on this machine. The server "
               "has no login and speaks plain HTTP; use it on a network you trust.\n";
    if (!app::server::serve(args.options, source.document.dump(2), interrupted, std::cout))
        throw InvalidUsage{"--port", "cannot listen on " + args.options.host + ":" + std::to_string(args.options.port) +
                                         " (in use, or not an address of this machine)"};
    std::cout << "roicast serve: stopped\n";
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"roicast: Monte Carlo ROI forecasting for CRM investments", "roicast"};
    cli.set_version_flag("--version", "roicast " ROICAST_VERSION);
    cli.require_subcommand(1);

    RunArguments run_args;
    auto* run_cmd = cli.add_subcommand("run", "Simulate a scenario and print (or save) its ROI distributions");
    run_cmd->add_option("scenario", run_args.scenario,
                        "Scenario file, or the name of a shipped scenario (default: custom-vs-standard)");
    run_cmd->add_option("--paths", run_args.paths, "Number of simulated paths (overrides the scenario)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}));
    run_cmd->add_option("--seed", run_args.seed, "Random seed (overrides the scenario)")->check(seed_value());
    run_cmd->add_option("--threads", run_args.threads, "Worker threads (default: every core)")
        ->check(CLI::Range(1u, 1024u));
    run_cmd->add_option("--sampling", run_args.sampling, "mc, lhs or sobol (overrides the scenario)")
        ->check(CLI::IsMember({"mc", "lhs", "sobol"}));
    run_cmd->add_option("--json", run_args.json, "Write the results file (docs/model.md, \"The results file\") here")
        ->check(file_name());
    run_cmd->add_option("--sensitivity", run_args.sensitivity,
                        "Rank the inputs that drive NPV, ROI, payback and each pair's NPV difference: a comma list of "
                        "tornado, spearman, src, sobol, voi (value of information per input), tail (what sets the "
                        "worst 10 % of paths apart)");
    run_cmd->add_option("--sobol-samples", run_args.sobol_samples,
                        "Base rows N of the Sobol design (N x (inputs + 2) model runs; default 4096)")
        ->check(CLI::Range(std::uint64_t{64}, std::uint64_t{1} << 22));
    run_cmd->add_option("--target-ci", run_args.target_ci,
                        "Add paths until every headline statistic's 95 % CI half-width is within this share of its "
                        "value (e.g. 0.01)")
        ->check(finite_in(1e-6, 0.5));
    run_cmd->add_option("--max-paths", run_args.max_paths, "Most paths a --target-ci run may use (default 1,000,000)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}));
    run_cmd->add_flag("--quiet,-q", run_args.quiet, "Print nothing but errors");
    run_cmd->add_option("--samples", run_args.samples,
                        "Keep NPV, ROI and payback of the first N paths, and what every uncertain input drew on them, in the results file, the workbook's Samples "
                        "sheet and samples.csv (at most 100,000)")
        ->check(CLI::Range(std::uint64_t{0}, models::max_samples));
    run_cmd->add_flag("--stream", run_args.stream,
                      "Summarise the paths as they are simulated instead of storing them (automatic above 4 GiB): "
                      "bounded memory, percentiles within a reported rank error");
    run_cmd->add_option("--set", run_args.sets,
                        "PATH=JSON: change a scenario value for this run, e.g. --set discount_rate=0.12 or --set "
                        "'options.custom.adoption.ceiling={\"dist\":\"pert\",\"min\":0.6,\"mode\":0.8,\"max\":0.9}' "
                        "(repeatable; applies to base and every variant)");
    run_cmd->add_option("--variant", run_args.variants,
                        "Run this variant of the scenario beside the base, on the same seed and paths (repeatable; "
                        "'all' for every variant)");
    const auto add_report_options = [](CLI::App* cmd, app::ReportOutputs& outputs) {
        cmd->add_option("--html", outputs.html, "Write a self-contained HTML report (charts, summary, assumptions)")
            ->check(file_name());
        cmd->add_option("--xlsx", outputs.xlsx, "Write an Excel workbook with native charts")->check(file_name());
        cmd->add_option("--csv", outputs.csv_dir, "Write tidy CSV files into this folder")->check(file_name());
    };
    add_report_options(run_cmd, run_args.reports);

    std::string report_file;
    app::ReportOutputs report_outputs;
    auto* report_cmd = cli.add_subcommand("report", "Write the HTML, Excel or CSV reports of a saved results file");
    report_cmd->add_option("results", report_file, "Results file written by 'roicast run --json' (at most 256 MiB)")
        ->required();
    add_report_options(report_cmd, report_outputs);

    std::string validate_scenario;
    std::vector<std::string> validate_sets;
    auto* validate_cmd = cli.add_subcommand("validate", "Check a scenario and list its uncertain inputs");
    validate_cmd->add_option("scenario", validate_scenario, "Scenario file or shipped scenario name")->required();
    validate_cmd->add_option("--set", validate_sets, "PATH=JSON: check the scenario with this value changed (repeatable)");

    SweepArguments sweep_args, solve_args;
    auto* sweep_cmd = cli.add_subcommand(
        "sweep", "Vary one scenario value over a range and tabulate statistics of the results at each point");
    add_point_options(sweep_cmd, sweep_args,
                      "Write a self-contained HTML page here: each statistic plotted against the value, with its 95 % "
                      "band where the results give one");
    sweep_cmd->add_option("--vary", sweep_args.vary, "PATH=FROM:TO[:POINTS] (POINTS default 11, both ends included)")
        ->required();
    sweep_cmd->add_option("--stat", sweep_args.stats,
                          "A statistic of the results file by its dotted path, e.g. options.custom.payback_months.p50 "
                          "(repeatable)")
        ->required();
    auto* solve_cmd = cli.add_subcommand(
        "solve", "Find the value of one scenario input at which a statistic of the results reaches a target");
    add_point_options(solve_cmd, solve_args,
                      "Write a self-contained HTML page here: the answer in a sentence and every evaluation plotted "
                      "against the target");
    solve_cmd->add_option("--vary", solve_args.vary, "PATH=FROM:TO, the range to search")->required();
    solve_cmd->add_option("--target", solve_args.target,
                          "STAT=VALUE, e.g. options.custom.payback_months.p50=14")
        ->required();
    solve_cmd->add_option("--tolerance", solve_args.tolerance,
                          "Stop when the bracket is no wider than this (default 0.001 x |TO - FROM|)")
        ->check(finite_in(std::numeric_limits<double>::min(), std::numeric_limits<double>::max()));

    InitArguments init_args;
    auto* init_cmd = cli.add_subcommand(
        "init", "Start a scenario from a template: write FILE and the JSON Schema it refers to (" +
                    std::string(schema_file_name) + ") beside it, or print the template to stdout");
    init_cmd->add_option("file", init_args.file, "Scenario file to write (default: print to stdout)")->check(file_name());
    init_cmd->add_option("--template", init_args.template_name, "Template to start from: " + shipped_names(", "));
    init_cmd->add_flag("--force", init_args.force, "Replace FILE (and a schema file that is not roicast's) if it exists");
    init_cmd->footer(template_list());

    ServeArguments serve_args;
    auto* serve_cmd = cli.add_subcommand(
        "serve", "Open the scenario as a live calculator in the browser (a local web page and an HTTP API)");
    serve_cmd->add_option("scenario", serve_args.scenario,
                          "Scenario file or shipped scenario name the page opens with (default: custom-vs-standard)");
    serve_cmd->add_option("--port", serve_args.options.port, "TCP port (default 8080; 0: any free port, printed)")
        ->check(CLI::Range(0, 65535));
    serve_cmd->add_option("--host", serve_args.options.host,
                          "Address to listen on (default 127.0.0.1, this machine only); another address opens the "
                          "server to the network and prints a warning");
    serve_cmd->add_option("--allow-host", serve_args.options.allow_hosts,
                          "Another name the browser may use for this server in its Host header (repeatable; e.g. "
                          "the machine's name with --host 0.0.0.0)");

    auto* schema_cmd = cli.add_subcommand(
        "schema", "Print the JSON Schema of scenario files (scenarios/scenario.schema.json is this output)");

    const std::string first = argc > 1 ? argv[1] : "";
    if (!first.empty() && first[0] != '-' && first != "run" && first != "validate" && first != "init" &&
        first != "report" && first != "schema" && first != "sweep" && first != "solve" && first != "serve") {
        app::TerminalStream(std::cerr) << "error: unknown command \"" << first
                                       << "\"; commands: run, report, validate, init, schema, sweep, solve, serve\n"
                                       << "run 'roicast --help' for usage\n";
        return exit_invalid;
    }
    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        app::TerminalStream(std::cerr) << "error: " << std::string(e.what()) << "\nrun 'roicast --help' for usage\n";
        return exit_invalid;
    }

    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    try {
        if (*run_cmd) return run(run_args);
        if (*validate_cmd) return validate(validate_scenario, validate_sets);
        if (*sweep_cmd) return run_sweep(sweep_args);
        if (*solve_cmd) return run_solve(solve_args);
        if (*init_cmd) return init(init_args);
        if (*report_cmd) return report(report_file, report_outputs);
        if (*serve_cmd) return serve(serve_args);
        if (*schema_cmd) {
            std::cout << schema_text();
            return exit_ok;
        }
    } catch (const models::ScenarioError& e) {
        return report_scenario_error(*run_cmd     ? run_args.scenario
                                     : *sweep_cmd ? sweep_args.scenario
                                     : *solve_cmd ? solve_args.scenario
                                     : *serve_cmd ? serve_args.scenario
                                                  : validate_scenario,
                                     e);
    } catch (const InvalidUsage& e) {
        print_error(e.where, e.message);
        return exit_invalid;
    } catch (const app::BadArgument& e) {
        print_error(e.where, e.what());
        return exit_invalid;
    } catch (const models::Cancelled&) {
        std::cerr << "\ninterrupted: stopped before finishing; no results file was written\n";
        // 128 + the signal, as a shell reports it: 130 for Ctrl-C, 143 for SIGTERM.
        return interrupting_signal.load() == SIGTERM ? 128 + SIGTERM : exit_interrupted;
    } catch (const std::exception& e) {
        print_error("internal failure", e.what());
        return exit_internal;
    }
    return exit_internal;
}

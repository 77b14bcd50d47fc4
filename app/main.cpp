// roicast: Monte Carlo ROI forecasting for CRM investments.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/atomic_file.hpp"
#include "app/embedded_scenarios.hpp"
#include "app/progress_bar.hpp"
#include "app/report_outputs.hpp"
#include "app/results_from_forecast.hpp"
#include "app/text_report.hpp"
#include "models/forecast.hpp"
#include "models/scenario_fields.hpp"
#include "models/scenario_loader.hpp"

#ifndef ROICAST_VERSION
#define ROICAST_VERSION "0.0.0"
#endif

namespace {

constexpr int exit_ok = 0, exit_internal = 1, exit_invalid = 2, exit_interrupted = 130;
constexpr const char* default_scenario = "custom-vs-standard";

std::atomic<bool> interrupted{false};
extern "C" void on_interrupt(int) { interrupted.store(true); }

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
models::Scenario load(const std::string& argument, std::string& label) {
    label = argument;
    if (!std::filesystem::exists(argument)) {
        if (const auto shipped = app::find_embedded(argument)) {
            models::Scenario s = models::parse_scenario(shipped->text);
            if (s.name.empty()) s.name = std::string(shipped->name);
            return s;
        }
        throw models::ScenarioError(std::vector<models::Issue>{
            {"", "no such file (shipped scenarios: " + shipped_names(", ") + ")"}});
    }
    return models::load_scenario_file(argument);
}

int report_scenario_error(const std::string& label, const models::ScenarioError& e) {
    for (const auto& issue : e.issues())
        std::cerr << "error: " << label << ": " << (issue.address.empty() ? "" : issue.address + ": ") << issue.message
                  << "\n";
    return exit_invalid;
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
    std::string label;
    const models::Scenario s = load(args.scenario, label);
    models::ForecastSettings settings = forecast_settings(args);
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

    app::print_repairs(std::cerr, label, s, models::make_copula(s).repairs());
    std::atomic<std::uint64_t> done{0};
    settings.progress = &done;
    std::optional<models::Forecast> forecast;
    {
        app::ProgressBar bar(done, plan.progress_total, !args.quiet);
        forecast.emplace(models::forecast(s, settings));
    }
    const app::ResultsDocument results = app::results_document(s, *forecast);
    if (!args.json.empty())
        app::write_atomically(args.json, [&](std::ostream& out) { out << app::to_json(results).dump(2) << "\n"; });
    app::write_reports(args.reports, results);
    if (!args.quiet) app::print_summary(std::cout, results);
    return exit_ok;
}

// Reports from a saved results file.
int report(const std::string& results_file, const app::ReportOutputs& outputs) {
    if (!outputs.any()) throw InvalidUsage{"report", "nothing to write; give --html FILE, --xlsx FILE or --csv DIR"};
    if (const std::string why = app::check_outputs(outputs); !why.empty())
        throw InvalidUsage{why.substr(0, why.find(':')), why.substr(why.find(':') + 2)};
    std::ifstream in(results_file, std::ios::binary);
    if (!in) throw InvalidUsage{results_file, "cannot open the results file"};
    nlohmann::ordered_json document;
    try {
        document = nlohmann::ordered_json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw InvalidUsage{results_file, std::string("not valid JSON: ") + e.what()};
    }
    try {
        app::write_reports(outputs, app::results_document_from_json(document));
    } catch (const app::ResultsFileError& e) {
        throw InvalidUsage{results_file, e.what()};
    }
    return exit_ok;
}

int validate(const std::string& scenario) {
    std::string label;
    const models::Scenario s = load(scenario, label);
    app::print_inputs(std::cout, s);
    app::print_repairs(std::cerr, label, s, models::make_copula(s).repairs());
    std::cout << "\nok: " << label << " is a valid scenario\n";
    return exit_ok;
}

int init(const std::string& name) {
    const auto shipped = app::find_embedded(name);
    if (!shipped)
        throw InvalidUsage{"--template", "unknown template \"" + name + "\"; available: " + shipped_names(", ")};
    std::cout << shipped->text;
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
    run_cmd->add_option("--seed", run_args.seed, "Random seed (overrides the scenario)");
    run_cmd->add_option("--threads", run_args.threads, "Worker threads (default: every core)")
        ->check(CLI::Range(1u, 1024u));
    run_cmd->add_option("--sampling", run_args.sampling, "mc, lhs or sobol (overrides the scenario)")
        ->check(CLI::IsMember({"mc", "lhs", "sobol"}));
    run_cmd->add_option("--json", run_args.json, "Write the results file (docs/model.md, \"The results file\") here");
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
        ->check(CLI::Range(1e-6, 0.5));
    run_cmd->add_option("--max-paths", run_args.max_paths, "Most paths a --target-ci run may use (default 1,000,000)")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}));
    run_cmd->add_flag("--quiet,-q", run_args.quiet, "Print nothing but errors");
    run_cmd->add_option("--samples", run_args.samples,
                        "Keep NPV, ROI and payback of the first N paths in the results file, the workbook's Samples "
                        "sheet and samples.csv (at most 100,000)")
        ->check(CLI::Range(std::uint64_t{0}, models::max_samples));
    run_cmd->add_flag("--stream", run_args.stream,
                      "Summarise the paths as they are simulated instead of storing them (automatic above 4 GiB): "
                      "bounded memory, percentiles within a reported rank error");
    const auto add_report_options = [](CLI::App* cmd, app::ReportOutputs& outputs) {
        cmd->add_option("--html", outputs.html, "Write a self-contained HTML report (charts, summary, assumptions)");
        cmd->add_option("--xlsx", outputs.xlsx, "Write an Excel workbook with native charts");
        cmd->add_option("--csv", outputs.csv_dir, "Write tidy CSV files into this folder");
    };
    add_report_options(run_cmd, run_args.reports);

    std::string report_file;
    app::ReportOutputs report_outputs;
    auto* report_cmd = cli.add_subcommand("report", "Write the HTML, Excel or CSV reports of a saved results file");
    report_cmd->add_option("results", report_file, "Results file written by 'roicast run --json'")->required();
    add_report_options(report_cmd, report_outputs);

    std::string validate_scenario;
    auto* validate_cmd = cli.add_subcommand("validate", "Check a scenario and list its uncertain inputs");
    validate_cmd->add_option("scenario", validate_scenario, "Scenario file or shipped scenario name")->required();

    std::string template_name = default_scenario;
    auto* init_cmd = cli.add_subcommand("init", "Print a starter scenario to stdout");
    init_cmd->add_option("--template", template_name, "Shipped scenario to start from");

    auto* schema_cmd = cli.add_subcommand(
        "schema", "Print the JSON Schema of scenario files (scenarios/scenario.schema.json is this output)");

    const std::string first = argc > 1 ? argv[1] : "";
    if (!first.empty() && first[0] != '-' && first != "run" && first != "validate" && first != "init" &&
        first != "report" && first != "schema") {
        std::cerr << "error: unknown command \"" << argv[1] << "\"; commands: run, report, validate, init, schema\n"
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
        std::cerr << "error: " << e.what() << "\n" << "run 'roicast --help' for usage\n";
        return exit_invalid;
    }

    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    try {
        if (*run_cmd) return run(run_args);
        if (*validate_cmd) return validate(validate_scenario);
        if (*init_cmd) return init(template_name);
        if (*report_cmd) return report(report_file, report_outputs);
        if (*schema_cmd) {
            std::cout << models::fields::scenario_schema().dump(2) << "\n";
            return 0;
        }
    } catch (const models::ScenarioError& e) {
        return report_scenario_error(*run_cmd ? run_args.scenario : validate_scenario, e);
    } catch (const InvalidUsage& e) {
        std::cerr << "error: " << e.where << ": " << e.message << "\n";
        return exit_invalid;
    } catch (const models::Cancelled&) {
        std::cerr << "\ninterrupted: stopped before finishing; no results file was written\n";
        return exit_interrupted;
    } catch (const std::exception& e) {
        std::cerr << "error: internal failure: " << e.what() << "\n";
        return exit_internal;
    }
    return exit_internal;
}

// roicast: Monte Carlo ROI forecasting for CRM investments.
#include <CLI/CLI.hpp>
#include <oneapi/tbb/info.h>
#include <unistd.h>

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
#include "app/report_data.hpp"
#include "app/report_outputs.hpp"
#include "app/results_json.hpp"
#include "app/samples.hpp"
#include "app/text_report.hpp"
#include "models/convergence.hpp"
#include "models/path_store.hpp"
#include "models/results.hpp"
#include "models/scenario_loader.hpp"
#include "models/sensitivity.hpp"
#include "models/simulation.hpp"
#include "models/streaming_summary.hpp"

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

// Paths beyond what memory holds are refused before anything is allocated.
std::uint64_t available_memory() {
    const long pages = ::sysconf(_SC_AVPHYS_PAGES), size = ::sysconf(_SC_PAGE_SIZE);
    return pages > 0 && size > 0 ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(size) : 0;
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

int run(const RunArguments& args) {
    std::string label;
    const models::Scenario s = load(args.scenario, label);

    models::RunSettings settings;
    settings.paths = args.paths.value_or(s.simulation.paths);
    settings.seed = args.seed.value_or(s.simulation.seed);
    settings.sampling = s.simulation.sampling;
    if (args.sampling) settings.sampling = *sim::parse_sampling(*args.sampling);
    settings.threads = args.threads.value_or(0);
    const unsigned threads = settings.threads ? settings.threads : static_cast<unsigned>(tbb::info::default_concurrency());

    std::optional<models::Convergence> convergence;
    if (args.target_ci) {
        convergence.emplace();
        convergence->target = *args.target_ci;
        convergence->max_paths = std::max(args.max_paths, settings.paths);
        if (settings.sampling == sim::Sampling::lhs) {
            settings.sampling = sim::Sampling::mc;
            convergence->notes.push_back("Latin hypercube strata depend on the total number of paths, so a run that "
                                         "grows uses plain Monte Carlo instead.");
        }
        convergence->notes.push_back("Batches double the paths and reuse the same streams: a run that stops at N "
                                     "paths equals a fixed run of N paths.");
        if (settings.sampling == sim::Sampling::sobol)
            convergence->notes.push_back("Intervals assume independent paths; for scrambled Sobol points they are "
                                         "conservative.");
    }
    std::optional<models::SensitivitySettings> sensitivity;
    if (!args.sensitivity.empty()) {
        std::string bad;
        const auto methods = models::parse_sensitivity_methods(args.sensitivity, bad);
        if (!methods)
            throw InvalidUsage{"--sensitivity", "unknown method \"" + bad + "\"; choose from tornado, spearman, src, sobol, voi"};
        sensitivity = models::SensitivitySettings{*methods, args.sobol_samples};
        settings.keep_inputs = models::needs_inputs(*sensitivity);
    }

    // A run whose paths would take more than a GiB (or half the free memory)
    // is summarised as it goes instead of stored (models/streaming_summary.hpp):
    // percentiles within a stated rank error, everything else as exact.
    const std::uint64_t most_paths = convergence ? convergence->max_paths : settings.paths;
    const std::size_t d = s.inputs.dimensions();
    const std::uint64_t have = available_memory();
    const std::uint64_t full_need = models::PathStore::bytes_needed(
        s.options.size(), s.horizons.size(), s.simulated_months(), most_paths, true, settings.keep_inputs ? d : 0);
    if (args.stream && convergence) throw InvalidUsage{"--stream", "cannot be combined with --target-ci"};
    const bool streaming = !convergence && (args.stream || models::prefer_streaming(full_need, have));
    const models::StreamingSettings streaming_settings;
    const std::uint64_t pilot_paths = std::min<std::uint64_t>(settings.paths, streaming_settings.pilot_paths);

    // Refuse, before allocating anything, a run that would not fit: the main
    // store (with the inputs kept for Spearman, SRC and EVPPI), or in streaming
    // mode the pilot and the per-block sums, and, held at the same time, the
    // Sobol design's store of N·(inputs + 2) runs.
    const std::uint64_t main_need =
        streaming ? models::PathStore::bytes_needed(s.options.size(), s.horizons.size(), s.simulated_months(),
                                                    pilot_paths, true, settings.keep_inputs ? d : 0) +
                        models::streaming_bytes_needed(s, settings.paths, settings.block_size, threads)
                  : full_need;
    const bool sobol = sensitivity && std::find(sensitivity->methods.begin(), sensitivity->methods.end(),
                                                models::SensitivityMethod::sobol) != sensitivity->methods.end();
    const std::uint64_t sobol_runs = sobol && d ? args.sobol_samples * (d + 2) : 0;
    const std::uint64_t sobol_need =
        models::PathStore::bytes_needed(s.options.size(), s.horizons.size(), s.simulated_months(), sobol_runs, false);
    if (have && main_need + sobol_need > have / 10 * 8) {
        const bool sobol_is_why = sobol_need > main_need;
        throw InvalidUsage{sobol_is_why ? "--sobol-samples" : (convergence ? "--max-paths" : "--paths"),
                           (sobol_is_why ? std::to_string(args.sobol_samples) + " base rows (" +
                                               std::to_string(sobol_runs) + " Sobol runs)"
                                         : std::to_string(most_paths) + " paths") +
                               " would need about " + std::to_string((main_need + sobol_need) >> 20) +
                               " MiB, more than the " + std::to_string(have >> 20) + " MiB available; use fewer " +
                               (sobol_is_why ? "base rows" : "paths")};
    }
    if (!args.json.empty())
        if (const std::string why = app::check_writable(args.json); !why.empty()) throw InvalidUsage{"--json", why};
    if (const std::string why = app::check_outputs(args.reports); !why.empty())
        throw InvalidUsage{why.substr(0, why.find(':')), why.substr(why.find(':') + 2)};

    std::atomic<std::uint64_t> done{0};
    settings.progress = &done;
    settings.cancel = &interrupted;
    const auto start = std::chrono::steady_clock::now();
    const sim::GaussianCopula copula = models::make_copula(s);
    app::print_repairs(std::cerr, label, s, copula);
    models::Results results;
    std::optional<models::Sensitivity> sensitivity_results;
    std::optional<models::ValueOfInformation> voi;
    std::optional<models::StreamingInfo> streamed;
    nlohmann::ordered_json samples;
    {
        // Work for the bar: one run, or at most doubling batches up to the cap.
        app::ProgressBar bar(done, convergence ? 2 * most_paths : settings.paths, !args.quiet);
        std::optional<models::PathStore> stored;
        models::RunSettings kept_settings = settings;  // the run whose paths are kept (the pilot when streaming)
        if (streaming) {
            kept_settings.paths = pilot_paths;
            kept_settings.progress = nullptr;
            stored.emplace(models::simulate(s, kept_settings));
            models::RunSettings main_settings = settings;
            main_settings.keep_inputs = false;
            streamed.emplace();
            results = models::summarize_streaming(s, main_settings, *stored, *streamed, streaming_settings);
        }
        for (; !streaming;) {
            stored.reset();
            stored.emplace(models::simulate(s, settings));
            results = models::summarize(s, *stored, settings.threads);
            if (!convergence) break;
            auto statistics = models::headline_statistics(s, results, *stored, convergence->target);
            const bool all_met = std::all_of(statistics.begin(), statistics.end(), [](const auto& h) { return h.met; });
            convergence->trace.push_back({settings.paths, std::move(statistics)});
            if (all_met) {
                convergence->met = true;
                break;
            }
            if (settings.paths >= convergence->max_paths) break;
            settings.paths = std::min(2 * settings.paths, convergence->max_paths);
        }
        if (!streaming) kept_settings = settings;  // a --target-ci run may have grown
        const models::PathStore& store = *stored;
        if (sensitivity) sensitivity_results = models::analyse_sensitivity(s, kept_settings, store, *sensitivity);
        const bool partial = sensitivity && std::find(sensitivity->methods.begin(), sensitivity->methods.end(),
                                                      models::SensitivityMethod::voi) != sensitivity->methods.end();
        voi = models::value_of_information(s, store, partial);
        if (args.samples) samples = app::samples_json(s, store, args.samples);
    }
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const app::RunReport report{s, settings, results, copula, threads, elapsed,
                                sensitivity_results ? &*sensitivity_results : nullptr, &*voi,
                                convergence ? &*convergence : nullptr, streamed ? &*streamed : nullptr};

    if (!args.json.empty() || args.reports.any()) {
        auto document = app::results_json(report);
        if (!samples.is_null()) document["samples"] = std::move(samples);
        if (!args.json.empty())
            app::write_atomically(args.json, [&](std::ostream& out) { out << document.dump(2) << "\n"; });
        app::write_reports(args.reports, document);
    }
    if (!args.quiet) app::print_summary(std::cout, report);
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
        app::write_reports(outputs, document);
    } catch (const app::ResultsFileError& e) {
        throw InvalidUsage{results_file, e.what()};
    }
    return exit_ok;
}

int validate(const std::string& scenario) {
    std::string label;
    const models::Scenario s = load(scenario, label);
    app::print_inputs(std::cout, s);
    app::print_repairs(std::cerr, label, s, models::make_copula(s));
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
    run_cmd->add_option("--json", run_args.json, "Write the results file (MODEL.md §5) here");
    run_cmd->add_option("--sensitivity", run_args.sensitivity,
                        "Rank the inputs that drive NPV, ROI and payback: a comma list of tornado, spearman, src, sobol, "
                        "voi (value of information per input)");
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
        ->check(CLI::Range(std::uint64_t{0}, app::max_samples));
    run_cmd->add_flag("--stream", run_args.stream,
                      "Summarise the paths as they are simulated instead of storing them (automatic above 1 GiB): "
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

    const std::string first = argc > 1 ? argv[1] : "";
    if (!first.empty() && first[0] != '-' && first != "run" && first != "validate" && first != "init" &&
        first != "report") {
        std::cerr << "error: unknown command \"" << argv[1] << "\"; commands: run, report, validate, init\n"
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
    } catch (const models::ScenarioError& e) {
        return report_scenario_error(*run_cmd ? run_args.scenario : validate_scenario, e);
    } catch (const app::ResultsFileError& e) {
        std::cerr << "error: results: " << e.what() << "\n";
        return exit_internal;  // a run's own document failed to read back: a bug, not bad input
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

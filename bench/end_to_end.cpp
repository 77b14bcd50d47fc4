// End-to-end benchmark of the shipped custom-vs-standard scenario: the main
// job (simulation and every summary of the results file) at growing path counts on
// 1 and 2 threads, and a full Sobol sensitivity analysis, each through
// models::forecast, the call behind `roicast run`.
//
//   build/bench/end_to_end [--max 1000000] [--json bench/results/FILE.json]
//   build/bench/end_to_end --single PATHS THREADS [terminal]   (one row)
//
// Rows marked "terminal" run what `roicast run` without --json or a report
// runs: no IRR and no fan chart, which only files show.
//
// Peak resident memory is the process's high-water mark (getrusage), so sizes
// run in increasing order and each figure is the peak up to that run.
#include <sys/resource.h>
#include <sys/utsname.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "app/embedded_scenarios.hpp"
#include "models/forecast.hpp"
#include "models/scenario_loader.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown";
}

// One measurement in this process: the main job of `roicast run` (the same
// forecast call: stored or streamed by the same rule, every summary and the
// value of information) at `paths` on `threads`, for a results file (every
// metric) or for the terminal summary only. Prints a JSON row.
int measure(const models::Scenario& scenario, std::uint64_t paths, unsigned threads, bool terminal) {
    models::ForecastSettings settings;
    settings.paths = paths;
    settings.seed = 42;
    settings.threads = threads;
    settings.irr = settings.fan_chart = !terminal;
    const auto start = std::chrono::steady_clock::now();
    const models::Forecast forecast = models::forecast(scenario, settings);
    const double wall = seconds_since(start);
    const bool streamed = forecast.streaming.has_value();
    nlohmann::ordered_json row = {{"paths", paths},           {"threads", threads},
                                  {"wall_seconds", wall},     {"paths_per_second", static_cast<double>(paths) / wall},
                                  {"peak_rss_mib", peak_rss_mib()}, {"summaries", streamed ? "streamed" : "stored"},
                                  {"outputs", terminal ? "terminal" : "every metric"}};
    if (streamed) row["percentile_rank_error_bound"] = forecast.streaming->largest_bin_share;
    std::printf("%s\n", row.dump().c_str());
    return 0;
}

// Runs `command` and returns what it printed.
std::string output_of(const std::string& command) {
    std::string text;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        while (std::fgets(buffer, sizeof buffer, pipe)) text += buffer;
        ::pclose(pipe);
    }
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t max_paths = 1'000'000;
    std::string json_file;
    const auto scenario = models::parse_scenario(app::find_embedded("custom-vs-standard")->text);
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--max") == 0) max_paths = std::stoull(argv[i + 1]);
        if (std::strcmp(argv[i], "--json") == 0) json_file = argv[i + 1];
        if (std::strcmp(argv[i], "--single") == 0 && i + 2 < argc)
            return measure(scenario, std::stoull(argv[i + 1]), static_cast<unsigned>(std::stoul(argv[i + 2])),
                           i + 3 < argc && std::strcmp(argv[i + 3], "terminal") == 0);
    }
    nlohmann::ordered_json out;
    utsname machine{};
    uname(&machine);
    out["machine"] = {{"cpu", cpu_model()}, {"cores", std::thread::hardware_concurrency()},
                      {"kernel", machine.release}, {"build", "Release, g++ -O3 (CMake default)"}};
    out["scenario"] = {{"name", scenario.name}, {"options", scenario.options.size()},
                       {"months", scenario.simulated_months()}, {"uncertain_inputs", scenario.inputs.dimensions()}};

    // Each row in a process of its own, so that its peak resident memory is its own.
    std::printf("%12s %8s %10s %14s %12s  %s\n", "paths", "threads", "wall s", "paths/s", "peak MiB", "summaries");
    nlohmann::ordered_json runs = nlohmann::ordered_json::array();
    for (std::uint64_t paths = 10'000; paths <= max_paths; paths *= 10) {
        double one_thread = 0;
        for (const auto& [threads, terminal] : {std::pair{1u, false}, {2u, false}, {2u, true}}) {
            auto row = nlohmann::ordered_json::parse(output_of(std::string(argv[0]) + " --single " +
                                                              std::to_string(paths) + " " + std::to_string(threads) +
                                                              (terminal ? " terminal" : "")));
            const double wall = row["wall_seconds"];
            if (threads == 1) one_thread = wall;
            if (!terminal) row["speedup_vs_1_thread"] = threads == 1 ? 1.0 : one_thread / wall;
            std::printf("%12llu %8u %10.3f %14.0f %12.1f  %s%s\n", static_cast<unsigned long long>(paths), threads, wall,
                        row["paths_per_second"].get<double>(), row["peak_rss_mib"].get<double>(),
                        row["summaries"].get<std::string>().c_str(), terminal ? ", terminal summary only" : "");
            runs.push_back(row);
        }
    }
    out["main_job"] = runs;

    // The same model as a data analyst would write it in NumPy (bench/numpy_model.py), on the same
    // machine, at 10^5 paths (10^6 would take minutes); the ratio is against roicast's 2-thread rate.
    {
        const std::string numpy_json = "/tmp/roicast_numpy_bench.json";
        const std::string command = "/usr/bin/python3 " ROICAST_SOURCE_DIR "/bench/numpy_model.py " ROICAST_SOURCE_DIR
                                    "/scenarios/custom-vs-standard.json 100000 --json " + numpy_json;
        if (std::system(command.c_str()) == 0) {
            const auto numpy = nlohmann::json::parse(std::ifstream(numpy_json));
            double roicast_rate = 0;
            for (const auto& r : runs)
                if (r["paths"] == 100'000 && r["threads"] == 2 && r["outputs"] == "every metric")
                    roicast_rate = r["paths_per_second"];
            const double numpy_rate = numpy["paths_per_second"];
            std::printf("\nNumPy (bench/numpy_model.py), 100,000 paths: %.2f s = %.0f paths/s; roicast on 2 threads is "
                        "%.1fx faster\n", numpy["seconds"].get<double>(), numpy_rate, roicast_rate / numpy_rate);
            out["numpy_comparison"] = {{"paths", 100'000},
                                       {"numpy_seconds", numpy["seconds"]},
                                       {"numpy_paths_per_second", numpy_rate},
                                       {"roicast_paths_per_second", roicast_rate},
                                       {"speedup", roicast_rate / numpy_rate}};
            std::remove(numpy_json.c_str());
        } else {
            std::printf("\nNumPy comparison skipped: python3 with numpy and scipy is needed\n");
        }
    }

    // Process start to printed summary, 10^4 paths: the median of 11 runs of the command itself.
    {
        std::vector<double> walls;
        for (int k = 0; k < 11; ++k) {
            const auto start = std::chrono::steady_clock::now();
            if (std::system(ROICAST_BINARY " run custom-vs-standard --paths 10000 > /dev/null") != 0) break;
            walls.push_back(seconds_since(start));
        }
        if (!walls.empty()) {
            std::sort(walls.begin(), walls.end());
            const double median = walls[walls.size() / 2];
            std::printf("\nroicast run --paths 10000, process start to printed summary: %.0f ms (median of %zu)\n",
                        1000 * median, walls.size());
            out["start_to_summary_10k"] = {{"median_seconds", median}, {"runs", walls.size()}};
        }
    }

    // Sobol first and total order, all inputs, every horizon, npv, roi and payback:
    // the forecast with and without it, the difference being the analysis.
    models::ForecastSettings settings;
    settings.paths = 10'000;
    settings.seed = 42;
    auto start = std::chrono::steady_clock::now();
    (void)models::forecast(scenario, settings);
    const double without = seconds_since(start);
    settings.sensitivity = models::SensitivitySettings{{models::SensitivityMethod::sobol}, 1 << 13};
    start = std::chrono::steady_clock::now();
    const auto with_sobol = models::forecast(scenario, settings);
    const double wall = seconds_since(start) - without;
    std::printf("\nSobol analysis, N = 2^13 base rows, %llu model runs, all inputs and horizons: %.2f s\n",
                static_cast<unsigned long long>(with_sobol.sensitivity->sobol_paths), wall);
    out["sobol_sensitivity"] = {{"base_rows", 1 << 13}, {"model_runs", with_sobol.sensitivity->sobol_paths},
                                {"wall_seconds", wall}};

    if (!json_file.empty()) std::ofstream(json_file) << out.dump(2) << "\n";
    return 0;
}

// End-to-end benchmark of the shipped custom-vs-standard scenario: the main
// job (simulation and every summary of MODEL.md §5) at growing path counts on
// 1 and 2 threads, and a full Sobol sensitivity analysis.
//
//   build/bench/end_to_end [--max 1000000] [--json bench/results/FILE.json]
//
// Peak resident memory is the process's high-water mark (getrusage), so sizes
// run in increasing order and each figure is the peak up to that run.
#include <sys/resource.h>
#include <sys/utsname.h>

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
#include "models/results.hpp"
#include "models/scenario_loader.hpp"
#include "models/sensitivity.hpp"
#include "models/simulation.hpp"

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

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t max_paths = 1'000'000;
    std::string json_file;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--max") == 0) max_paths = std::stoull(argv[i + 1]);
        if (std::strcmp(argv[i], "--json") == 0) json_file = argv[i + 1];
    }
    const auto scenario = models::parse_scenario(app::find_embedded("custom-vs-standard")->text);
    nlohmann::ordered_json out;
    utsname machine{};
    uname(&machine);
    out["machine"] = {{"cpu", cpu_model()}, {"cores", std::thread::hardware_concurrency()},
                      {"kernel", machine.release}, {"build", "Release, g++ -O3 (CMake default)"}};
    out["scenario"] = {{"name", scenario.name}, {"options", scenario.options.size()},
                       {"months", scenario.simulated_months()}, {"uncertain_inputs", scenario.inputs.dimensions()}};

    std::printf("%12s %8s %10s %14s %12s\n", "paths", "threads", "wall s", "paths/s", "peak MiB");
    nlohmann::ordered_json runs = nlohmann::ordered_json::array();
    for (std::uint64_t paths = 10'000; paths <= max_paths; paths *= 10) {
        double one_thread = 0;
        for (unsigned threads : {1u, 2u}) {
            models::RunSettings settings;
            settings.paths = paths;
            settings.seed = 42;
            settings.threads = threads;
            const auto start = std::chrono::steady_clock::now();
            const auto store = models::simulate(scenario, settings);
            const auto results = models::summarize(scenario, store, threads);
            const double wall = seconds_since(start);
            if (threads == 1) one_thread = wall;
            const double rate = static_cast<double>(paths) / wall;
            std::printf("%12llu %8u %10.3f %14.0f %12.1f\n", static_cast<unsigned long long>(paths), threads, wall, rate,
                        peak_rss_mib());
            runs.push_back({{"paths", paths}, {"threads", threads}, {"wall_seconds", wall}, {"paths_per_second", rate},
                            {"peak_rss_mib", peak_rss_mib()},
                            {"speedup_vs_1_thread", threads == 1 ? 1.0 : one_thread / wall}});
            (void)results;
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
                if (r["paths"] == 100'000 && r["threads"] == 2) roicast_rate = r["paths_per_second"];
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

    // Sobol first and total order, all inputs, every horizon, npv, roi and payback.
    models::RunSettings settings;
    settings.paths = 10'000;
    settings.seed = 42;
    settings.keep_inputs = false;
    const auto base = models::simulate(scenario, settings);
    const auto start = std::chrono::steady_clock::now();
    const auto sens = models::analyse_sensitivity(scenario, settings, base, {{models::SensitivityMethod::sobol}, 1 << 13});
    const double wall = seconds_since(start);
    std::printf("\nSobol analysis, N = 2^13 base rows, %llu model runs, all inputs and horizons: %.2f s\n",
                static_cast<unsigned long long>(sens.sobol_paths), wall);
    out["sobol_sensitivity"] = {{"base_rows", 1 << 13}, {"model_runs", sens.sobol_paths}, {"wall_seconds", wall}};

    if (!json_file.empty()) std::ofstream(json_file) << out.dump(2) << "\n";
    return 0;
}

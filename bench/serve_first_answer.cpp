// Server-side time of the page's first answer: `POST /api/run` and
// `POST /api/view` (the results plus the sections the page shows) with the
// shipped custom-vs-standard scenario at 10,000 paths, on two threads, with
// the inverse-CDF tables prepared by an earlier request (as a running server
// has them). Calls app::server::Api in process: what the HTTP handler calls,
// without the loopback socket (a few hundred microseconds, measured apart by
// tests/server/check_load.py).
//
//   build/bench/serve_first_answer [--repeat 20] [--paths 10000]
#include <oneapi/tbb/global_control.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "app/embedded_scenarios.hpp"
#include "app/server/api.hpp"

namespace {

double load_average() {
    std::ifstream in("/proc/loadavg");
    double one = 0;
    in >> one;
    return one;
}

double cpu_ms() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// Wall-clock milliseconds per request, and CPU milliseconds per request over
// every thread: on a machine shared with other work the wall time grows, the
// CPU time much less.
struct Timing {
    double median = 0, p90 = 0, best = 0, cpu = 0;
};

template <class Call>
Timing measure(int repeat, Call call) {
    std::vector<double> ms;
    const double cpu_start = cpu_ms();
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const app::server::Reply reply = call();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (reply.status != 200) {
            std::fprintf(stderr, "status %d: %s\n", reply.status, reply.body.c_str());
            std::exit(1);
        }
    }
    const double cpu = (cpu_ms() - cpu_start) / repeat;
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 9 / 10)], ms.front(), cpu};
}

}  // namespace

int main(int argc, char** argv) {
    int repeat = 20;
    std::string paths = "10000";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--repeat")) repeat = std::max(1, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--paths")) paths = argv[i + 1];
    }
    const unsigned threads = 2;
    tbb::global_control cores(tbb::global_control::max_allowed_parallelism, threads);
    const std::string body(app::find_embedded("custom-vs-standard")->text);
    app::server::Api api;
    const app::server::Query query{{"paths", paths}};
    api.run(body, query, "");  // prepares the tables, as the page's first request does
    const Timing run = measure(repeat, [&] { return api.run(body, query, ""); });
    const Timing view = measure(repeat, [&] { return api.view(body, query, ""); });
    std::printf("{\"scenario\": \"custom-vs-standard\", \"paths\": %s, \"threads\": %u, \"repeat\": %d, "
                "\"cores_online\": %u, \"load_average_1min\": %.2f,\n"
                " \"api_run_ms\": {\"median\": %.1f, \"p90\": %.1f, \"best\": %.1f, \"cpu\": %.1f},\n"
                " \"api_view_ms\": {\"median\": %.1f, \"p90\": %.1f, \"best\": %.1f, \"cpu\": %.1f}}\n",
                paths.c_str(), threads, repeat, std::thread::hardware_concurrency(), load_average(), run.median,
                run.p90, run.best, run.cpu, view.median, view.p90, view.best, view.cpu);
    return 0;
}

#include "app/progress_bar.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace app {

ProgressBar::ProgressBar(const std::atomic<std::uint64_t>& done, std::uint64_t total, bool enabled) {
    if (!enabled || !::isatty(STDERR_FILENO)) return;
    drawer_ = std::jthread([&done, total](std::stop_token stop) {
        using namespace std::chrono_literals;
        // Runs shorter than this never show a bar.
        for (int i = 0; i < 5 && !stop.stop_requested(); ++i) std::this_thread::sleep_for(100ms);
        bool drawn = false;
        while (!stop.stop_requested()) {
            const double share = static_cast<double>(done.load(std::memory_order_relaxed)) / static_cast<double>(total);
            const int width = 40, filled = static_cast<int>(share * width);
            std::fprintf(stderr, "\r[%s%s] %3.0f %%", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                         std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), 100 * share);
            std::fflush(stderr);
            drawn = true;
            std::this_thread::sleep_for(200ms);
        }
        if (drawn) std::fprintf(stderr, "\r%60s\r", "");
    });
}

ProgressBar::~ProgressBar() {
    if (drawer_.joinable()) {
        drawer_.request_stop();
        drawer_.join();
    }
}

}  // namespace app

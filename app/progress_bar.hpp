#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

namespace app {

// A progress bar on stderr, drawn from its own thread while a long run fills
// `done`; shown only when stderr is a terminal. The simulation never waits on it.
class ProgressBar {
public:
    ProgressBar(const std::atomic<std::uint64_t>& done, std::uint64_t total, bool enabled);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

private:
    std::jthread drawer_;
};

}  // namespace app

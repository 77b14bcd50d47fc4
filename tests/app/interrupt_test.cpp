// Ctrl-C on a long run: it stops promptly with a message and exit code 130,
// an existing results file is left as it was, and no temporary file remains.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>
#include <vector>

#include "run_roicast.hpp"

namespace {

// Runs roicast with `arguments` (stderr to `err`, stdout discarded),
// sends `signal` after 1.5 s and returns (exit code, seconds to stop).
std::pair<int, double> interrupted_run(const std::vector<std::string>& arguments, int signal,
                                       const std::filesystem::path& err) {
    const pid_t child = fork();
    if (child == 0) {
        const int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, STDERR_FILENO);
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        std::vector<char*> argv = {const_cast<char*>("roicast")};
        for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(ROICAST_BINARY, argv.data());
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const auto sent = std::chrono::steady_clock::now();
    kill(child, signal);
    int status = 0;
    waitpid(child, &status, 0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, seconds};
}

// SIGTERM during the sensitivity phase (a Sobol design far longer than the
// main run): exit 143, as a shell reports it, promptly, nothing written.
TEST(Interrupt, SigtermDuringSensitivityExits143AndWritesNothing) {
    const auto dir = test::scratch_folder("sigterm");
    const auto err = dir / "err.txt";
    const auto [code, seconds] = interrupted_run({"run", "--paths", "2000", "--sensitivity", "sobol", "--sobol-samples",
                                                  "32768", "--json", (dir / "r.json").string(), "--csv",
                                                  (dir / "csv").string()},
                                                 SIGTERM, err);
    EXPECT_EQ(code, 143) << test::slurp(err);
    EXPECT_LT(seconds, 5.0) << "not prompt";
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 1);  // err.txt
    std::filesystem::remove_all(dir);
}

TEST(Interrupt, SigintStopsCleanlyAndKeepsTheOldResults) {
    const auto dir = test::scratch_folder("interrupt");
    const auto results = dir / "r.json", err = dir / "err.txt";
    std::ofstream(results) << "previous results";
    // A million paths take far longer than the 1.5 s the helper waits.
    // Streamed: a stored run first allocates its 1.4 GB store, which under
    // AddressSanitizer on a loaded machine alone can outlast the bound below.
    const auto [code, stop_seconds] =
        interrupted_run({"run", "--paths", "1000000", "--stream", "--json", results.string()}, SIGINT, err);

    EXPECT_EQ(code, 130) << test::slurp(err);
    // Prompt for a person at a terminal, with room for sanitizer builds on a busy machine.
    EXPECT_LT(stop_seconds, 5.0) << "not prompt";
    EXPECT_NE(test::slurp(err).find("interrupted"), std::string::npos) << test::slurp(err);
    EXPECT_EQ(test::slurp(results), "previous results");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 2);  // r.json, err.txt
    std::filesystem::remove_all(dir);
}

}  // namespace

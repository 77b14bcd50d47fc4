#pragma once
// Runs the built roicast binary in a shell and captures what it says.

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace test {

struct Outcome {
    int exit_code = -1;
    std::string out, err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A scenario shipped in scenarios/, by name ("custom-vs-standard").
inline std::string scenario_file(const std::string& name) {
    return std::string(ROICAST_SOURCE_DIR) + "/scenarios/" + name + ".json";
}

inline Outcome roicast(const std::string& arguments) {
    const auto dir = std::filesystem::temp_directory_path();
    const auto out = dir / ("roicast_out_" + std::to_string(::getpid()));
    const auto err = dir / ("roicast_err_" + std::to_string(::getpid()));
    const std::string command = std::string(ROICAST_BINARY) + " " + arguments + " >" + out.string() + " 2>" +
                                err.string() + " </dev/null";
    const int status = std::system(command.c_str());
    Outcome o{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return o;
}

// A fresh, empty temporary folder for one test.
inline std::filesystem::path scratch_folder(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / ("roicast_test_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace test

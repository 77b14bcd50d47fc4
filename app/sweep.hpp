#pragma once
// roicast sweep and roicast solve (docs/model.md, "Sweeps and goal seeking"):
// one scenario value varied over a range, every point forecast on the same
// seed and paths (common random numbers), statistics read from each point's
// results document by their dotted path.

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace app {

// A command-line argument that does not parse; `where` names the flag.
struct BadArgument : std::runtime_error {
    std::string where;
    BadArgument(std::string where_, const std::string& message)
        : std::runtime_error(message), where(std::move(where_)) {}
};

// --vary PATH=FROM:TO[:POINTS]
struct Vary {
    std::string path;
    double from = 0, to = 0;
    std::optional<int> points;
};
Vary parse_vary(std::string_view argument);

// --target STAT=VALUE
struct Target {
    std::string stat;
    double value = 0;
};
Target parse_target(std::string_view argument);

// The evenly spaced values of a sweep, both ends included.
std::vector<double> sweep_values(const Vary& vary);

// The value of STAT in a results document: a number, or NaN for null. Throws
// BadArgument ("--stat") when the path does not exist or does not end at a
// number (with the nearest key as a suggestion).
double stat_value(const nlohmann::ordered_json& results, const std::string& stat, const char* flag);

// Runs the scenario with the varied path set to x and returns its results document.
using Evaluate = std::function<nlohmann::ordered_json(double x)>;

struct SweepResult {
    std::string path;
    std::string currency;  // of the scenario, to show money statistics
    std::vector<double> values;
    std::vector<std::string> stats;
    std::vector<std::vector<double>> series;  // per stat, per value; NaN where null
    // Per stat, per value: the 95 % interval of the statistic where the
    // results give one (a mean's CI; a probability's Wilson interval).
    std::vector<std::vector<std::optional<std::array<double, 2>>>> bands;
};

SweepResult sweep(const Vary& vary, const std::vector<std::string>& stats, const Evaluate& evaluate);

struct SolveResult {
    std::string path, stat;
    std::string currency;
    double target = 0, from = 0, to = 0, tolerance = 0;
    bool bracketed = false;
    double value = 0, achieved = 0;   // the answer and STAT there (when bracketed)
    double at_from = 0, at_to = 0;    // STAT at both ends
    std::vector<std::array<double, 2>> evaluations;  // [x, STAT] in the order they were run
};

// Bisection on [from, to] until the bracket is no wider than `tolerance`;
// the answer is the bracket's midpoint, and STAT is evaluated there. A null
// payback percentile (not reached) counts as +∞.
SolveResult solve(const Vary& vary, const Target& target, double tolerance, const Evaluate& evaluate);

// The results files' keys for a sweep and a solve.
nlohmann::ordered_json to_json(const SweepResult& r);
nlohmann::ordered_json to_json(const SolveResult& r);

// How a statistic reads for people: money, a share, months or a plain number.
enum class StatKind { money, share, months, number };
StatKind stat_kind(const std::string& stat);
std::string show_stat(double value, StatKind kind, const std::string& currency);

// "payback_months.p50 of custom is 14 at options.custom.adoption.ceiling = 0.73; …": the answer in words.
std::string solve_sentence(const SolveResult& r);

}  // namespace app

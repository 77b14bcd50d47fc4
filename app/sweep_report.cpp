#include "app/sweep_report.hpp"

#include <charconv>
#include <cmath>

#include "app/csv_report.hpp"
#include "app/escaped_stream.hpp"
#include "app/format.hpp"

namespace app {

namespace {

std::string padded(const std::string& s, std::size_t width) {
    std::size_t shown = 0;
    for (unsigned char c : s) shown += (c & 0xC0) != 0x80;
    return shown >= width ? s : std::string(width - shown, ' ') + s;
}

}  // namespace

void print_sweep(std::ostream& terminal, const SweepResult& r) {
    TerminalStream out(terminal);
    out << "sweep of " << r.path << " (every point on the same seed and paths)\n";
    for (std::size_t k = 0; k < r.stats.size(); ++k) out << "  [" << k + 1 << "] " << r.stats[k] << "\n";
    out << "\n" << padded("value", 14);
    for (std::size_t k = 0; k < r.stats.size(); ++k) out << padded("[" + std::to_string(k + 1) + "]", 16);
    out << "\n";
    for (std::size_t i = 0; i < r.values.size(); ++i) {
        out << padded(show_stat(r.values[i], StatKind::number, r.currency), 14);
        for (std::size_t k = 0; k < r.stats.size(); ++k)
            out << padded(show_stat(r.series[k][i], stat_kind(r.stats[k]), r.currency), 16);
        out << "\n";
    }
}

void print_solve(std::ostream& terminal, const SolveResult& r) {
    TerminalStream out(terminal);
    const StatKind kind = stat_kind(r.stat);
    out << solve_sentence(r) << "\n\n" << padded("value", 14) << padded("statistic", 16) << "\n";
    for (const auto& [x, y] : r.evaluations)
        out << padded(show_stat(x, StatKind::number, r.currency), 14) << padded(show_stat(y, kind, r.currency), 16) << "\n";
}

void write_sweep_csv(std::ostream& out, const SweepResult& r) {
    out << "path,value,stat,estimate,ci95_low,ci95_high\r\n";
    for (std::size_t k = 0; k < r.stats.size(); ++k)
        for (std::size_t i = 0; i < r.values.size(); ++i) {
            const auto& band = r.bands[k][i];
            out << csv_field(r.path) << "," << csv_number(r.values[i]) << "," << csv_field(r.stats[k]) << ","
                << csv_number(r.series[k][i]) << "," << (band ? csv_number((*band)[0]) : "") << ","
                << (band ? csv_number((*band)[1]) : "") << "\r\n";
        }
}

void write_solve_csv(std::ostream& out, const SolveResult& r) {
    out << "step,path,value,stat,estimate\r\n";
    for (std::size_t i = 0; i < r.evaluations.size(); ++i)
        out << i + 1 << "," << csv_field(r.path) << "," << csv_number(r.evaluations[i][0]) << "," << csv_field(r.stat) << ","
            << csv_number(r.evaluations[i][1]) << "\r\n";
}

}  // namespace app

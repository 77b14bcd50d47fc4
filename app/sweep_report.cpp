#include "app/sweep_report.hpp"

#include <charconv>
#include <cmath>

#include "app/csv_report.hpp"
#include "app/escaped_stream.hpp"
#include "app/format.hpp"

namespace app {

void print_sweep(std::ostream& terminal, const SweepResult& r) {
    TerminalStream out(terminal);
    out << "sweep of " << r.path << " (every point on the same seed and paths)\n";
    for (std::size_t k = 0; k < r.stats.size(); ++k) out << "  [" << k + 1 << "] " << r.stats[k] << "\n";
    out << "\n" << pad("value", 14, true);
    for (std::size_t k = 0; k < r.stats.size(); ++k) out << pad("[" + std::to_string(k + 1) + "]", 16, true);
    out << "\n";
    for (std::size_t i = 0; i < r.values.size(); ++i) {
        out << pad(show_stat(r.values[i], StatKind::number, r.currency), 14, true);
        for (std::size_t k = 0; k < r.stats.size(); ++k)
            out << pad(show_stat(r.series[k][i], stat_kind(r.stats[k]), r.currency), 16, true);
        out << "\n";
    }
}

void print_solve(std::ostream& terminal, const SolveResult& r) {
    TerminalStream out(terminal);
    const StatKind kind = stat_kind(r.stat);
    out << solve_sentence(r) << "\n\n" << pad("value", 14, true) << pad("statistic", 16, true) << "\n";
    for (const auto& [x, y] : r.evaluations)
        out << pad(show_stat(x, StatKind::number, r.currency), 14, true) << pad(show_stat(y, kind, r.currency), 16, true) << "\n";
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

#pragma once

#include <ostream>

#include "app/sweep.hpp"

namespace app {

// The terminal table of a sweep: each value with each statistic (and its 95 % interval where known).
void print_sweep(std::ostream& out, const SweepResult& r);
// The answer of a solve in a sentence, and the points it ran.
void print_solve(std::ostream& out, const SolveResult& r);

// Tidy CSV (RFC 4180): value, stat, estimate, ci95_low, ci95_high.
void write_sweep_csv(std::ostream& out, const SweepResult& r);
// Tidy CSV: step, value, stat, estimate; the answer is the last row.
void write_solve_csv(std::ostream& out, const SolveResult& r);

}  // namespace app

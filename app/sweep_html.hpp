#pragma once

#include <ostream>

#include "app/sweep.hpp"

namespace app {

// Self-contained HTML pages (app/html_page.hpp) for `roicast sweep --html`
// and `roicast solve --html`.

// Each statistic against the varied value, with its 95 % band where the
// results give one, and the table of points.
void write_sweep_html(std::ostream& out, const SweepResult& r);

// The answer in a sentence, every evaluation plotted with the target line,
// and the table of evaluations in the order they were run.
void write_solve_html(std::ostream& out, const SolveResult& r);

}  // namespace app

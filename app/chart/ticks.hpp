#pragma once

#include <vector>

namespace app::chart {

// Axis ticks at "nice" steps (1, 2, 2.5 or 5 × 10^k, Heckbert 1990) that
// cover [low, high]: the first tick ≤ low, the last ≥ high, about `target`
// intervals. A degenerate range is widened around its value.
std::vector<double> nice_ticks(double low, double high, int target = 5);

// Ticks for a month axis: steps of 1, 2, 3, 6, 12, 24 … months from 0.
std::vector<double> month_ticks(double last_month, int target = 6);

}  // namespace app::chart

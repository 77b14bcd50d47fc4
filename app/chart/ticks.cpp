#include "app/chart/ticks.hpp"

#include <cmath>

namespace app::chart {

namespace {

// The nice number nearest to x (round) or not below it.
double nice_step(double x) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(x)));
    const double f = x / magnitude;
    const double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * magnitude;
}

std::vector<double> ticks_with_step(double low, double high, double step) {
    std::vector<double> ticks;
    const double first = std::floor(low / step + 1e-9), last = std::ceil(high / step - 1e-9);
    for (double k = first; k <= last; ++k) {
        const double t = k * step;
        ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);  // no "-0"
    }
    return ticks;
}

}  // namespace

std::vector<double> nice_ticks(double low, double high, int target) {
    if (!std::isfinite(low) || !std::isfinite(high)) return {0, 1};
    if (low > high) std::swap(low, high);
    // A span beyond the largest double has no step to divide it: its ends are the ticks.
    if (!std::isfinite(high - low)) return {low, high};
    if (high - low <= std::abs(high) * 1e-12) {
        const double pad = low == 0 ? 1 : std::abs(low) * 0.1;
        low -= pad;
        high += pad;
    }
    return ticks_with_step(low, high, nice_step((high - low) / std::max(target, 1)));
}

std::vector<double> month_ticks(double last_month, int target) {
    for (double step : {1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 60.0, 120.0})
        if (last_month / step <= target) return ticks_with_step(0, std::max(last_month, 1.0), step);
    return nice_ticks(0, last_month, target);  // beyond 120-month steps (or not a number of months)
}

}  // namespace app::chart

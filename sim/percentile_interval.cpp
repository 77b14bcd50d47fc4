#include "sim/percentile_interval.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/moments.hpp"
#include "sim/order_statistics.hpp"

namespace sim {

std::pair<double, double> percentile_ci95(std::span<double> values, double p) {
    if (values.empty()) return {NAN, NAN};
    const double n = static_cast<double>(values.size());
    const double spread = z_975 * std::sqrt(n * p * (1 - p));
    const auto clamp_rank = [&](double r) {
        return static_cast<std::size_t>(std::clamp(r, 0.0, n - 1));
    };
    const std::vector<std::size_t> ranks = {clamp_rank(std::floor(n * p - spread)), clamp_rank(std::ceil(n * p + spread))};
    select_order_statistics(values, ranks);
    return {values[ranks[0]], values[ranks[1]]};
}

}  // namespace sim

#include "sim/summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "sim/moments.hpp"
#include "sim/order_statistics.hpp"

namespace sim {

double Summary::percentile(double p) const {
    for (std::size_t i = 0; i < summary_percentiles.size(); ++i)
        if (summary_percentiles[i] == p) return percentiles[i];
    throw std::out_of_range("percentile not in the summary");
}

double percentile_of_sorted(std::span<const double> sorted, double p) {
    if (sorted.empty()) return NAN;
    const double position = p * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(position));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return between_order_statistics(sorted[lo], sorted[hi], position - static_cast<double>(lo));
}

Summary summarize(std::vector<double> values) {
    Summary s;
    const auto defined_end =
        std::partition(values.begin(), values.end(), [](double x) { return !std::isnan(x); });
    s.undefined = static_cast<std::uint64_t>(values.end() - defined_end);
    values.erase(defined_end, values.end());
    s.count = values.size();
    if (values.empty()) {
        s.mean = s.sd = s.mean_ci_low = s.mean_ci_high = NAN;
        s.percentiles.fill(NAN);
        s.prob_positive = s.expected_shortfall_5 = s.min = s.max = NAN;
        return s;
    }
    RunningMoments m;
    for (double x : values) m.add(x);
    s.mean = m.mean();
    s.sd = values.size() > 1 ? m.sd() : 0.0;
    const double h = z_975 * s.sd / std::sqrt(static_cast<double>(s.count));
    s.mean_ci_low = s.mean - h;
    s.mean_ci_high = s.mean + h;

    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    s.min = *low;
    s.max = *high;
    const auto positives = std::count_if(values.begin(), values.end(), [](double x) { return x > 0; });
    s.prob_positive = static_cast<double>(positives) / static_cast<double>(s.count);

    // The ⌈5 %⌉ lowest values end up in front once their last rank is
    // selected, in the same pass as the percentiles.
    const auto tail = static_cast<std::size_t>(std::ceil(0.05 * static_cast<double>(s.count)));
    const std::size_t tail_rank = tail - 1;
    const auto p = select_percentiles(values, summary_percentiles, std::span<const std::size_t>(&tail_rank, 1));
    std::copy(p.begin(), p.end(), s.percentiles.begin());
    s.expected_shortfall_5 =
        std::accumulate(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(tail), 0.0) /
        static_cast<double>(tail);
    return s;
}

}  // namespace sim

#include "models/convergence.hpp"

#include <cmath>

#include "sim/percentile_interval.hpp"

namespace models {

std::vector<HeadlineStatistic> headline_statistics(const Scenario& s, const Results& r, const PathStore& store,
                                                   double target) {
    std::vector<HeadlineStatistic> out;
    const auto add = [&](std::string name, double value, double half_width) {
        const bool met = std::isfinite(value) && std::isfinite(half_width) && half_width <= target * std::abs(value);
        out.push_back({std::move(name), value, half_width, met});
    };
    const auto median_interval = [&](std::vector<double> v) {
        std::erase_if(v, [](double x) { return std::isnan(x); });
        const auto [lo, hi] = sim::percentile_ci95(v, 0.5);
        return 0.5 * (hi - lo);
    };
    for (std::size_t o = 0; o < r.options.size(); ++o) {
        const auto& opt = r.options[o];
        for (std::size_t h = 0; h < s.horizons.size(); ++h) {
            const std::string suffix = "." + std::to_string(s.horizons[h].months);
            const auto& npv = opt.horizons[h][static_cast<std::size_t>(Metric::npv)];
            add(opt.name + ".npv_mean" + suffix, npv.mean, 0.5 * (npv.mean_ci_high - npv.mean_ci_low));
            const auto& roi = opt.horizons[h][static_cast<std::size_t>(Metric::roi)];
            add(opt.name + ".roi_p50" + suffix, roi.percentile(0.5), median_interval(store.metric(o, h, Metric::roi).to_vector()));
        }
        add(opt.name + ".payback_p50", opt.payback.percentiles[2], median_interval(store.payback(o, false).to_vector()));
    }
    return out;
}

}  // namespace models

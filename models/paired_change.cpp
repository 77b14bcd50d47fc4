#include "models/paired_change.hpp"

#include <algorithm>
#include <stdexcept>

#include "models/financial_metrics.hpp"
#include "sim/order_statistics.hpp"

namespace models {

KeyPaths key_paths(const PathStore& store) {
    const StoreShape& shape = store.shape();
    KeyPaths k{store.paths(), shape.options, shape.horizons, {}, {}};
    k.npv.reserve(k.paths * k.options * k.horizons);
    k.payback.reserve(k.paths * k.options);
    for (std::size_t o = 0; o < k.options; ++o) {
        for (std::size_t h = 0; h < k.horizons; ++h) {
            const auto& column = store.metric(o, h, Metric::npv);
            k.npv.insert(k.npv.end(), column.begin(), column.end());
        }
        const auto& payback = store.payback(o, false);
        k.payback.insert(k.payback.end(), payback.begin(), payback.end());
    }
    return k;
}

PairedChange paired_change(const KeyPaths& base, const KeyPaths& variant) {
    if (base.options != variant.options || base.horizons != variant.horizons)
        throw std::invalid_argument("paired_change: the runs have different options or horizons");
    PairedChange out;
    const std::uint64_t n = std::min(base.paths, variant.paths);
    out.paths = n;
    if (n == 0) return out;
    const double share = 1.0 / static_cast<double>(n);
    std::vector<double> difference(n);
    static constexpr double levels[] = {0.10, 0.50, 0.90};
    for (std::size_t o = 0; o < base.options; ++o) {
        OptionChange& change = out.options.emplace_back();
        for (std::size_t h = 0; h < base.horizons; ++h) {
            const double* b = base.npv.data() + (o * base.horizons + h) * base.paths;
            const double* v = variant.npv.data() + (o * variant.horizons + h) * variant.paths;
            double sum = 0;
            std::uint64_t worse = 0;
            for (std::uint64_t i = 0; i < n; ++i) {
                difference[i] = v[i] - b[i];
                sum += difference[i];
                worse += v[i] < b[i];
            }
            const auto q = sim::select_percentiles(difference, levels);
            change.horizons.push_back({sum * share, q[0], q[1], q[2], static_cast<double>(worse) * share});
        }
        const double* b = base.payback.data() + o * base.paths;
        const double* v = variant.payback.data() + o * variant.paths;
        std::uint64_t later = 0;
        for (std::uint64_t i = 0; i < n; ++i) later += v[i] > b[i];  // +∞ > +∞ is false: neither pays back
        change.prob_payback_later = static_cast<double>(later) * share;
    }
    return out;
}

}  // namespace models

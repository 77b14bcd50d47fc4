#include "sim/binned_quantiles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/invalid_parameter.hpp"
#include "sim/summary.hpp"

namespace sim {

BinnedQuantiles::BinnedQuantiles(std::span<const double> pilot, std::size_t bins) {
    if (bins < 2) throw InvalidParameter("bins", "binned quantiles need at least two bins");
    std::vector<double> finite;
    finite.reserve(pilot.size());
    for (double x : pilot)
        if (std::isfinite(x)) finite.push_back(x);
    std::sort(finite.begin(), finite.end());
    if (!finite.empty())
        for (std::size_t k = 1; k < bins; ++k) {
            const double e = percentile_of_sorted(finite, static_cast<double>(k) / static_cast<double>(bins));
            if (edges_.empty() || e > edges_.back()) edges_.push_back(e);
        }
    counts_.assign(edges_.size() + 1, 0);
    low_.assign(counts_.size(), std::numeric_limits<double>::infinity());
    high_.assign(counts_.size(), -std::numeric_limits<double>::infinity());
    min_ = std::numeric_limits<double>::infinity();
    max_ = -std::numeric_limits<double>::infinity();
}

void BinnedQuantiles::add(double x) noexcept {
    if (std::isnan(x)) {
        ++undefined_;
        return;
    }
    if (std::isinf(x) && x > 0) {
        ++infinite_;
        return;
    }
    ++finite_;
    min_ = std::min(min_, x);
    max_ = std::max(max_, x);
    // The number of edges ≤ x, by a branch-free binary search (conditional
    // moves instead of unpredictable jumps: this runs for every output of every path).
    std::size_t j = 0;
    if (!edges_.empty()) {
        const double* base = edges_.data();
        for (std::size_t n = edges_.size(); n > 1;) {
            const std::size_t half = n / 2;
            base = base[half] <= x ? base + half : base;
            n -= half;
        }
        j = static_cast<std::size_t>(base - edges_.data()) + (*base <= x);
    }
    ++counts_[j];
    low_[j] = std::min(low_[j], x);
    high_[j] = std::max(high_[j], x);
}

void BinnedQuantiles::merge(const BinnedQuantiles& o) {
    if (o.counts_.size() != counts_.size())
        throw InvalidParameter("other", "binned quantiles merge only with the same bins");
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        counts_[i] += o.counts_[i];
        low_[i] = std::min(low_[i], o.low_[i]);
        high_[i] = std::max(high_[i], o.high_[i]);
    }
    finite_ += o.finite_;
    infinite_ += o.infinite_;
    undefined_ += o.undefined_;
    min_ = std::min(min_, o.min_);
    max_ = std::max(max_, o.max_);
}

double BinnedQuantiles::percentile(double p) const {
    const std::uint64_t n = count();
    if (n == 0) return NAN;
    const double rank = p * static_cast<double>(n - 1);
    if (finite_ == 0 || rank > static_cast<double>(finite_ - 1)) return std::numeric_limits<double>::infinity();
    double before = 0;
    for (std::size_t j = 0; j < counts_.size(); ++j) {
        const auto c = static_cast<double>(counts_[j]);
        if (c == 0 || rank >= before + c) {
            before += c;
            continue;
        }
        // Linear in rank from the bin's smallest value to its largest: exact for
        // the extremes and for a bin of equal values (an atom, e.g. a month).
        const double lo = low_[j], hi = high_[j];
        const double within = c > 1 ? std::clamp((rank - before) / (c - 1), 0.0, 1.0) : 0.5;
        return lo + within * (hi - lo);
    }
    return max_;
}

double BinnedQuantiles::largest_bin_share() const {
    std::uint64_t largest = 0;
    for (std::size_t j = 0; j < counts_.size(); ++j)
        if (low_[j] < high_[j]) largest = std::max(largest, counts_[j]);  // equal values: no error within
    return count() ? static_cast<double>(largest) / static_cast<double>(count()) : 0.0;
}

}  // namespace sim

#include "sim/histogram.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/invalid_parameter.hpp"

namespace sim {

Histogram::Histogram(double low, double high, std::size_t bins) : low_(low), high_(high) {
    if (bins == 0) throw InvalidParameter("bins", "a histogram needs at least one bin");
    if (!(std::isfinite(low) && std::isfinite(high) && low < high))
        throw InvalidParameter("high", "a histogram needs finite low < high, got low=" +
                                           format_number(low) + ", high=" + format_number(high));
    width_ = (high - low) / static_cast<double>(bins);
    counts_.assign(bins, 0);
}

Histogram Histogram::spanning(std::span<const double> values, std::size_t bins) {
    double lo = INFINITY, hi = -INFINITY;
    for (double x : values)
        if (std::isfinite(x)) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    if (!(lo <= hi)) lo = 0, hi = 1;
    if (lo == hi) hi = lo + 1;
    // One ulp wider, so the maximum falls inside the last bin of [low, high).
    Histogram h(lo, std::nextafter(hi, INFINITY), bins);
    for (double x : values) h.add(x);
    return h;
}

void Histogram::add(double x) noexcept {
    if (std::isnan(x)) ++undefined_;
    else if (x < low_) ++below_;
    else if (x >= high_) ++above_;
    else {
        auto i = static_cast<std::size_t>((x - low_) / width_);
        counts_[std::min(i, counts_.size() - 1)]++;
    }
}

void Histogram::merge(const Histogram& o) {
    if (o.low_ != low_ || o.high_ != high_ || o.counts_.size() != counts_.size())
        throw InvalidParameter("bins", "histograms with different bins cannot be merged");
    for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += o.counts_[i];
    below_ += o.below_;
    above_ += o.above_;
    undefined_ += o.undefined_;
}

std::uint64_t Histogram::total() const noexcept {
    return std::accumulate(counts_.begin(), counts_.end(), std::uint64_t{0}) + below_ + above_ +
           undefined_;
}

}  // namespace sim

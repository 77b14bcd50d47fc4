#include "sim/binned_quantiles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/invalid_parameter.hpp"
#include "sim/summary.hpp"

namespace sim {

namespace {
constexpr double infinity = std::numeric_limits<double>::infinity();
}

BinnedQuantiles::BinnedQuantiles(std::span<const double> pilot, std::size_t bins) {
    if (bins < 2) throw InvalidParameter("bins", "binned quantiles need at least two bins");
    std::vector<double> finite;
    finite.reserve(pilot.size());
    for (double x : pilot)
        if (std::isfinite(x)) finite.push_back(x);
    std::sort(finite.begin(), finite.end());
    // A value the pilot repeats across edges is a point mass (a risk that did
    // not occur, a cost not yet started): it gets a bin of its own,
    // [v, next double above v), which holds only v and so adds no rank error,
    // instead of sharing one with the values just above it.
    if (!finite.empty())
        for (std::size_t k = 1; k < bins; ++k) {
            const double e = percentile_of_sorted(finite, static_cast<double>(k) / static_cast<double>(bins));
            if (edges_.empty() || e > edges_.back()) edges_.push_back(e);
            else if (e == edges_.back()) edges_.push_back(std::nextafter(e, infinity));
        }
    bins_.assign(edges_.size() + 1, Bin{0, infinity, -infinity});
    min_ = infinity;
    max_ = -infinity;

    // A uniform grid over the edges' range, each cell knowing the first edge
    // in it: finding a value's bin is then one lookup and a few comparisons
    // instead of a binary search's dozen dependent loads.
    if (edges_.size() >= 2) {
        grid_low_ = edges_.front();
        grid_scale_ = static_cast<double>(edges_.size()) / (edges_.back() - edges_.front());
        if (!std::isfinite(grid_scale_)) grid_scale_ = 0;
        first_in_cell_.assign(edges_.size() + 2, static_cast<std::uint32_t>(edges_.size()));
        for (std::size_t k = edges_.size(); k-- > 0;) first_in_cell_[cell(edges_[k])] = static_cast<std::uint32_t>(k);
        for (std::size_t c = first_in_cell_.size() - 1; c-- > 0;)
            first_in_cell_[c] = std::min(first_in_cell_[c], first_in_cell_[c + 1]);
    }
}

std::size_t BinnedQuantiles::cell(double x) const noexcept {
    // Monotone in x, so edges in earlier cells are below x and in later ones above.
    const double c = (x - grid_low_) * grid_scale_;
    return c <= 0 ? 0 : std::min(static_cast<std::size_t>(c), first_in_cell_.size() - 2);
}

std::size_t BinnedQuantiles::bin_of(double x) const noexcept {
    if (edges_.size() < 2) return edges_.empty() || x < edges_[0] ? 0 : 1;
    // The number of edges ≤ x: all edges of earlier cells, then those of x's own cell up to x.
    const std::size_t c = cell(x);
    std::size_t j = first_in_cell_[c];
    const std::size_t end = first_in_cell_[c + 1];
    while (j < end && edges_[j] <= x) ++j;
    return j;
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
    Bin& b = bins_[bin_of(x)];
    ++b.count;
    b.low = std::min(b.low, x);
    b.high = std::max(b.high, x);
}

void BinnedQuantiles::merge(const BinnedQuantiles& o) {
    if (o.bins_.size() != bins_.size()) throw InvalidParameter("other", "binned quantiles merge only with the same bins");
    for (std::size_t i = 0; i < bins_.size(); ++i) {
        bins_[i].count += o.bins_[i].count;
        bins_[i].low = std::min(bins_[i].low, o.bins_[i].low);
        bins_[i].high = std::max(bins_[i].high, o.bins_[i].high);
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
    if (finite_ == 0 || rank > static_cast<double>(finite_ - 1)) return infinity;
    double before = 0;
    for (const Bin& b : bins_) {
        const auto c = static_cast<double>(b.count);
        if (c == 0 || rank >= before + c) {
            before += c;
            continue;
        }
        // Linear in rank from the bin's smallest value to its largest: exact for
        // the extremes and for a bin of equal values (an atom, e.g. a month).
        const double within = c > 1 ? std::clamp((rank - before) / (c - 1), 0.0, 1.0) : 0.5;
        return b.low + within * (b.high - b.low);
    }
    return max_;
}

double BinnedQuantiles::largest_bin_share() const {
    std::uint64_t largest = 0;
    for (const Bin& b : bins_)
        if (b.low < b.high) largest = std::max(largest, b.count);  // equal values: no error within
    return count() ? static_cast<double>(largest) / static_cast<double>(count()) : 0.0;
}

}  // namespace sim

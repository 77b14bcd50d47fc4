#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/invalid_parameter.hpp"

namespace sim {

// Equal-width bins over [low, high); values outside are counted apart, NaN as
// undefined. Histograms with the same bins merge (per-thread counts summed).
class Histogram {
public:
    Histogram(double low, double high, std::size_t bins);

    // Bins spanning the finite values given (at least one bin of width 1 when
    // they are all equal).
    static Histogram spanning(std::span<const double> values, std::size_t bins);

    void add(double x) noexcept;
    void merge(const Histogram& other);

    double low() const noexcept { return low_; }
    double high() const noexcept { return high_; }
    double bin_width() const noexcept { return width_; }
    double bin_low(std::size_t i) const noexcept { return low_ + static_cast<double>(i) * width_; }
    const std::vector<std::uint64_t>& counts() const noexcept { return counts_; }
    std::uint64_t below() const noexcept { return below_; }
    std::uint64_t above() const noexcept { return above_; }
    std::uint64_t undefined() const noexcept { return undefined_; }
    std::uint64_t total() const noexcept;

private:
    double low_, high_, width_;
    std::vector<std::uint64_t> counts_;
    std::uint64_t below_ = 0, above_ = 0, undefined_ = 0;
};

}  // namespace sim

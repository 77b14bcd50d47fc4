#pragma once

#include <cmath>
#include <cstdint>
#include <utility>

namespace sim {

// Φ⁻¹(0.975): the half-width factor of two-sided 95 % normal intervals.
inline constexpr double z_975 = 1.959963984540054;

// Count, mean and sum of squared deviations, updated one value at a time
// (Welford 1962) and merged pairwise (Chan, Golub & LeVeque 1979). NaN marks
// an undefined result: it is counted, never averaged.
class RunningMoments {
public:
    void add(double x) noexcept {
        if (std::isnan(x)) {
            ++undefined_;
            return;
        }
        ++n_;
        const double delta = x - mean_;
        mean_ += delta / static_cast<double>(n_);
        m2_ += delta * (x - mean_);
    }

    void merge(const RunningMoments& o) noexcept {
        undefined_ += o.undefined_;
        if (o.n_ == 0) return;
        if (n_ == 0) {
            n_ = o.n_;
            mean_ = o.mean_;
            m2_ = o.m2_;
            return;
        }
        const double na = static_cast<double>(n_), nb = static_cast<double>(o.n_);
        const double n = na + nb;
        const double delta = o.mean_ - mean_;
        mean_ += delta * nb / n;
        m2_ += o.m2_ + delta * delta * na * nb / n;
        n_ += o.n_;
    }

    std::uint64_t count() const noexcept { return n_; }
    std::uint64_t undefined() const noexcept { return undefined_; }
    double mean() const noexcept { return n_ ? mean_ : NAN; }
    double variance() const noexcept { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : NAN; }
    double sd() const noexcept { return std::sqrt(variance()); }
    double standard_error() const noexcept { return sd() / std::sqrt(static_cast<double>(n_)); }
    // Normal-approximation 95 % interval for the mean.
    std::pair<double, double> mean_ci95() const noexcept {
        const double h = z_975 * standard_error();
        return {mean() - h, mean() + h};
    }

private:
    std::uint64_t n_ = 0, undefined_ = 0;
    double mean_ = 0.0, m2_ = 0.0;
};

}  // namespace sim

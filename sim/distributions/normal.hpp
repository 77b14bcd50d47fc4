#pragma once

#include <optional>
#include <utility>
#include <cmath>
#include <string>

#include "sim/distributions/support.hpp"

namespace sim {

// A normal N(mean, sd²), optionally truncated to [lower, upper]. mean and sd
// describe the untruncated normal; truncation renormalises:
// X = μ + σ Φ⁻¹(Φ(a) + U (Φ(b) − Φ(a))), a and b the standardised bounds.
class Normal {
public:
    // Equal parameters: the same distribution (a run's tables are shared by
    // it), however it was given.
    bool operator==(const Normal& o) const noexcept {
        return mu_ == o.mu_ && sigma_ == o.sigma_ && lower_ == o.lower_ && upper_ == o.upper_;
    }
    Normal(double mean, double sd, std::optional<double> lower = std::nullopt,
           std::optional<double> upper = std::nullopt);

    // The untruncated normal whose 5th and 95th percentiles are p5 and p95.
    static Normal from_percentiles(double p5, double p95,
                                   std::optional<double> lower = std::nullopt,
                                   std::optional<double> upper = std::nullopt);

    double location() const noexcept { return mu_; }
    double scale() const noexcept { return sigma_; }
    std::optional<double> lower() const noexcept { return lower_; }
    std::optional<double> upper() const noexcept { return upper_; }
    bool truncated() const noexcept { return lower_.has_value() || upper_.has_value(); }
    double quantile(double u) const;
    double cdf(double x) const;
    double mean() const;
    double variance() const;
    Support support() const noexcept {
        return {lower_.value_or(-INFINITY), upper_.value_or(INFINITY)};
    }
    std::string describe() const;

private:
    double mu_, sigma_;
    std::optional<double> lower_, upper_;
    double a_, b_;  // standardised bounds, ±∞ when absent
    // Tail probabilities at the bounds, taken from the side where they are
    // small: when both bounds sit in the upper tail, Φ(a) and Φ(b) round to 1
    // and their difference to 0, so we work with survival values there.
    bool upper_tail_;
    double pa_, pb_;
    // p5 and p95 when given so: describe() shows them rather than a derived sd.
    std::optional<std::pair<double, double>> percentiles_;
};

}  // namespace sim

#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "sim/distributions/support.hpp"
#include "sim/invalid_parameter.hpp"

namespace sim {

// A distribution cut to [lower, upper] and renormalised:
// X = F⁻¹(F(a) + U (F(b) − F(a))), F the base's CDF, its parameters those of
// the untruncated distribution. Either bound may be absent; a lower bound at
// or below the base's support truncates nothing.
//
// When both bounds lie in the upper tail, F rounds to 1 there and F(b) − F(a)
// to 0, so the window is then kept as survival values S = 1 − F, computed
// directly by the base.
//
// Base provides quantile(u), upper_quantile(s) = quantile(1 − s), cdf(x),
// survival(x), partial_moment_below(k, x) = E[X^k; X ≤ x] and
// partial_moment_above(k, x) = E[X^k; X > x] for k = 1, 2, support(),
// describe() and kind().
template <class Base>
class Truncated {
public:
    // Equal parameters: the same distribution (a run's tables are shared by it).
    bool operator==(const Truncated&) const = default;
    Truncated(Base base, std::optional<double> lower, std::optional<double> upper)
        : base_(std::move(base)), lower_(lower), upper_(upper) {
        const char* kind = Base::kind();
        if (lower && !std::isfinite(*lower))
            throw InvalidParameter("min", std::string(kind) + " needs a finite min, got min=" + format_number(*lower));
        if (upper && !std::isfinite(*upper))
            throw InvalidParameter("max", std::string(kind) + " needs a finite max, got max=" + format_number(*upper));
        if (lower && upper && !(*lower < *upper))
            throw InvalidParameter("max", std::string(kind) + " needs min < max, got min=" + format_number(*lower) +
                                              ", max=" + format_number(*upper));
        cdf_a_ = lower ? base_.cdf(*lower) : 0.0;
        cdf_b_ = upper ? base_.cdf(*upper) : 1.0;
        survival_a_ = lower ? base_.survival(*lower) : 1.0;
        survival_b_ = upper ? base_.survival(*upper) : 0.0;
        upper_tail_ = cdf_a_ > 0.5;
        mass_ = upper_tail_ ? survival_a_ - survival_b_ : cdf_b_ - cdf_a_;
        if (!(mass_ > 0))
            throw InvalidParameter(lower && cdf_a_ > 0.5 ? "min" : "max",
                                   base_.describe() + " truncated to [" + format_number(lower.value_or(-INFINITY)) +
                                       ", " + format_number(upper.value_or(INFINITY)) +
                                       "] keeps no probability mass");
    }

    const Base& untruncated() const noexcept { return base_; }
    std::optional<double> lower() const noexcept { return lower_; }
    std::optional<double> upper() const noexcept { return upper_; }

    // Above the median the level is taken from the upper end, S(b) + (1 − u)·mass:
    // 1 − u is exact there, F(a) + u·mass would round away a tail's digits.
    double quantile(double u) const {
        if (u > 0.5) return upper_quantile(1.0 - u);
        return clamp(upper_tail_ ? base_.upper_quantile(survival_a_ - u * mass_) : base_.quantile(cdf_a_ + u * mass_));
    }
    double upper_quantile(double s) const { return clamp(base_.upper_quantile(survival_b_ + s * mass_)); }

    double cdf(double x) const {
        if (lower_ && x <= *lower_) return 0.0;
        if (upper_ && x >= *upper_) return 1.0;
        const double p = upper_tail_ ? (survival_a_ - base_.survival(x)) / mass_ : (base_.cdf(x) - cdf_a_) / mass_;
        return std::clamp(p, 0.0, 1.0);
    }

    double mean() const { return moment(1); }
    double variance() const {
        const double m = mean();
        return std::max(0.0, moment(2) - m * m);
    }

    Support support() const noexcept {
        const Support s = base_.support();
        return {std::max(s.low, lower_.value_or(-INFINITY)), std::min(s.high, upper_.value_or(INFINITY))};
    }

    std::string describe() const {
        std::string s = base_.describe();
        s.pop_back();
        if (lower_) s += ", min=" + format_number(*lower_);
        if (upper_) s += ", max=" + format_number(*upper_);
        return s + ")";
    }

private:
    // E[X^k | a < X ≤ b], from the side of the window whose partial moments
    // keep their precision.
    double moment(int k) const {
        if (upper_tail_) {
            const double above_a = lower_ ? base_.partial_moment_above(k, *lower_) : base_.partial_moment_above(k, -INFINITY);
            const double above_b = upper_ ? base_.partial_moment_above(k, *upper_) : 0.0;
            return (above_a - above_b) / mass_;
        }
        const double below_b = upper_ ? base_.partial_moment_below(k, *upper_) : base_.partial_moment_below(k, INFINITY);
        const double below_a = lower_ ? base_.partial_moment_below(k, *lower_) : 0.0;
        return (below_b - below_a) / mass_;
    }

    double clamp(double x) const {
        // Rounding at the extremes must never carry a draw across a bound.
        if (lower_ && x < *lower_) return *lower_;
        if (upper_ && x > *upper_) return *upper_;
        return x;
    }

    Base base_;
    std::optional<double> lower_, upper_;
    double cdf_a_, cdf_b_, survival_a_, survival_b_, mass_;
    bool upper_tail_;
};

}  // namespace sim

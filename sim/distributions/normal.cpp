#include "sim/distributions/normal.hpp"

#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>

#include "sim/distributions/boost_policy.hpp"
#include "sim/distributions/checks.hpp"
#include "sim/distributions/describe.hpp"

namespace sim {

namespace {
using StdNormal = boost::math::normal_distribution<double, detail::BoostPolicy>;
constexpr double inf = std::numeric_limits<double>::infinity();

double Phi(double z) { return std::isinf(z) ? (z > 0 ? 1.0 : 0.0) : boost::math::cdf(StdNormal{}, z); }
double upper_Phi(double z) {
    return std::isinf(z) ? (z > 0 ? 0.0 : 1.0)
                         : boost::math::cdf(boost::math::complement(StdNormal{}, z));
}
double phi(double z) { return std::isinf(z) ? 0.0 : boost::math::pdf(StdNormal{}, z); }
double z_phi(double z) { return std::isinf(z) ? 0.0 : z * phi(z); }
}  // namespace

Normal::Normal(double mean, double sd, std::optional<double> lower, std::optional<double> upper)
    : mu_(mean), sigma_(sd), lower_(lower), upper_(upper) {
    detail::require_finite("normal", "mean", mean);
    detail::require_positive("normal", "sd", sd);
    if (lower) detail::require_finite("normal", "min", *lower);
    if (upper) detail::require_finite("normal", "max", *upper);
    if (lower && upper) detail::require_less("normal", "min", *lower, "max", *upper);
    a_ = lower ? (*lower - mu_) / sigma_ : -inf;
    b_ = upper ? (*upper - mu_) / sigma_ : inf;
    upper_tail_ = a_ > 0;
    pa_ = upper_tail_ ? upper_Phi(a_) : Phi(a_);
    pb_ = upper_tail_ ? upper_Phi(b_) : Phi(b_);
    if (!(std::abs(pb_ - pa_) > 0))
        throw InvalidParameter(
            lower && *lower > mu_ ? "min" : "max",
            "normal truncated to [" + format_number(lower.value_or(-inf)) + ", " +
                format_number(upper.value_or(inf)) + "] keeps no probability mass (mean=" +
                format_number(mean) + ", sd=" + format_number(sd) + ")");
}

Normal Normal::from_percentiles(double p5, double p95, std::optional<double> lower,
                                std::optional<double> upper) {
    detail::require_less("normal", "p5", p5, "p95", p95);
    const double z95 = boost::math::quantile(StdNormal{}, 0.95);
    Normal n(0.5 * (p5 + p95), (p95 - p5) / (2.0 * z95), lower, upper);
    n.percentiles_ = std::pair{p5, p95};
    return n;
}

double Normal::quantile(double u) const {
    if (!truncated()) return mu_ + sigma_ * boost::math::quantile(StdNormal{}, u);
    double z;
    if (upper_tail_) {
        const double s = pa_ - u * (pa_ - pb_);  // survival value of the draw
        z = boost::math::quantile(boost::math::complement(StdNormal{}, s));
    } else {
        z = boost::math::quantile(StdNormal{}, pa_ + u * (pb_ - pa_));
    }
    // Rounding at the extremes must never carry a draw across a bound.
    const double x = mu_ + sigma_ * z;
    if (lower_ && x < *lower_) return *lower_;
    if (upper_ && x > *upper_) return *upper_;
    return x;
}

double Normal::cdf(double x) const {
    const double z = (x - mu_) / sigma_;
    if (z <= a_) return 0.0;
    if (z >= b_) return 1.0;
    if (upper_tail_) return (pa_ - upper_Phi(z)) / (pa_ - pb_);
    return (Phi(z) - pa_) / (pb_ - pa_);
}

// Moments of the truncated normal (Johnson, Kotz & Balakrishnan, ch. 13):
// E = μ + σ(φ(a) − φ(b))/Z, Var = σ²[1 + (aφ(a) − bφ(b))/Z − ((φ(a) − φ(b))/Z)²].
double Normal::mean() const {
    if (!truncated()) return mu_;
    const double Z = std::abs(pb_ - pa_);
    return mu_ + sigma_ * (phi(a_) - phi(b_)) / Z;
}

double Normal::variance() const {
    if (!truncated()) return sigma_ * sigma_;
    const double Z = std::abs(pb_ - pa_);
    const double d = (phi(a_) - phi(b_)) / Z;
    return sigma_ * sigma_ * (1.0 + (z_phi(a_) - z_phi(b_)) / Z - d * d);
}

std::string Normal::describe() const {
    std::string s = percentiles_ ? detail::describe("normal", {{"p5", percentiles_->first}, {"p95", percentiles_->second}})
                                 : detail::describe("normal", {{"mean", mu_}, {"sd", sigma_}});
    if (truncated()) {
        s.pop_back();
        if (lower_) s += ", min=" + format_number(*lower_);
        if (upper_) s += ", max=" + format_number(*upper_);
        s += ")";
    }
    return s;
}

}  // namespace sim

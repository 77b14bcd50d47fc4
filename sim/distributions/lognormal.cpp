#include "sim/distributions/lognormal.hpp"

#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

#include "sim/distributions/boost_policy.hpp"
#include "sim/distributions/checks.hpp"
#include "sim/distributions/describe.hpp"

namespace sim {

namespace {
double standard_normal_quantile(double p) {
    return boost::math::quantile(boost::math::normal_distribution<double, detail::BoostPolicy>{},
                                 p);
}
boost::math::lognormal_distribution<double, detail::BoostPolicy> boost_lognormal(double mu,
                                                                                 double sigma) {
    return {mu, sigma};
}
}  // namespace

Lognormal::Lognormal(double mu, double sigma) : Lognormal(mu, sigma, Given{"mu", "sigma", mu, sigma}) {}

Lognormal::Lognormal(double mu, double sigma, Given given) : mu_(mu), sigma_(sigma), given_(given) {
    detail::require_finite("lognormal", "mu", mu);
    detail::require_positive("lognormal", "sigma", sigma);
}

Lognormal Lognormal::from_median_p90(double median, double p90) {
    detail::require_positive("lognormal", "median", median);
    detail::require_less("lognormal", "median", median, "p90", p90);
    return {std::log(median), (std::log(p90) - std::log(median)) / standard_normal_quantile(0.9),
            Given{"median", "p90", median, p90}};
}

Lognormal Lognormal::from_percentiles(double p5, double p95) {
    detail::require_positive("lognormal", "p5", p5);
    detail::require_less("lognormal", "p5", p5, "p95", p95);
    const double lo = std::log(p5), hi = std::log(p95);
    return {0.5 * (lo + hi), (hi - lo) / (2.0 * standard_normal_quantile(0.95)), Given{"p5", "p95", p5, p95}};
}

Lognormal Lognormal::from_mean_sd(double mean, double sd) {
    detail::require_positive("lognormal", "mean", mean);
    detail::require_positive("lognormal", "sd", sd);
    const double s2 = std::log1p(sd * sd / (mean * mean));
    return {std::log(mean) - 0.5 * s2, std::sqrt(s2), Given{"mean", "sd", mean, sd}};
}

double Lognormal::quantile(double u) const {
    return boost::math::quantile(boost_lognormal(mu_, sigma_), u);
}

double Lognormal::upper_quantile(double s) const {
    return boost::math::quantile(boost::math::complement(boost_lognormal(mu_, sigma_), s));
}

double Lognormal::cdf(double x) const {
    if (x <= 0) return 0.0;
    return boost::math::cdf(boost_lognormal(mu_, sigma_), x);
}

double Lognormal::survival(double x) const {
    if (x <= 0) return 1.0;
    if (std::isinf(x)) return 0.0;
    return boost::math::cdf(boost::math::complement(boost_lognormal(mu_, sigma_), x));
}

// E[X^k; X ≤ x] = exp(kμ + k²σ²/2) Φ((ln x − μ − kσ²)/σ): X^k·pdf is a
// shifted lognormal density (Johnson, Kotz & Balakrishnan, ch. 14).
double Lognormal::partial_moment_below(int k, double x) const {
    if (x <= 0) return 0.0;
    const double scale = std::exp(k * mu_ + 0.5 * k * k * sigma_ * sigma_);
    if (std::isinf(x)) return scale;
    const boost::math::normal_distribution<double, detail::BoostPolicy> z;
    return scale * boost::math::cdf(z, (std::log(x) - mu_ - k * sigma_ * sigma_) / sigma_);
}

double Lognormal::partial_moment_above(int k, double x) const {
    const double scale = std::exp(k * mu_ + 0.5 * k * k * sigma_ * sigma_);
    if (x <= 0) return scale;
    if (std::isinf(x)) return 0.0;
    const boost::math::normal_distribution<double, detail::BoostPolicy> z;
    return scale * boost::math::cdf(boost::math::complement(z, (std::log(x) - mu_ - k * sigma_ * sigma_) / sigma_));
}

double Lognormal::mean() const noexcept { return std::exp(mu_ + 0.5 * sigma_ * sigma_); }

double Lognormal::variance() const noexcept {
    const double s2 = sigma_ * sigma_;
    return std::expm1(s2) * std::exp(2.0 * mu_ + s2);
}

std::string Lognormal::describe() const {
    return detail::describe("lognormal", {{given_.first, given_.a}, {given_.second, given_.b}});
}

}  // namespace sim

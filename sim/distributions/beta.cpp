#include "sim/distributions/beta.hpp"

#include <boost/math/distributions/beta.hpp>

#include "sim/distributions/boost_policy.hpp"
#include "sim/distributions/checks.hpp"
#include "sim/distributions/describe.hpp"

namespace sim {

Beta::Beta(double alpha, double beta, double min, double max)
    : alpha_(alpha), beta_(beta), min_(min), max_(max) {
    detail::require_positive("beta", "alpha", alpha);
    detail::require_positive("beta", "beta", beta);
    detail::require_less("beta", "min", min, "max", max);
}

namespace {
boost::math::beta_distribution<double, detail::BoostPolicy> standard(double a, double b) {
    return {a, b};
}
}  // namespace

double Beta::quantile(double u) const {
    return min_ + (max_ - min_) * boost::math::quantile(standard(alpha_, beta_), u);
}

double Beta::cdf(double x) const {
    if (x <= min_) return 0.0;
    if (x >= max_) return 1.0;
    return boost::math::cdf(standard(alpha_, beta_), (x - min_) / (max_ - min_));
}

double Beta::mean() const noexcept { return min_ + (max_ - min_) * alpha_ / (alpha_ + beta_); }

double Beta::variance() const noexcept {
    const double s = alpha_ + beta_;
    const double w = max_ - min_;
    return w * w * alpha_ * beta_ / (s * s * (s + 1.0));
}

std::string Beta::describe() const {
    if (min_ == 0.0 && max_ == 1.0)
        return detail::describe("beta", {{"alpha", alpha_}, {"beta", beta_}});
    return detail::describe("beta",
                            {{"alpha", alpha_}, {"beta", beta_}, {"min", min_}, {"max", max_}});
}

double Beta::upper_quantile(double s) const {
    return min_ + (max_ - min_) * boost::math::quantile(boost::math::complement(standard(alpha_, beta_), s));
}

}  // namespace sim

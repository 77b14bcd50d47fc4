#include "sim/distributions/pert.hpp"

#include <boost/math/distributions/beta.hpp>

#include "sim/distributions/boost_policy.hpp"
#include "sim/distributions/checks.hpp"
#include "sim/distributions/describe.hpp"

namespace sim {

Pert::Pert(double min, double mode, double max, double lambda)
    : min_(min), mode_(mode), max_(max), lambda_(lambda) {
    detail::require_finite("PERT", "mode", mode);
    detail::require_less("PERT", "min", min, "max", max);
    if (!(min <= mode && mode <= max))
        throw InvalidParameter("mode", "PERT needs min <= mode <= max, got min=" +
                                           format_number(min) + ", mode=" + format_number(mode) +
                                           ", max=" + format_number(max));
    detail::require_positive("PERT", "lambda", lambda);
    const double width = max - min;
    alpha_ = 1.0 + lambda * (mode - min) / width;
    beta_ = 1.0 + lambda * (max - mode) / width;
}

namespace {
boost::math::beta_distribution<double, detail::BoostPolicy> standard(double a, double b) {
    return {a, b};
}
}  // namespace

double Pert::quantile(double u) const {
    return min_ + (max_ - min_) * boost::math::quantile(standard(alpha_, beta_), u);
}

double Pert::cdf(double x) const {
    if (x <= min_) return 0.0;
    if (x >= max_) return 1.0;
    return boost::math::cdf(standard(alpha_, beta_), (x - min_) / (max_ - min_));
}

double Pert::mean() const noexcept { return min_ + (max_ - min_) * alpha_ / (alpha_ + beta_); }

double Pert::variance() const noexcept {
    const double s = alpha_ + beta_;
    const double w = max_ - min_;
    return w * w * alpha_ * beta_ / (s * s * (s + 1.0));
}

std::string Pert::describe() const {
    if (lambda_ == 4.0)
        return detail::describe("pert", {{"min", min_}, {"mode", mode_}, {"max", max_}});
    return detail::describe("pert",
                            {{"min", min_}, {"mode", mode_}, {"max", max_}, {"lambda", lambda_}});
}

}  // namespace sim

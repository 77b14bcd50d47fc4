#include "sim/distributions/gamma.hpp"

#include <boost/math/distributions/gamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>

#include "sim/distributions/boost_policy.hpp"
#include "sim/distributions/checks.hpp"
#include "sim/distributions/describe.hpp"

namespace sim {

Gamma::Gamma(double shape, double scale) : shape_(shape), scale_(scale) {
    detail::require_positive("gamma", "shape", shape);
    detail::require_positive("gamma", "scale", scale);
}

namespace {
boost::math::gamma_distribution<double, detail::BoostPolicy> boost_gamma(double k, double theta) {
    return {k, theta};
}
}  // namespace

double Gamma::quantile(double u) const {
    return boost::math::quantile(boost_gamma(shape_, scale_), u);
}

double Gamma::cdf(double x) const {
    if (x <= 0) return 0.0;
    return boost::math::cdf(boost_gamma(shape_, scale_), x);
}

double Gamma::survival(double x) const {
    if (x <= 0) return 1.0;
    if (std::isinf(x)) return 0.0;
    return boost::math::cdf(boost::math::complement(boost_gamma(shape_, scale_), x));
}

// E[X^k; X ≤ x] = θ^k Γ(α+k)/Γ(α) · P(α+k, x/θ): X^k·pdf is a gamma density
// of shape α+k, up to that constant.
double Gamma::partial_moment_below(int k, double x) const {
    const double scale = std::pow(scale_, k) * boost::math::tgamma_ratio(shape_ + k, shape_, detail::BoostPolicy{});
    if (x <= 0) return 0.0;
    if (std::isinf(x)) return scale;
    return scale * boost::math::gamma_p(shape_ + k, x / scale_, detail::BoostPolicy{});
}

double Gamma::partial_moment_above(int k, double x) const {
    const double scale = std::pow(scale_, k) * boost::math::tgamma_ratio(shape_ + k, shape_, detail::BoostPolicy{});
    if (x <= 0) return scale;
    if (std::isinf(x)) return 0.0;
    return scale * boost::math::gamma_q(shape_ + k, x / scale_, detail::BoostPolicy{});
}

std::string Gamma::describe() const {
    return detail::describe("gamma", {{"shape", shape_}, {"scale", scale_}});
}

double Gamma::upper_quantile(double s) const {
    return boost::math::quantile(boost::math::complement(boost_gamma(shape_, scale_), s));
}

}  // namespace sim

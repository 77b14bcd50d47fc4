#include "sim/distributions/gamma.hpp"

#include <boost/math/distributions/gamma.hpp>

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

std::string Gamma::describe() const {
    return detail::describe("gamma", {{"shape", shape_}, {"scale", scale_}});
}

double Gamma::upper_quantile(double s) const {
    return boost::math::quantile(boost::math::complement(boost_gamma(shape_, scale_), s));
}

}  // namespace sim

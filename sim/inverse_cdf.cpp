#include "sim/inverse_cdf.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>

#include "sim/distributions/boost_policy.hpp"

namespace sim {

namespace {

using StdNormal = boost::math::normal_distribution<double, detail::BoostPolicy>;

// Q(Φ(z)), taking the upper half from the complement so that the top of the
// table keeps full precision where Φ(z) would round to 1.
template <class D>
TabulatedQuantile tabulate(const D& d) {
    return TabulatedQuantile([&d](double z) {
        return z <= 0 ? d.quantile(boost::math::cdf(StdNormal{}, z))
                      : d.upper_quantile(boost::math::cdf(StdNormal{}, -z));
    });
}

}  // namespace

InverseCdf::InverseCdf(Distribution d) : exact_(std::move(d)), support_(support(exact_)) {
    if (const auto* b = std::get_if<Beta>(&exact_)) table_ = tabulate(*b);
    else if (const auto* p = std::get_if<Pert>(&exact_)) table_ = tabulate(p->as_beta());
    else if (const auto* g = std::get_if<Gamma>(&exact_)) table_ = tabulate(*g);
    else if (const auto* t = std::get_if<TruncatedGamma>(&exact_)) table_ = tabulate(*t);
}

void InverseCdf::operator()(std::span<const double> u, std::span<double> out) const {
    if (!table_) {
        quantiles(exact_, u, out);
        return;
    }
    const StdNormal normal;
    for (std::size_t i = 0; i < u.size(); ++i)
        out[i] = std::clamp(table_->at_z(boost::math::quantile(normal, u[i])), support_.low, support_.high);
}

}  // namespace sim

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
std::shared_ptr<const std::vector<double>> nodes_of(const D& d) {
    return std::make_shared<const std::vector<double>>(TabulatedQuantile::nodes([&d](double z) {
        return z <= 0 ? d.quantile(boost::math::cdf(StdNormal{}, z))
                      : d.upper_quantile(boost::math::cdf(StdNormal{}, -z));
    }));
}

}  // namespace

std::optional<Distribution> table_shape(const Distribution& d) {
    if (const auto* b = std::get_if<Beta>(&d)) return Beta(b->alpha(), b->beta());
    if (const auto* p = std::get_if<Pert>(&d)) return Beta(p->alpha(), p->beta());
    if (const auto* g = std::get_if<Gamma>(&d)) return Gamma(g->shape(), 1.0);
    if (std::holds_alternative<TruncatedGamma>(d)) return d;
    return std::nullopt;
}

std::shared_ptr<const std::vector<double>> table_nodes(const Distribution& shape) {
    if (const auto* b = std::get_if<Beta>(&shape)) return nodes_of(*b);
    if (const auto* g = std::get_if<Gamma>(&shape)) return nodes_of(*g);
    if (const auto* t = std::get_if<TruncatedGamma>(&shape)) return nodes_of(*t);
    return nullptr;
}

InverseCdf::InverseCdf(Distribution d, const NodeSource& source) : exact_(std::move(d)), support_(support(exact_)) {
    const std::optional<Distribution> shape = table_shape(exact_);
    if (!shape) return;
    std::vector<double> q = *(source ? source(*shape) : table_nodes(*shape));
    const Beta* beta = std::get_if<Beta>(&exact_);
    if (const auto* p = std::get_if<Pert>(&exact_)) beta = &p->as_beta();
    // The same expressions as Beta's and Boost's Gamma's quantiles: the same nodes to the bit.
    if (beta)
        for (double& x : q) x = beta->min() + (beta->max() - beta->min()) * x;
    else if (const auto* g = std::get_if<Gamma>(&exact_))
        for (double& x : q) x = x * g->scale();
    table_.emplace(std::move(q));
}

void InverseCdf::operator()(std::span<const double> u, std::span<double> out) const {
    if (!table_) {
        quantiles(exact_, u, out);
        return;
    }
    table_->at_uniforms(u, out, support_.low, support_.high);
}

}  // namespace sim

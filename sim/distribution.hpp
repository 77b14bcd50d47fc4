#pragma once

#include <concepts>
#include <span>
#include <string>
#include <variant>

#include "sim/distributions/bernoulli.hpp"
#include "sim/distributions/beta.hpp"
#include "sim/distributions/constant.hpp"
#include "sim/distributions/discrete.hpp"
#include "sim/distributions/gamma.hpp"
#include "sim/distributions/lognormal.hpp"
#include "sim/distributions/normal.hpp"
#include "sim/distributions/pert.hpp"
#include "sim/distributions/triangular.hpp"
#include "sim/distributions/truncated.hpp"
#include "sim/distributions/uniform.hpp"
#include "sim/invalid_parameter.hpp"

namespace sim {

// What every kind provides. Every draw is quantile(U), so LHS, Sobol and the
// copula only ever hand uniforms to a distribution.
template <class D>
concept UnivariateDistribution = requires(const D& d, double x) {
    { d.quantile(x) } -> std::convertible_to<double>;
    { d.cdf(x) } -> std::convertible_to<double>;
    { d.mean() } -> std::convertible_to<double>;
    { d.variance() } -> std::convertible_to<double>;
    { d.describe() } -> std::convertible_to<std::string>;
    { d.support() } -> std::same_as<Support>;
};

using TruncatedLognormal = Truncated<Lognormal>;
using TruncatedGamma = Truncated<Gamma>;

static_assert(UnivariateDistribution<Pert> && UnivariateDistribution<Discrete> &&
              UnivariateDistribution<TruncatedGamma>);

using Distribution = std::variant<Constant, Uniform, Triangular, Pert, Normal, Lognormal, Beta,
                                  Gamma, Bernoulli, Discrete, TruncatedLognormal, TruncatedGamma>;

inline double quantile(const Distribution& d, double u) {
    return std::visit([u](const auto& k) -> double { return k.quantile(u); }, d);
}
inline double cdf(const Distribution& d, double x) {
    return std::visit([x](const auto& k) -> double { return k.cdf(x); }, d);
}
inline double mean(const Distribution& d) {
    return std::visit([](const auto& k) -> double { return k.mean(); }, d);
}
inline double variance(const Distribution& d) {
    return std::visit([](const auto& k) -> double { return k.variance(); }, d);
}
inline std::string describe(const Distribution& d) {
    return std::visit([](const auto& k) { return k.describe(); }, d);
}
inline Support support(const Distribution& d) {
    return std::visit([](const auto& k) { return k.support(); }, d);
}
inline bool is_constant(const Distribution& d) { return std::holds_alternative<Constant>(d); }

// Draws a whole column at once: one dispatch per block, a tight loop per kind.
inline void quantiles(const Distribution& d, std::span<const double> u, std::span<double> out) {
    std::visit(
        [&](const auto& k) {
            for (std::size_t i = 0; i < u.size(); ++i) out[i] = k.quantile(u[i]);
        },
        d);
}

}  // namespace sim

#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "sim/distribution.hpp"
#include "sim/tabulated_quantile.hpp"

namespace sim {

// The distribution whose table nodes, scaled, are d's: Beta(α, β) on [0, 1]
// for a Beta or PERT on [min, max] (min + (max − min)·node, as Beta's own
// quantile computes it), Gamma(k, 1) for Gamma(k, θ) (node·θ, as Boost's
// does), d itself for a truncated Gamma; nullopt where d's quantile is not
// tabulated. The nodes are the costly part of a table (an iterative inverse
// each): inputs of one shape, such as PERTs with the mode at the same share of
// their range, compute them once, and draw exactly what tables of their own
// would give.
std::optional<Distribution> table_shape(const Distribution& d);

// The nodes of the table of a shape given by table_shape().
std::shared_ptr<const std::vector<double>> table_nodes(const Distribution& shape);

// How the engine turns a column of uniforms into draws of one input: the exact
// quantile where it is cheap (closed forms, the normal family, discrete), a
// TabulatedQuantile where the exact one is an iterative solver (Beta, PERT,
// Gamma). Built once per input per run; results stay within the tested bound
// of the exact quantile and keep its order.
class InverseCdf {
public:
    // Where the nodes of a shape come from (a cache shared by the inputs);
    // without one, they are computed here.
    using NodeSource = std::function<std::shared_ptr<const std::vector<double>>(const Distribution& shape)>;

    explicit InverseCdf(Distribution d, const NodeSource& nodes = {});

    const Distribution& distribution() const noexcept { return exact_; }
    bool tabulated() const noexcept { return table_.has_value(); }
    void operator()(std::span<const double> u, std::span<double> out) const;

private:
    Distribution exact_;
    std::optional<TabulatedQuantile> table_;
    Support support_;
};

}  // namespace sim

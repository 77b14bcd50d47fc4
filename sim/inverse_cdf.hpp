#pragma once

#include <optional>
#include <span>

#include "sim/distribution.hpp"
#include "sim/tabulated_quantile.hpp"

namespace sim {

// How the engine turns a column of uniforms into draws of one input: the exact
// quantile where it is cheap (closed forms, the normal family, discrete), a
// TabulatedQuantile where the exact one is an iterative solver (Beta, PERT,
// Gamma). Built once per input per run; results stay within the tested bound
// of the exact quantile and keep its order.
class InverseCdf {
public:
    explicit InverseCdf(Distribution d);

    const Distribution& distribution() const noexcept { return exact_; }
    bool tabulated() const noexcept { return table_.has_value(); }
    void operator()(std::span<const double> u, std::span<double> out) const;

private:
    Distribution exact_;
    std::optional<TabulatedQuantile> table_;
    Support support_;
};

}  // namespace sim

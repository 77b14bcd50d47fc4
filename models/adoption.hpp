#pragma once

#include <cmath>

namespace models {

// The adoption ramp A(τ) ∈ [0, ceiling], τ months since go-live (docs/model.md, "The equations").
// A = 0 until go-live; both curves start from 0 at τ = 0.

// Logistic rescaled to pass through 0 at go-live:
// A = a·(σ(k(τ−μ)) − σ(−kμ)) / (1 − σ(−kμ)).
inline double logistic_adoption(double tau, double ceiling, double midpoint, double steepness) {
    if (tau <= 0) return 0.0;
    const auto sigmoid = [](double x) { return 1.0 / (1.0 + std::exp(-x)); };
    const double start = sigmoid(-steepness * midpoint);
    return ceiling * (sigmoid(steepness * (tau - midpoint)) - start) / (1.0 - start);
}

// Bass (1969) diffusion: A = a·(1 − e^{−(p+q)τ}) / (1 + (q/p)·e^{−(p+q)τ}).
inline double bass_adoption(double tau, double ceiling, double p, double q) {
    if (tau <= 0) return 0.0;
    const double e = std::exp(-(p + q) * tau);
    return ceiling * (1.0 - e) / (1.0 + (q / p) * e);
}

}  // namespace models

#pragma once

#include <cmath>

namespace models {

// The adoption ramp A(τ) ∈ [0, ceiling], τ months since go-live (docs/model.md, "The equations").
// A = 0 until go-live; both curves start from 0 at τ = 0.

inline double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// Logistic rescaled to pass through 0 at go-live:
// A = a·(σ(k(τ−μ)) − σ(−kμ)) / (1 − σ(−kμ)). σ(−kμ) is the same at every
// month of a path: made once, it halves the exponentials of the ramp.
struct LogisticRamp {
    double ceiling, midpoint, steepness, start;
    LogisticRamp(double ceiling, double midpoint, double steepness)
        : ceiling(ceiling), midpoint(midpoint), steepness(steepness), start(sigmoid(-steepness * midpoint)) {}
    double operator()(double tau) const {
        if (tau <= 0) return 0.0;
        return ceiling * (sigmoid(steepness * (tau - midpoint)) - start) / (1.0 - start);
    }
};

inline double logistic_adoption(double tau, double ceiling, double midpoint, double steepness) {
    return LogisticRamp(ceiling, midpoint, steepness)(tau);
}

// Bass (1969) diffusion: A = a·(1 − e^{−(p+q)τ}) / (1 + (q/p)·e^{−(p+q)τ}).
inline double bass_adoption(double tau, double ceiling, double p, double q) {
    if (tau <= 0) return 0.0;
    const double e = std::exp(-(p + q) * tau);
    return ceiling * (1.0 - e) / (1.0 + (q / p) * e);
}

}  // namespace models

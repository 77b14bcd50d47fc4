#pragma once

#include <cmath>
#include <string>

#include "sim/distributions/support.hpp"

namespace sim {

// X = exp(μ + σZ). People give estimates as a median and a high case or as a
// 90 % interval, so those parameterisations come first.
class Lognormal {
public:
    // Equal parameters: the same distribution (a run's tables are shared by
    // it), however it was given.
    bool operator==(const Lognormal& o) const noexcept { return mu_ == o.mu_ && sigma_ == o.sigma_; }
    Lognormal(double mu, double sigma);  // of ln X; sigma > 0

    static Lognormal from_median_p90(double median, double p90);
    static Lognormal from_percentiles(double p5, double p95);
    // Moments of X itself: σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
    static Lognormal from_mean_sd(double mean, double sd);

    double mu() const noexcept { return mu_; }
    double sigma() const noexcept { return sigma_; }
    static const char* kind() noexcept { return "lognormal"; }
    double quantile(double u) const;
    // quantile(1 − s), accurate when s is tiny (1 − s would round to 1).
    double upper_quantile(double s) const;
    double cdf(double x) const;
    double survival(double x) const;  // 1 − cdf(x), accurate in the upper tail
    // E[X^k; X ≤ x] and E[X^k; X > x], for the moments of a truncated lognormal.
    double partial_moment_below(int k, double x) const;
    double partial_moment_above(int k, double x) const;
    double mean() const noexcept;
    double variance() const noexcept;
    Support support() const noexcept { return {0.0, INFINITY}; }
    std::string describe() const;

private:
    // The two numbers the distribution was given by, so that describe() shows
    // what the user wrote (mean=1.1, sd=0.2), not values derived from it.
    struct Given {
        const char *first = "mu", *second = "sigma";
        double a = 0, b = 0;
    };
    Lognormal(double mu, double sigma, Given given);

    double mu_, sigma_;
    Given given_;
};

}  // namespace sim

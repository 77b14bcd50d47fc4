// The kinds whose quantile is closed-form: constant, uniform, triangular, Bernoulli.
#include <cmath>

#include "sim/distributions/bernoulli.hpp"
#include "sim/distributions/checks.hpp"
#include "sim/distributions/constant.hpp"
#include "sim/distributions/describe.hpp"
#include "sim/distributions/triangular.hpp"
#include "sim/distributions/uniform.hpp"

namespace sim {

Constant::Constant(double value) : value_(value) {
    detail::require_finite("constant", "value", value);
}

std::string Constant::describe() const { return format_number(value_); }

Uniform::Uniform(double min, double max) : min_(min), max_(max) {
    detail::require_less("uniform", "min", min, "max", max);
}

double Uniform::cdf(double x) const noexcept {
    if (x <= min_) return 0.0;
    if (x >= max_) return 1.0;
    return (x - min_) / (max_ - min_);
}

std::string Uniform::describe() const {
    return detail::describe("uniform", {{"min", min_}, {"max", max_}});
}

Triangular::Triangular(double min, double mode, double max) : min_(min), mode_(mode), max_(max) {
    detail::require_finite("triangular", "mode", mode);
    detail::require_less("triangular", "min", min, "max", max);
    if (!(min <= mode && mode <= max))
        throw InvalidParameter("mode", "triangular needs min <= mode <= max, got min=" +
                                           format_number(min) + ", mode=" + format_number(mode) +
                                           ", max=" + format_number(max));
}

double Triangular::quantile(double u) const {
    const double width = max_ - min_;
    const double f = (mode_ - min_) / width;
    if (u < f) return min_ + std::sqrt(u * width * (mode_ - min_));
    return max_ - std::sqrt((1.0 - u) * width * (max_ - mode_));
}

double Triangular::cdf(double x) const {
    if (x <= min_) return 0.0;
    if (x >= max_) return 1.0;
    const double width = max_ - min_;
    if (x <= mode_) return (x - min_) * (x - min_) / (width * (mode_ - min_));
    return 1.0 - (max_ - x) * (max_ - x) / (width * (max_ - mode_));
}

double Triangular::variance() const noexcept {
    const double a = min_, c = mode_, b = max_;
    return (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
}

std::string Triangular::describe() const {
    return detail::describe("triangular", {{"min", min_}, {"mode", mode_}, {"max", max_}});
}

Bernoulli::Bernoulli(double p) : p_(p) { detail::require_probability("bernoulli", "p", p); }

double Bernoulli::cdf(double x) const noexcept {
    if (x < 0) return 0.0;
    if (x < 1) return 1.0 - p_;
    return 1.0;
}

std::string Bernoulli::describe() const { return detail::describe("bernoulli", {{"p", p_}}); }

}  // namespace sim

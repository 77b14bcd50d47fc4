#include "sim/distributions/discrete.hpp"

#include <algorithm>
#include <numeric>

#include "sim/distributions/checks.hpp"

namespace sim {

Discrete::Discrete(std::vector<double> values, std::vector<double> weights) {
    if (values.empty())
        throw InvalidParameter("values", "discrete needs at least one value, got none");
    if (values.size() != weights.size())
        throw InvalidParameter("weights", "discrete needs one weight per value, got " +
                                              std::to_string(values.size()) + " values and " +
                                              std::to_string(weights.size()) + " weights");
    double total = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        detail::require_finite("discrete", "values", values[i]);
        if (!(weights[i] >= 0) || !std::isfinite(weights[i]))
            throw InvalidParameter("weights", "discrete needs finite weights >= 0, got weights[" +
                                                  std::to_string(i) +
                                                  "]=" + format_number(weights[i]));
        total += weights[i];
    }
    if (!(total > 0))
        throw InvalidParameter("weights", "discrete needs weights that sum to more than 0");

    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t i, std::size_t j) { return values[i] < values[j]; });
    double running = 0;
    for (std::size_t i : order) {
        values_.push_back(values[i]);
        probabilities_.push_back(weights[i] / total);
        running += weights[i];
        cumulative_.push_back(running / total);
    }
    cumulative_.back() = 1.0;  // no U can fall past the last value through rounding
}

double Discrete::quantile(double u) const noexcept {
    const auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), u);
    return values_[static_cast<std::size_t>(it - cumulative_.begin())];
}

double Discrete::cdf(double x) const noexcept {
    const auto it = std::upper_bound(values_.begin(), values_.end(), x);
    if (it == values_.begin()) return 0.0;
    return cumulative_[static_cast<std::size_t>(it - values_.begin()) - 1];
}

double Discrete::mean() const noexcept {
    return std::inner_product(values_.begin(), values_.end(), probabilities_.begin(), 0.0);
}

double Discrete::variance() const noexcept {
    const double m = mean();
    double v = 0;
    for (std::size_t i = 0; i < values_.size(); ++i)
        v += probabilities_[i] * (values_[i] - m) * (values_[i] - m);
    return v;
}

std::string Discrete::describe() const {
    std::string s = "discrete(";
    for (std::size_t i = 0; i < values_.size(); ++i) {
        if (i) s += ", ";
        // A probability is the weight normalised (1/3 from weights 1 and 2): rounded, not 0.333333333333.
        s += format_number(values_[i]) + ":" + format_rounded(probabilities_[i], 4);
    }
    return s + ")";
}

}  // namespace sim

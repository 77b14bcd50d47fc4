#include "sim/tabulated_quantile.hpp"

#include <algorithm>
#include <cmath>

#include "sim/standard_normal.hpp"

namespace sim {

std::vector<double> TabulatedQuantile::nodes(const std::function<double(double)>& q_of_z, std::size_t intervals) {
    const double h = 2 * z_max / static_cast<double>(intervals);
    std::vector<double> q(intervals + 1);
    for (std::size_t i = 0; i <= intervals; ++i) q[i] = q_of_z(-z_max + static_cast<double>(i) * h);
    return q;
}

TabulatedQuantile::TabulatedQuantile(const std::function<double(double)>& q_of_z, std::size_t intervals)
    : TabulatedQuantile(nodes(q_of_z, intervals)) {}

TabulatedQuantile::TabulatedQuantile(std::vector<double> nodes)
    : h_(2 * z_max / static_cast<double>(nodes.size() - 1)), inv_h_(1.0 / h_), q_(std::move(nodes)),
      slope_(q_.size()) {
    const std::size_t intervals = q_.size() - 1;
    // Fritsch–Carlson for equal spacing: the harmonic mean of the neighbouring
    // secants where they agree in sign, 0 at a flat spot; one-sided at the ends.
    std::vector<double> secant(intervals);
    for (std::size_t i = 0; i < intervals; ++i) secant[i] = (q_[i + 1] - q_[i]) * inv_h_;
    slope_.front() = secant.front();
    slope_.back() = secant.back();
    for (std::size_t i = 1; i < intervals; ++i) {
        const double a = secant[i - 1], b = secant[i];
        slope_[i] = (a > 0 && b > 0) ? 2.0 * a * b / (a + b) : 0.0;
    }
}

double TabulatedQuantile::at_z(double z) const {
    const double x = std::clamp((z + z_max) * inv_h_, 0.0, static_cast<double>(q_.size() - 1));
    const std::size_t i = std::min(static_cast<std::size_t>(x), q_.size() - 2);
    const double t = x - static_cast<double>(i);
    const double t2 = t * t, t3 = t2 * t;
    // Cubic Hermite basis on [i, i + 1].
    return (2 * t3 - 3 * t2 + 1) * q_[i] + (t3 - 2 * t2 + t) * h_ * slope_[i] + (3 * t2 - 2 * t3) * q_[i + 1] +
           (t3 - t2) * h_ * slope_[i + 1];
}

double TabulatedQuantile::operator()(double u) const { return at_z(inverse_normal(u)); }

}  // namespace sim

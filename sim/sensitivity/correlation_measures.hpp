#pragma once

#include <Eigen/Core>
#include <vector>

#include "sim/sensitivity/ranking.hpp"

namespace sim {

// Sensitivity measures read off one Monte Carlo sample: inputs x (a row per
// path, a column per input) and the output y. Rows where y is NaN (an
// undefined metric) are left out. Nothing here knows what the model is.

// Spearman rank correlation of each input with the output (average ranks for ties).
std::vector<Importance> spearman_importance(const Eigen::MatrixXd& x, const Eigen::VectorXd& y);

// Standardised regression coefficients β_j·sd(x_j)/sd(y) of a least-squares
// fit with intercept, and the fit's R²: when R² is low the output is not
// close to linear in the inputs and the coefficients should not be read as
// shares of variance. Undefined (NaN R² and coefficients) unless more rows
// define y than the fit has coefficients (inputs + 1): an exact fit through
// every point has R² = 1 whatever the inputs do.
struct RegressionImportance {
    std::vector<Importance> coefficients;
    double r_squared = 0;
};
RegressionImportance standardized_regression(const Eigen::MatrixXd& x, const Eigen::VectorXd& y);

// Average ranks 0 … n − 1 (ties share their mean rank).
Eigen::VectorXd ranks(const Eigen::VectorXd& v);

}  // namespace sim

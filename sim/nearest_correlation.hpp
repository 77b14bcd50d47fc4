#pragma once

#include <Eigen/Core>

namespace sim {

struct NearestCorrelationResult {
    Eigen::MatrixXd matrix;
    int iterations = 0;
    bool converged = false;
};

// Higham (2002), "Computing the nearest correlation matrix — a problem from
// finance", IMA J. Numer. Anal. 22: alternating projections onto the positive
// semidefinite cone and the unit-diagonal matrices, with Dykstra's correction,
// in the Frobenius norm. min_eigenvalue > 0 keeps the answer strictly positive
// definite so that a Cholesky factor exists.
NearestCorrelationResult nearest_correlation(const Eigen::MatrixXd& target,
                                             double min_eigenvalue = 1e-10,
                                             double tolerance = 1e-12, int max_iterations = 1000);

// Smallest eigenvalue of a symmetric matrix.
double min_eigenvalue(const Eigen::MatrixXd& symmetric);

}  // namespace sim

#include "sim/nearest_correlation.hpp"

#include <Eigen/Eigenvalues>

namespace sim {

namespace {
Eigen::MatrixXd project_psd(const Eigen::MatrixXd& a, double floor) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(a);
    const Eigen::VectorXd values = eig.eigenvalues().cwiseMax(floor);
    return eig.eigenvectors() * values.asDiagonal() * eig.eigenvectors().transpose();
}
}  // namespace

double min_eigenvalue(const Eigen::MatrixXd& symmetric) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(symmetric, Eigen::EigenvaluesOnly);
    return eig.eigenvalues().minCoeff();
}

NearestCorrelationResult nearest_correlation(const Eigen::MatrixXd& target, double min_eig,
                                             double tolerance, int max_iterations) {
    NearestCorrelationResult result;
    Eigen::MatrixXd y = target;
    Eigen::MatrixXd correction = Eigen::MatrixXd::Zero(target.rows(), target.cols());
    for (int it = 1; it <= max_iterations; ++it) {
        const Eigen::MatrixXd r = y - correction;
        const Eigen::MatrixXd x = project_psd(r, min_eig);
        correction = x - r;
        Eigen::MatrixXd next = x;
        next.diagonal().setOnes();
        const double change = (next - y).norm() / std::max(1.0, y.norm());
        y = std::move(next);
        result.iterations = it;
        if (change < tolerance) {
            result.converged = true;
            break;
        }
    }
    // Unit diagonal restored last; one more PSD projection with rescaling keeps
    // both properties exactly (the rescaling is a congruence, so PSD survives).
    y = project_psd(y, min_eig);
    const Eigen::VectorXd inv_sd = y.diagonal().cwiseSqrt().cwiseInverse();
    y = inv_sd.asDiagonal() * y * inv_sd.asDiagonal();
    result.matrix = y;
    return result;
}

}  // namespace sim

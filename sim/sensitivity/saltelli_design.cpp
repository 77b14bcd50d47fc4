#include "sim/sensitivity/saltelli_design.hpp"

#include <algorithm>

namespace sim {

SaltelliDesign::SaltelliDesign(Sampling sampling, std::uint64_t seed, std::uint64_t base_rows, std::size_t dimensions)
    : n_(base_rows), d_(dimensions), base_(sampling, seed, base_rows, 2 * dimensions) {}

void SaltelliDesign::fill(BlockRange block, BlockMatrix& out) const {
    out.resize(static_cast<Eigen::Index>(block.size), static_cast<Eigen::Index>(d_));
    BlockMatrix base;
    std::size_t k = 0;
    while (k < block.size) {
        // Runs of paths that fall in the same part (A, B or AB_j) and hence
        // in one contiguous range of base rows.
        const std::uint64_t path = block.first + k;
        const std::uint64_t part = path / n_, row = path % n_;
        const std::size_t run = static_cast<std::size_t>(std::min<std::uint64_t>(block.size - k, n_ - row));
        base_.fill({row, run}, base);
        const auto rows = static_cast<Eigen::Index>(run), d = static_cast<Eigen::Index>(d_);
        auto target = out.middleRows(static_cast<Eigen::Index>(k), rows);
        if (part == 1) target = base.rightCols(d);
        else target = base.leftCols(d);
        if (part >= 2) target.col(static_cast<Eigen::Index>(part - 2)) = base.col(d + static_cast<Eigen::Index>(part - 2));
        k += run;
    }
}

}  // namespace sim

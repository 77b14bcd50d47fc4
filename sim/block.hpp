#pragma once

#include <Eigen/Core>
#include <cstdint>

namespace sim {

// A contiguous run of paths [first, first + size).
struct BlockRange {
    std::uint64_t first = 0;
    std::size_t size = 0;
};

// Structure-of-arrays storage for one block: a row per path, a column per
// input dimension, column-major so each input's values are contiguous.
using BlockMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;

}  // namespace sim

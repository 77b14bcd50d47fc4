#pragma once

#include <cstdint>

#include "sim/block.hpp"
#include "sim/uniform_design.hpp"

namespace sim {

// The N·(d + 2) points of a Saltelli design over d inputs, as one stream of
// paths: rows 0 … N−1 are A, N … 2N−1 are B, then for each input j a block
// of N rows that are A with column j from B. A and B are the two halves of
// one 2d-dimensional design (Sobol by default, as Saltelli recommends).
class SaltelliDesign {
public:
    SaltelliDesign(Sampling sampling, std::uint64_t seed, std::uint64_t base_rows, std::size_t dimensions);

    std::uint64_t base_rows() const noexcept { return n_; }
    std::size_t dimensions() const noexcept { return d_; }
    std::uint64_t paths() const noexcept { return n_ * (d_ + 2); }

    // out: block.size × d uniforms for paths [block.first, block.first + size).
    void fill(BlockRange block, BlockMatrix& out) const;

private:
    std::uint64_t n_;
    std::size_t d_;
    UniformDesign base_;  // n rows × 2d columns
};

}  // namespace sim

#pragma once

#include <cstdint>
#include <vector>

#include "sim/block.hpp"
#include "sim/invalid_parameter.hpp"
#include "sim/random_permutation.hpp"
#include "sim/sampling.hpp"

namespace sim {

// The uniforms of an experiment: u(path, dimension) in (0, 1) for N paths and
// d dimensions, under plain Monte Carlo, Latin hypercube or scrambled Sobol.
// fill() writes any block of paths and depends only on (seed, path, dimension),
// never on the order or the thread in which blocks are filled.
class UniformDesign {
public:
    UniformDesign(Sampling sampling, std::uint64_t seed, std::uint64_t paths,
                  std::size_t dimensions);

    Sampling sampling() const noexcept { return sampling_; }
    std::uint64_t seed() const noexcept { return seed_; }
    std::uint64_t paths() const noexcept { return paths_; }
    std::size_t dimensions() const noexcept { return dimensions_; }

    // out must be block.size × dimensions().
    void fill(BlockRange block, BlockMatrix& out) const;

    // Boost's Joe–Kuo table stops here.
    static std::size_t max_sobol_dimensions();

private:
    void fill_mc(BlockRange block, BlockMatrix& out) const;
    void fill_lhs(BlockRange block, BlockMatrix& out) const;
    void fill_sobol(BlockRange block, BlockMatrix& out) const;

    Sampling sampling_;
    std::uint64_t seed_;
    std::uint64_t paths_;
    std::size_t dimensions_;
    std::vector<RandomPermutation> strata_;    // LHS: path → stratum, per dimension
    std::vector<std::uint64_t> sobol_shifts_;  // random digital shift, per dimension
};

}  // namespace sim

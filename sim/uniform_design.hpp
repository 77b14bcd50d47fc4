#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/block.hpp"
#include "sim/invalid_parameter.hpp"
#include "sim/random_permutation.hpp"
#include "sim/sampling.hpp"

namespace sim {

// The uniforms of an experiment: u(path, dimension) in (0, 1) for N paths and
// d dimensions, under plain Monte Carlo, Latin hypercube or scrambled Sobol.
// fill() writes any block of paths and depends only on (seed, path, the
// dimension's key), never on the order or the thread in which blocks are
// filled.
//
// Dimensions given by name are keyed by the name: under mc and lhs a
// dimension's uniforms do not depend on its position or on which other
// dimensions exist, so a variant that adds or removes an input keeps common
// random numbers for the rest. Sobol's coordinates are not interchangeable
// (the first ones are the best distributed), so named dimensions take them in
// name order.
class UniformDesign {
public:
    UniformDesign(Sampling sampling, std::uint64_t seed, std::uint64_t paths,
                  std::vector<std::string> names);
    // Dimensions keyed by their numbers 0 … dimensions − 1.
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

    UniformDesign(Sampling sampling, std::uint64_t seed, std::uint64_t paths, std::vector<std::uint64_t> keys,
                  std::vector<std::size_t> sobol_coordinates);

    Sampling sampling_;
    std::uint64_t seed_;
    std::uint64_t paths_;
    std::size_t dimensions_;
    std::vector<std::uint64_t> keys_;              // per dimension
    std::vector<std::size_t> sobol_coordinates_;  // per dimension, its Sobol coordinate
    std::vector<RandomPermutation> strata_;    // LHS: path → stratum, per dimension
    std::vector<std::uint64_t> sobol_shifts_;  // random digital shift, per dimension
};

}  // namespace sim

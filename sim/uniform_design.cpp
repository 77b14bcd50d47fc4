#include "sim/uniform_design.hpp"

#include <algorithm>
#include <boost/random/sobol.hpp>
#include <numeric>

#include "sim/invalid_parameter.hpp"
#include "sim/philox_stream.hpp"
#include "sim/uniform_lanes.hpp"

namespace sim {

std::size_t UniformDesign::max_sobol_dimensions() {
    return boost::random::default_sobol_table::max_dimension;
}

namespace {

std::vector<std::uint64_t> numbered(std::size_t dimensions) {
    std::vector<std::uint64_t> keys(dimensions);
    for (std::size_t d = 0; d < dimensions; ++d) keys[d] = d;
    return keys;
}

std::vector<std::uint64_t> keys_of(const std::vector<std::string>& names) {
    std::vector<std::uint64_t> keys;
    keys.reserve(names.size());
    for (const auto& name : names) keys.push_back(name_key(name));
    std::vector<std::uint64_t> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
        throw InvalidParameter("dimensions", "two dimensions share a name (or, with odds of 2^-64, a key)");
    return keys;
}

std::vector<std::size_t> name_order(const std::vector<std::string>& names) {
    std::vector<std::size_t> by_name(names.size());
    std::iota(by_name.begin(), by_name.end(), std::size_t{0});
    std::sort(by_name.begin(), by_name.end(), [&](std::size_t a, std::size_t b) { return names[a] < names[b]; });
    std::vector<std::size_t> coordinate(names.size());
    for (std::size_t rank = 0; rank < by_name.size(); ++rank) coordinate[by_name[rank]] = rank;
    return coordinate;
}

}  // namespace

UniformDesign::UniformDesign(Sampling sampling, std::uint64_t seed, std::uint64_t paths,
                             std::vector<std::string> names)
    : UniformDesign(sampling, seed, paths, keys_of(names), name_order(names)) {}

UniformDesign::UniformDesign(Sampling sampling, std::uint64_t seed, std::uint64_t paths,
                             std::size_t dimensions)
    : UniformDesign(sampling, seed, paths, numbered(dimensions),
                    [dimensions] {
                        std::vector<std::size_t> c(dimensions);
                        std::iota(c.begin(), c.end(), std::size_t{0});
                        return c;
                    }()) {}

UniformDesign::UniformDesign(Sampling sampling, std::uint64_t seed, std::uint64_t paths,
                             std::vector<std::uint64_t> keys, std::vector<std::size_t> sobol_coordinates)
    : sampling_(sampling), seed_(seed), paths_(paths), dimensions_(keys.size()), keys_(std::move(keys)),
      sobol_coordinates_(std::move(sobol_coordinates)) {
    if (paths == 0) throw InvalidParameter("paths", "a design needs at least one path, got 0");
    if (sampling == Sampling::lhs) {
        strata_.reserve(dimensions_);
        for (const std::uint64_t key : keys_) strata_.emplace_back(paths, seed, key);
    }
    if (sampling == Sampling::sobol) {
        if (dimensions_ > max_sobol_dimensions())
            throw InvalidParameter("sampling", "sobol sampling supports at most " +
                                                   std::to_string(max_sobol_dimensions()) +
                                                   " uncertain inputs, got " +
                                                   std::to_string(dimensions_));
        const PhiloxStream shifts(seed, streams::sobol_shift);
        for (std::size_t c = 0; c < dimensions_; ++c)
            sobol_shifts_.push_back(shifts.bits(0, static_cast<std::uint32_t>(c)));
    }
}

void UniformDesign::fill(BlockRange block, BlockMatrix& out) const {
    out.resize(static_cast<Eigen::Index>(block.size), static_cast<Eigen::Index>(dimensions_));
    if (dimensions_ == 0) return;
    switch (sampling_) {
        case Sampling::mc: fill_mc(block, out); break;
        case Sampling::lhs: fill_lhs(block, out); break;
        case Sampling::sobol: fill_sobol(block, out); break;
    }
}

void UniformDesign::fill_mc(BlockRange block, BlockMatrix& out) const {
    for (std::size_t d = 0; d < dimensions_; ++d)
        lanes::keyed_open_uniforms(seed_, streams::sampling, keys_[d], block.first,
                                   {out.col(static_cast<Eigen::Index>(d)).data(), block.size});
}

// Path i of dimension d lands in stratum π_d(i), at a uniform offset inside it:
// every one of the N strata of every dimension holds exactly one path.
void UniformDesign::fill_lhs(BlockRange block, BlockMatrix& out) const {
    const double width = 1.0 / static_cast<double>(paths_);
    std::vector<std::uint64_t> strata(block.size);
    for (std::size_t d = 0; d < dimensions_; ++d) {
        strata_[d].map(block.first, block.size, strata.data());
        lanes::latin_hypercube(seed_, streams::lhs_jitter, keys_[d], block.first, strata, width,
                               {out.col(static_cast<Eigen::Index>(d)).data(), block.size});
    }
}

// Path i takes point i of the Sobol sequence (point 0 is the origin, which
// Boost's generator skips), so any 2^m consecutive paths from 0 form a net. A
// random digital shift (XOR of every coordinate's 64 bits with a per-dimension
// key) randomises it while keeping the net property.
void UniformDesign::fill_sobol(BlockRange block, BlockMatrix& out) const {
    std::size_t k = 0;
    if (block.first == 0 && block.size > 0) {
        for (std::size_t d = 0; d < dimensions_; ++d)
            out(0, static_cast<Eigen::Index>(d)) =
                PhiloxStream::to_open_unit(sobol_shifts_[sobol_coordinates_[d]]);
        k = 1;
    }
    if (k == block.size) return;
    boost::random::sobol engine(dimensions_);
    engine.seed(block.first + k - 1);  // the next point drawn is index block.first + k
    std::vector<std::uint64_t> point(dimensions_);
    for (; k < block.size; ++k) {
        for (std::size_t c = 0; c < dimensions_; ++c) point[c] = engine() ^ sobol_shifts_[c];
        for (std::size_t d = 0; d < dimensions_; ++d)
            out(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(d)) =
                PhiloxStream::to_open_unit(point[sobol_coordinates_[d]]);
    }
}

}  // namespace sim

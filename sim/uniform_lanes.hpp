#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace sim::lanes {

// The uniform design's hot loops in SIMD vector lanes (sim/vector_lanes.hpp),
// one path a lane, with the same integers and the same bits as the scalar
// code they replace (tests/sim/uniform_lanes_test.cpp).

// out[k] = PhiloxStream::to_open_unit(PhiloxStream(seed, stream).keyed_bits(first + k, key)).
void keyed_open_uniforms(std::uint64_t seed, std::uint32_t stream, std::uint64_t key, std::uint64_t first,
                         std::span<double> out);

// out[k] = PhiloxStream::to_open_unit(bits[k]).
void open_units(std::span<const std::uint64_t> bits, std::span<double> out);

// Latin hypercube: out[k] = (strata[k] + U) · width with U the uniform above for
// path first + k, or 1 − 2^-53 where that rounds to 1.
void latin_hypercube(std::uint64_t seed, std::uint32_t stream, std::uint64_t key, std::uint64_t first,
                     std::span<const std::uint64_t> strata, double width, std::span<double> out);

// RandomPermutation's Feistel network, one pass, in place: values[k] =
// encrypt(values[k]) (before any cycle walking).
void feistel(const std::array<std::uint64_t, 6>& round_keys, unsigned half_bits, std::span<std::uint64_t> values);

}  // namespace sim::lanes

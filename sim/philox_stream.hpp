#pragma once

#include <Random123/philox.h>

#include <cstdint>

namespace sim {

// Counter-based uniforms: a pure function of (seed, stream, path, dimension).
// Philox4x32-10's key holds the 64-bit seed; its 128-bit counter holds the path
// (64 bits), the dimension pair (32 bits) and the stream id (32 bits). One
// Philox call yields 128 bits, i.e. the two dimensions 2k and 2k+1 of a path.
// No state is kept, so path i draws the same numbers on whichever thread.
class PhiloxStream {
    using Philox = r123::Philox4x32_R<10>;

public:
    PhiloxStream(std::uint64_t seed, std::uint32_t stream) noexcept
        : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
          stream_(stream) {}

    // 64 random bits for (path, dimension).
    std::uint64_t bits(std::uint64_t path, std::uint32_t dimension) const noexcept {
        const Philox::ctr_type ctr = {{static_cast<std::uint32_t>(path),
                                       static_cast<std::uint32_t>(path >> 32), dimension >> 1,
                                       stream_}};
        const Philox::ctr_type r = Philox{}(ctr, key_);
        const unsigned half = (dimension & 1u) * 2u;
        return (static_cast<std::uint64_t>(r.v[half]) << 32) | r.v[half + 1];
    }

    // Uniform in the open interval (0, 1) with 53 random bits: 2^53 equally
    // likely values k·2^-53, k = 1 … 2^53 − 1, and 2^-54 in place of k = 0.
    // (Random123's u01fixedpt_open_open_64 keeps only 52 bits, because the
    // midpoints (k + ½)·2^-53 are not representable above ½.)
    static double to_open_unit(std::uint64_t bits) noexcept {
        const std::uint64_t k = bits >> 11;
        return k == 0 ? 0x1p-54 : static_cast<double>(k) * 0x1p-53;
    }

    double uniform(std::uint64_t path, std::uint32_t dimension) const noexcept {
        return to_open_unit(bits(path, dimension));
    }

    // Fills out[k] for dimensions first_dimension + k; halves the Philox calls
    // when dimensions come in pairs.
    void uniforms(std::uint64_t path, std::uint32_t first_dimension, double* out,
                  std::uint32_t count) const noexcept {
        for (std::uint32_t k = 0; k < count; ++k) out[k] = uniform(path, first_dimension + k);
    }

private:
    Philox::key_type key_;
    std::uint32_t stream_;
};

// Stream ids in use, so no two purposes ever share a stream.
namespace streams {
inline constexpr std::uint32_t sampling = 0;
inline constexpr std::uint32_t lhs_jitter = 1;
inline constexpr std::uint32_t lhs_permutation = 2;
inline constexpr std::uint32_t sobol_shift = 3;
inline constexpr std::uint32_t bootstrap = 4;
}  // namespace streams

}  // namespace sim

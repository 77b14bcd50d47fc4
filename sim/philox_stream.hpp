#pragma once

#include <Random123/philox.h>

#include <cstdint>
#include <string_view>

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

    // 64 random bits for (path, key), a 64-bit key in place of a dimension
    // number (a hash of a name, see name_key). The key fills the counter's
    // upper half, the stream id is folded into its top word.
    std::uint64_t keyed_bits(std::uint64_t path, std::uint64_t key) const noexcept {
        const Philox::ctr_type ctr = {{static_cast<std::uint32_t>(path),
                                       static_cast<std::uint32_t>(path >> 32),
                                       static_cast<std::uint32_t>(key),
                                       static_cast<std::uint32_t>(key >> 32) ^ stream_}};
        const Philox::ctr_type r = Philox{}(ctr, key_);
        return (static_cast<std::uint64_t>(r.v[0]) << 32) | r.v[1];
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

// A stable 64-bit key for a name: FNV-1a, then SplitMix64's finaliser for
// avalanche. The same on every platform and in every release, because the
// keys decide which random numbers an input draws.
inline std::uint64_t name_key(std::string_view name) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char c : name) h = (h ^ c) * 0x100000001b3ULL;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

// Stream ids in use, so no two purposes ever share a stream.
namespace streams {
inline constexpr std::uint32_t sampling = 0;
inline constexpr std::uint32_t lhs_jitter = 1;
inline constexpr std::uint32_t lhs_permutation = 2;
inline constexpr std::uint32_t sobol_shift = 3;
inline constexpr std::uint32_t bootstrap = 4;
}  // namespace streams

}  // namespace sim

#include "sim/random_permutation.hpp"

#include <vector>

#include "sim/philox_stream.hpp"
#include "sim/uniform_lanes.hpp"

namespace sim {

namespace {
// SplitMix64's finaliser (Steele, Lea & Flood 2014): a bijective mixer with
// full avalanche, used as the Feistel round function.
std::uint64_t mix(std::uint64_t z) noexcept {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
}  // namespace

RandomPermutation::RandomPermutation(std::uint64_t n, std::uint64_t seed, std::uint64_t key)
    : n_(n) {
    unsigned bits = 2;
    while (bits < 64 && (std::uint64_t{1} << bits) < n) bits += 2;
    half_bits_ = bits / 2;
    half_mask_ = (std::uint64_t{1} << half_bits_) - 1;
    const PhiloxStream keys(seed, streams::lhs_permutation);
    for (int r = 0; r < rounds; ++r) keys_[r] = keys.bits(key, static_cast<std::uint32_t>(r));
}

// Cycle walking in lanes too: with n just above a power of four, most indices
// leave [0, n) on the first pass (62% at n = 10^5), so the walkers are
// gathered and passed through the network together until none is left.
void RandomPermutation::map(std::uint64_t first, std::size_t count, std::uint64_t* out) const {
    for (std::size_t k = 0; k < count; ++k) out[k] = first + k;
    lanes::feistel(keys_, half_bits_, {out, count});
    // Gathered without branches (which half the indices would mispredict):
    // every index is written, the count advances for walkers only.
    std::vector<std::size_t> at(count);
    std::vector<std::uint64_t> walking(count);
    std::size_t walkers = 0;
    for (std::size_t k = 0; k < count; ++k) {
        at[walkers] = k;
        walking[walkers] = out[k];
        walkers += out[k] >= n_;
    }
    while (walkers > 0) {
        lanes::feistel(keys_, half_bits_, {walking.data(), walkers});
        std::size_t still = 0;
        for (std::size_t j = 0; j < walkers; ++j) {
            const std::size_t k = at[j];
            const std::uint64_t x = walking[j];
            out[k] = x;  // final once x < n; a walker's is overwritten on a later pass
            at[still] = k;
            walking[still] = x;
            still += x >= n_;
        }
        walkers = still;
    }
}

std::uint64_t RandomPermutation::encrypt(std::uint64_t x) const noexcept {
    std::uint64_t left = x >> half_bits_, right = x & half_mask_;
    for (std::uint64_t key : keys_) {
        const std::uint64_t next = left ^ (mix(right ^ key) & half_mask_);
        left = right;
        right = next;
    }
    return (left << half_bits_) | right;
}

}  // namespace sim

#include "sim/random_permutation.hpp"

#include "sim/philox_stream.hpp"

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

void RandomPermutation::map(std::uint64_t first, std::size_t count, std::uint64_t* out) const noexcept {
    constexpr std::size_t lanes = 8;
    std::size_t k = 0;
    for (; k + lanes <= count; k += lanes) {
        std::uint64_t left[lanes], right[lanes];
        for (std::size_t j = 0; j < lanes; ++j) {
            left[j] = (first + k + j) >> half_bits_;
            right[j] = (first + k + j) & half_mask_;
        }
        for (std::uint64_t key : keys_)
            for (std::size_t j = 0; j < lanes; ++j) {
                const std::uint64_t next = left[j] ^ (mix(right[j] ^ key) & half_mask_);
                left[j] = right[j];
                right[j] = next;
            }
        for (std::size_t j = 0; j < lanes; ++j) {
            std::uint64_t x = (left[j] << half_bits_) | right[j];
            while (x >= n_) x = encrypt(x);  // cycle walking, as operator() does
            out[k + j] = x;
        }
    }
    for (; k < count; ++k) out[k] = (*this)(first + k);
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

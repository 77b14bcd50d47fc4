#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace sim {

// A pseudo-random bijection of [0, n) that is evaluated at any index without
// storing the permutation: a balanced Feistel network on the smallest even
// power of two >= n, with cycle walking back into [0, n). Latin hypercube
// sampling needs one permutation per dimension; stored, those would cost
// 4·n·d bytes (2 GB at 10^7 paths × 50 inputs); computed, path i finds its
// stratum on any thread with no shared state.
class RandomPermutation {
public:
    // key: which permutation of the seed (a dimension's key).
    RandomPermutation(std::uint64_t n, std::uint64_t seed, std::uint64_t key);

    std::uint64_t size() const noexcept { return n_; }
    std::uint64_t operator()(std::uint64_t i) const noexcept {
        std::uint64_t x = i;
        do x = encrypt(x);
        while (x >= n_);
        return x;
    }
    // out[k] = (*this)(first + k) for k < count: the network and the cycle
    // walking in SIMD vector lanes (sim/uniform_lanes.hpp).
    void map(std::uint64_t first, std::size_t count, std::uint64_t* out) const;

private:
    static constexpr int rounds = 6;  // sim::lanes::feistel takes six round keys
    std::uint64_t encrypt(std::uint64_t x) const noexcept;

    std::uint64_t n_;
    unsigned half_bits_;
    std::uint64_t half_mask_;
    std::array<std::uint64_t, rounds> keys_;
};

}  // namespace sim

#include "sim/uniform_lanes.hpp"

#include <cstddef>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "sim/uniform_lanes.cpp"
#include <hwy/foreach_target.h>
#include <hwy/highway.h>

#include "sim/vector_math-inl.hpp"

HWY_BEFORE_NAMESPACE();
namespace sim {
namespace HWY_NAMESPACE {
namespace {

using D = hn::ScalableTag<double>;
using DU = hn::RebindToUnsigned<D>;
using DI = hn::RebindToSigned<D>;
using VU = hn::Vec<DU>;

// Philox4x32-10 (Salmon et al. 2011, as Random123's philox4x32) with one
// counter a lane, each 32-bit word in a 64-bit lane: MulLow32 then gives the
// full 32 × 32 → 64 product the round needs. The counter is (path, key,
// stream) as in PhiloxStream::keyed_bits; the result is its 64 bits.
// K vectors of paths at once: a round waits on its multiplications, so
// independent counters fill those cycles.
template <std::size_t K>
HWY_INLINE void KeyedBits(DU du, const VU (&path)[K], std::uint64_t key, std::uint64_t seed, std::uint32_t stream,
                          VU (&bits)[K]) {
    const VU low32 = hn::Set(du, 0xffffffffu);
    const VU m0 = hn::Set(du, 0xD2511F53u), m1 = hn::Set(du, 0xCD9E8D57u);
    VU c0[K], c1[K], c2[K], c3[K];
    for (std::size_t j = 0; j < K; ++j) {
        c0[j] = hn::And(path[j], low32);
        c1[j] = hn::ShiftRight<32>(path[j]);
        c2[j] = hn::Set(du, key & 0xffffffffu);
        c3[j] = hn::Set(du, (key >> 32) ^ stream);
    }
    auto k0 = static_cast<std::uint32_t>(seed), k1 = static_cast<std::uint32_t>(seed >> 32);
    for (int round = 0; round < 10; ++round) {
        if (round > 0) {
            k0 += 0x9E3779B9u;
            k1 += 0xBB67AE85u;
        }
        const VU key0 = hn::Set(du, k0), key1 = hn::Set(du, k1);
        for (std::size_t j = 0; j < K; ++j) {
            const VU p0 = MulLow32(du, c0[j], m0), p1 = MulLow32(du, c2[j], m1);
            const VU next0 = hn::Xor(hn::Xor(hn::ShiftRight<32>(p1), c1[j]), key0);
            const VU next2 = hn::Xor(hn::Xor(hn::ShiftRight<32>(p0), c3[j]), key1);
            c0[j] = next0;
            c1[j] = hn::And(p1, low32);
            c2[j] = next2;
            c3[j] = hn::And(p0, low32);
        }
    }
    for (std::size_t j = 0; j < K; ++j) bits[j] = hn::Or(hn::ShiftLeft<32>(c0[j]), c1[j]);
}

// PhiloxStream::to_open_unit: k·2^-53 for the top 53 bits k, 2^-54 for k = 0.
HWY_INLINE hn::Vec<D> OpenUnit(D d, VU bits) {
    const DU du;
    const DI di;
    const VU k = hn::ShiftRight<11>(bits);
    const auto u = hn::Mul(hn::ConvertTo(d, hn::BitCast(di, k)), hn::Set(d, 0x1p-53));
    return hn::IfThenElse(hn::RebindMask(d, hn::Eq(k, hn::Zero(du))), hn::Set(d, 0x1p-54), u);
}

}  // namespace

void KeyedOpenUniformsLanes(std::uint64_t seed, std::uint32_t stream, std::uint64_t key, std::uint64_t first,
                            double* out, std::size_t n) {
    const D d;
    const DU du;
    const std::size_t lanes = hn::Lanes(d);
    std::size_t i = 0;
    for (; i + 2 * lanes <= n; i += 2 * lanes) {
        const VU path[2] = {hn::Iota(du, first + i), hn::Iota(du, first + i + lanes)};
        VU bits[2];
        KeyedBits(du, path, key, seed, stream, bits);
        hn::StoreU(OpenUnit(d, bits[0]), d, out + i);
        hn::StoreU(OpenUnit(d, bits[1]), d, out + i + lanes);
    }
    HWY_ALIGN double buffer[HWY_MAX_BYTES / sizeof(double)];
    for (; i < n; i += lanes) {
        const VU path[1] = {hn::Iota(du, first + i)};
        VU bits[1];
        KeyedBits(du, path, key, seed, stream, bits);
        const auto u = OpenUnit(d, bits[0]);
        if (i + lanes <= n)
            hn::StoreU(u, d, out + i);
        else {
            hn::Store(u, d, buffer);
            for (std::size_t k = 0; i + k < n; ++k) out[i + k] = buffer[k];
        }
    }
}

void OpenUnitsLanes(const std::uint64_t* bits, double* out, std::size_t n) {
    const D d;
    const DU du;
    const std::size_t lanes = hn::Lanes(d);
    HWY_ALIGN std::uint64_t in_buffer[HWY_MAX_BYTES / sizeof(std::uint64_t)] = {};
    HWY_ALIGN double buffer[HWY_MAX_BYTES / sizeof(double)];
    for (std::size_t i = 0; i < n; i += lanes) {
        if (i + lanes <= n) {
            hn::StoreU(OpenUnit(d, hn::LoadU(du, bits + i)), d, out + i);
            continue;
        }
        for (std::size_t k = 0; i + k < n; ++k) in_buffer[k] = bits[i + k];
        hn::Store(OpenUnit(d, hn::Load(du, in_buffer)), d, buffer);
        for (std::size_t k = 0; i + k < n; ++k) out[i + k] = buffer[k];
    }
}

void LatinHypercubeLanes(std::uint64_t seed, std::uint32_t stream, std::uint64_t key, std::uint64_t first,
                         const std::uint64_t* strata, double width, double* out, std::size_t n) {
    const D d;
    const DU du;
    const DI di;
    const std::size_t lanes = hn::Lanes(d);
    const auto top = hn::Set(d, 1.0 - 0x1p-53), w = hn::Set(d, width), one = hn::Set(d, 1.0);
    const auto place = [&](VU stratum, VU bits) HWY_ATTR {
        const auto u = hn::Mul(hn::Add(hn::ConvertTo(d, hn::BitCast(di, stratum)), OpenUnit(d, bits)), w);
        return hn::IfThenElse(hn::Lt(u, one), u, top);  // rounding in the top stratum
    };
    std::size_t i = 0;
    for (; i + 2 * lanes <= n; i += 2 * lanes) {
        const VU path[2] = {hn::Iota(du, first + i), hn::Iota(du, first + i + lanes)};
        VU bits[2];
        KeyedBits(du, path, key, seed, stream, bits);
        hn::StoreU(place(hn::LoadU(du, strata + i), bits[0]), d, out + i);
        hn::StoreU(place(hn::LoadU(du, strata + i + lanes), bits[1]), d, out + i + lanes);
    }
    HWY_ALIGN std::uint64_t strata_buffer[HWY_MAX_BYTES / sizeof(std::uint64_t)] = {};
    HWY_ALIGN double buffer[HWY_MAX_BYTES / sizeof(double)];
    for (; i < n; i += lanes) {
        const bool full = i + lanes <= n;
        if (!full)
            for (std::size_t k = 0; i + k < n; ++k) strata_buffer[k] = strata[i + k];
        const VU path[1] = {hn::Iota(du, first + i)};
        VU bits[1];
        KeyedBits(du, path, key, seed, stream, bits);
        const auto v = place(full ? hn::LoadU(du, strata + i) : hn::Load(du, strata_buffer), bits[0]);
        if (full)
            hn::StoreU(v, d, out + i);
        else {
            hn::Store(v, d, buffer);
            for (std::size_t k = 0; i + k < n; ++k) out[i + k] = buffer[k];
        }
    }
}

// SplitMix64's finaliser, as in sim/random_permutation.cpp.
HWY_INLINE VU Mix(DU du, VU z) {
    z = Mul64(du, hn::Xor(z, hn::ShiftRight<30>(z)), 0xbf58476d1ce4e5b9ULL);
    z = Mul64(du, hn::Xor(z, hn::ShiftRight<27>(z)), 0x94d049bb133111ebULL);
    return hn::Xor(z, hn::ShiftRight<31>(z));
}

void FeistelLanes(const std::uint64_t* round_keys, unsigned half_bits, std::uint64_t* values, std::size_t n) {
    const DU du;
    const std::size_t lanes = hn::Lanes(du);
    const VU mask = hn::Set(du, (std::uint64_t{1} << half_bits) - 1);
    const int bits = static_cast<int>(half_bits);
    HWY_ALIGN std::uint64_t buffer[HWY_MAX_BYTES / sizeof(std::uint64_t)] = {};
    for (std::size_t i = 0; i < n; i += lanes) {
        const bool full = i + lanes <= n;
        if (!full)
            for (std::size_t k = 0; i + k < n; ++k) buffer[k] = values[i + k];
        const VU x = full ? hn::LoadU(du, values + i) : hn::Load(du, buffer);
        VU left = hn::ShiftRightSame(x, bits), right = hn::And(x, mask);
        for (int r = 0; r < 6; ++r) {
            const VU next = hn::Xor(left, hn::And(Mix(du, hn::Xor(right, hn::Set(du, round_keys[r]))), mask));
            left = right;
            right = next;
        }
        const VU y = hn::Or(hn::ShiftLeftSame(left, bits), right);
        if (full)
            hn::StoreU(y, du, values + i);
        else {
            hn::Store(y, du, buffer);
            for (std::size_t k = 0; i + k < n; ++k) values[i + k] = buffer[k];
        }
    }
}

}  // namespace HWY_NAMESPACE
}  // namespace sim
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace sim::lanes {

HWY_EXPORT(KeyedOpenUniformsLanes);
HWY_EXPORT(OpenUnitsLanes);
HWY_EXPORT(LatinHypercubeLanes);
HWY_EXPORT(FeistelLanes);

void keyed_open_uniforms(std::uint64_t seed, std::uint32_t stream, std::uint64_t key, std::uint64_t first,
                         std::span<double> out) {
    HWY_DYNAMIC_DISPATCH(KeyedOpenUniformsLanes)(seed, stream, key, first, out.data(), out.size());
}

void open_units(std::span<const std::uint64_t> bits, std::span<double> out) {
    HWY_DYNAMIC_DISPATCH(OpenUnitsLanes)(bits.data(), out.data(), bits.size());
}

void latin_hypercube(std::uint64_t seed, std::uint32_t stream, std::uint64_t key, std::uint64_t first,
                     std::span<const std::uint64_t> strata, double width, std::span<double> out) {
    HWY_DYNAMIC_DISPATCH(LatinHypercubeLanes)(seed, stream, key, first, strata.data(), width, out.data(),
                                              strata.size());
}

void feistel(const std::array<std::uint64_t, 6>& round_keys, unsigned half_bits, std::span<std::uint64_t> values) {
    HWY_DYNAMIC_DISPATCH(FeistelLanes)(round_keys.data(), half_bits, values.data(), values.size());
}

}  // namespace sim::lanes
#endif

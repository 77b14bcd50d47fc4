// Per-target vector math for dispatched kernels: log, exp, erfc, the normal
// cdf Φ and its inverse, 64-bit integer multiplication, polynomials. Included
// once per SIMD target from a dispatched .cpp (see sim/vector_lanes.hpp), so
// it has Highway's re-inclusion guard instead of #pragma once.
//
// Every function is built from IEEE add, sub, mul, div and sqrt (each
// correctly rounded), comparisons, selects and bit operations, in the same
// order on every target, and never from MulAdd: a value computes to the same
// bits on EMU128, SSE4, AVX2 and AVX-512. The including file must be compiled
// with -ffp-contract=off, or the compiler may fuse a Mul and an Add into an
// FMA on the targets that have one.

#if defined(ROICAST_SIM_VECTOR_MATH_INL_HPP_) == defined(HWY_TARGET_TOGGLE)
#ifdef ROICAST_SIM_VECTOR_MATH_INL_HPP_
#undef ROICAST_SIM_VECTOR_MATH_INL_HPP_
#else
#define ROICAST_SIM_VECTOR_MATH_INL_HPP_
#endif

#include <hwy/highway.h>

#include <cstddef>
#include <cstdint>

HWY_BEFORE_NAMESPACE();
namespace sim {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// c[0] + x·(c[1] + x·(… + x·c[N−1])), Horner's rule, highest term first.
template <class D, std::size_t N>
HWY_INLINE hn::Vec<D> Polynomial(D d, hn::Vec<D> x, const double (&c)[N]) {
    hn::Vec<D> p = hn::Set(d, c[N - 1]);
    for (std::size_t i = N - 1; i-- > 0;) p = hn::Add(hn::Mul(p, x), hn::Set(d, c[i]));
    return p;
}

// Polynomial with a's coefficients in the lanes of `first`, b's in the
// others: the very operations of evaluating both and selecting, at half the cost.
template <class D, std::size_t N>
HWY_INLINE hn::Vec<D> Polynomial(D d, hn::Vec<D> x, hn::Mask<D> first, const double (&a)[N], const double (&b)[N]) {
    hn::Vec<D> p = hn::IfThenElse(first, hn::Set(d, a[N - 1]), hn::Set(d, b[N - 1]));
    for (std::size_t i = N - 1; i-- > 0;)
        p = hn::Add(hn::Mul(p, x), hn::IfThenElse(first, hn::Set(d, a[i]), hn::Set(d, b[i])));
    return p;
}

// Σ coefficient(k)·x^k for k < n, sim::polynomial's four Horner chains in x⁴
// operation for operation: the same bits as sim::polynomial lane by lane.
template <class D, class Coefficient>
HWY_INLINE hn::Vec<D> FourChainPolynomial(D d, std::size_t n, hn::Vec<D> x, const Coefficient& coefficient) {
    const auto x2 = hn::Mul(x, x), x4 = hn::Mul(x2, x2);
    hn::Vec<D> v[4] = {hn::Zero(d), hn::Zero(d), hn::Zero(d), hn::Zero(d)};
    std::size_t k = n;
    while (k % 4 != 0) {
        --k;
        v[k % 4] = hn::Add(hn::Mul(v[k % 4], x4), coefficient(k));
    }
    for (; k > 0; k -= 4) {
        v[3] = hn::Add(hn::Mul(v[3], x4), coefficient(k - 1));
        v[2] = hn::Add(hn::Mul(v[2], x4), coefficient(k - 2));
        v[1] = hn::Add(hn::Mul(v[1], x4), coefficient(k - 3));
        v[0] = hn::Add(hn::Mul(v[0], x4), coefficient(k - 4));
    }
    return hn::Add(v[0], hn::Mul(x, hn::Add(v[1], hn::Mul(x, hn::Add(v[2], hn::Mul(x, v[3]))))));
}

// out[i] = f(in[i]) for i < n, a vector at a time; the last, partial vector
// runs through the same f on a copy padded with `pad` (a value f is defined
// at), so a value's result does not depend on where in a block it falls.
template <class D, class F>
HWY_INLINE void MapLanes(D d, const hn::TFromD<D>* in, hn::TFromD<D>* out, std::size_t n, hn::TFromD<D> pad,
                         F f) {
    const std::size_t lanes = hn::Lanes(d);
    std::size_t i = 0;
    for (; i + lanes <= n; i += lanes) hn::StoreU(f(hn::LoadU(d, in + i)), d, out + i);
    if (i == n) return;
    HWY_ALIGN hn::TFromD<D> buffer[HWY_MAX_BYTES / sizeof(hn::TFromD<D>)];
    for (std::size_t k = 0; k < lanes; ++k) buffer[k] = i + k < n ? in[i + k] : pad;
    hn::Store(f(hn::Load(d, buffer)), d, buffer);
    for (std::size_t k = 0; i + k < n; ++k) out[i + k] = buffer[k];
}

// The double whose bits are (high word, 0): thresholds that fdlibm states as
// high words compare exactly as doubles.
constexpr double from_high_word(std::uint32_t high) {
    return __builtin_bit_cast(double, static_cast<std::uint64_t>(high) << 32);
}

// The full 64-bit products of the low 32 bits of each 64-bit lane (MulEven;
// HWY_SCALAR, the baseline with GCC < 12.3, has no 32-bit half lanes).
template <class DU>
HWY_INLINE hn::Vec<DU> MulLow32(DU du, hn::Vec<DU> a, hn::Vec<DU> b) {
#if HWY_TARGET == HWY_SCALAR
    return hn::Set(du, (hn::GetLane(a) & 0xffffffffu) * (hn::GetLane(b) & 0xffffffffu));
#else
    (void)du;
    const hn::Repartition<std::uint32_t, DU> d32;
    return hn::MulEven(hn::BitCast(d32, a), hn::BitCast(d32, b));
#endif
}

// a·b mod 2^64 for 64-bit lanes (Highway 1.0 has no 64-bit integer multiply):
// the low product and the two cross products of the 32-bit halves.
template <class DU>
HWY_INLINE hn::Vec<DU> Mul64(DU du, hn::Vec<DU> a, std::uint64_t b) {
#if HWY_TARGET <= HWY_AVX3  // AVX-512DQ multiplies 64-bit lanes itself
    if constexpr (hn::MaxLanes(DU()) == 8) return hn::Vec<DU>{_mm512_mullo_epi64(a.raw, hn::Set(du, b).raw)};
#endif
    const auto b_lo = hn::Set(du, b & 0xffffffffu), b_hi = hn::Set(du, b >> 32);
    const auto cross = hn::Add(MulLow32(du, hn::ShiftRight<32>(a), b_lo), MulLow32(du, a, b_hi));
    return hn::Add(MulLow32(du, a, b_lo), hn::ShiftLeft<32>(cross));
}

// ln x for positive normal x, within 1 ulp: fdlibm's e_log.c (Sun
// Microsystems 1993) without its special cases. x = 2^k·m, m in [√2/2, √2),
// ln m = 2·atanh(f/(2+f)) with f = m − 1, by a minimax polynomial in s².
template <class D>
HWY_INLINE hn::Vec<D> Log(D d, hn::Vec<D> x) {
    const hn::RebindToUnsigned<D> du;
    const hn::RebindToSigned<D> di;
    const auto bits = hn::BitCast(du, x);
    const auto high = hn::ShiftRight<32>(bits);
    const auto mantissa_high = hn::And(high, hn::Set(du, 0x000fffffu));
    // i = 0x100000 where m would be >= √2: then m is halved and k raised by one.
    const auto i = hn::And(hn::Add(mantissa_high, hn::Set(du, 0x95f64u)), hn::Set(du, 0x100000u));
    const auto m_bits = hn::Or(hn::ShiftLeft<32>(hn::Or(mantissa_high, hn::Xor(i, hn::Set(du, 0x3ff00000u)))),
                               hn::And(bits, hn::Set(du, 0xffffffffu)));
    const auto k_biased = hn::Add(hn::ShiftRight<20>(high), hn::ShiftRight<20>(i));
    const auto dk = hn::Sub(hn::ConvertTo(d, hn::BitCast(di, k_biased)), hn::Set(d, 1023.0));
    const auto f = hn::Sub(hn::BitCast(d, m_bits), hn::Set(d, 1.0));

    static constexpr double odd[] = {6.666666666666735130e-01, 2.857142874366239149e-01, 1.818357216161805012e-01,
                                     1.479819860511658591e-01};  // Lg1, Lg3, Lg5, Lg7
    static constexpr double even[] = {3.999999999940941908e-01, 2.222219843214978396e-01,
                                      1.531383769920937332e-01};  // Lg2, Lg4, Lg6
    const auto s = hn::Div(f, hn::Add(hn::Set(d, 2.0), f));
    const auto z = hn::Mul(s, s);
    const auto w = hn::Mul(z, z);
    const auto r = hn::Add(hn::Mul(z, Polynomial(d, w, odd)), hn::Mul(w, Polynomial(d, w, even)));
    const auto hfsq = hn::Mul(hn::Mul(hn::Set(d, 0.5), f), f);
    const auto ln2_hi = hn::Set(d, 6.93147180369123816490e-01), ln2_lo = hn::Set(d, 1.90821492927058770002e-10);
    // dk·ln2_hi − ((hfsq − (s·(hfsq + R) + dk·ln2_lo)) − f)
    return hn::Sub(hn::Mul(dk, ln2_hi),
                   hn::Sub(hn::Sub(hfsq, hn::Add(hn::Mul(s, hn::Add(hfsq, r)), hn::Mul(dk, ln2_lo))), f));
}

// e^x within 1 ulp for −708 <= x <= 709 (a normal result; x is clamped to
// that range): fdlibm's e_exp.c. x = k·ln2 + r, |r| <= ln2/2, with ln2 in two
// parts so k·ln2_hi is exact; e^r by a rational form of a minimax polynomial.
template <class D>
HWY_INLINE hn::Vec<D> Exp(D d, hn::Vec<D> x) {
    const hn::RebindToSigned<D> di;
    x = hn::Min(hn::Max(x, hn::Set(d, -708.0)), hn::Set(d, 709.0));
    const auto k = hn::Floor(hn::Add(hn::Mul(x, hn::Set(d, 1.44269504088896338700e+00)), hn::Set(d, 0.5)));
    const auto hi = hn::Sub(x, hn::Mul(k, hn::Set(d, 6.93147180369123816490e-01)));
    const auto lo = hn::Mul(k, hn::Set(d, 1.90821492927058770002e-10));
    const auto r = hn::Sub(hi, lo);
    static constexpr double p[] = {1.66666666666666019037e-01, -2.77777777770155933842e-03,
                                   6.61375632143793436117e-05, -1.65339022054652515390e-06,
                                   4.13813679705723846039e-08};  // P1 … P5
    const auto t = hn::Mul(r, r);
    const auto c = hn::Sub(r, hn::Mul(t, Polynomial(d, t, p)));
    // 1 − ((lo − r·c/(2 − c)) − hi)
    const auto y = hn::Sub(hn::Set(d, 1.0),
                           hn::Sub(hn::Sub(lo, hn::Div(hn::Mul(r, c), hn::Sub(hn::Set(d, 2.0), c))), hi));
    const auto scale = hn::BitCast(d, hn::ShiftLeft<52>(hn::Add(hn::ConvertTo(di, k), hn::Set(di, 1023))));
    return hn::Mul(y, scale);
}

// erfc x within about 1 ulp for finite x: fdlibm's s_erf.c, its four ranges
// evaluated where any lane needs them and selected lane by lane.
template <class D>
HWY_INLINE hn::Vec<D> Erfc(D d, hn::Vec<D> x) {
    const hn::RebindToUnsigned<D> du;
    const auto one = hn::Set(d, 1.0), two = hn::Set(d, 2.0), half = hn::Set(d, 0.5);
    const auto ax = hn::Abs(x);
    const auto positive = hn::Gt(x, hn::Zero(d));
    const auto in_a = hn::Lt(ax, hn::Set(d, from_high_word(0x3feb0000)));      // |x| < 0.84375
    const auto in_b = hn::Lt(ax, hn::Set(d, from_high_word(0x3ff40000)));      // |x| < 1.25
    const auto in_c = hn::Lt(ax, hn::Set(d, from_high_word(0x403c0000)));      // |x| < 28
    // Beyond 28: 0 above, 2 below.
    auto result = hn::IfThenElse(positive, hn::Zero(d), two);

    if (!hn::AllFalse(d, hn::AndNot(in_b, in_c))) {
        static constexpr double ra[] = {-9.86494403484714822705e-03, -6.93858572707181764372e-01,
                                        -1.05586262253232909814e+01, -6.23753324503260060396e+01,
                                        -1.62396669462573470355e+02, -1.84605092906711035994e+02,
                                        -8.12874355063065934246e+01, -9.81432934416914548592e+00};
        static constexpr double sa[] = {1.0,
                                        1.96512716674392571292e+01,  1.37657754143519042600e+02,
                                        4.34565877475229228821e+02,  6.45387271733267880336e+02,
                                        4.29008140027567833386e+02,  1.08635005541779435134e+02,
                                        6.57024977031928170135e+00,  -6.04244152148580987438e-02};
        static constexpr double rb[] = {-9.86494292470009928597e-03, -7.99283237680523006574e-01,
                                        -1.77579549177547519889e+01, -1.60636384855821916062e+02,
                                        -6.37566443368389627722e+02, -1.02509513161107724954e+03,
                                        -4.83519191608651397019e+02, 0.0};  // 0: ra's degree, same value
        static constexpr double sb[] = {1.0,
                                        3.03380607434824582924e+01,  3.25792512996573918826e+02,
                                        1.53672958608443695994e+03,  3.19985821950859553908e+03,
                                        2.55305040643316442583e+03,  4.74528541206955367215e+02,
                                        -2.24409524465858183362e+01, 0.0};
        // 1.25 <= |x| < 28; other lanes compute on a harmless value.
        const auto xc = hn::Min(hn::Max(ax, hn::Set(d, 1.25)), hn::Set(d, 28.0));
        const auto s = hn::Div(one, hn::Mul(xc, xc));
        const auto near = hn::Lt(xc, hn::Set(d, from_high_word(0x4006DB6D)));  // |x| < 1/0.35
        const auto big_r = Polynomial(d, s, near, ra, rb), big_s = Polynomial(d, s, near, sa, sb);
        // z = x with its low 32 bits cleared, so −z·z is exact.
        const auto z = hn::BitCast(d, hn::And(hn::BitCast(du, xc), hn::Set(du, 0xffffffff00000000u)));
        const auto r = hn::Mul(Exp(d, hn::Sub(hn::Neg(hn::Mul(z, z)), hn::Set(d, 0.5625))),
                               Exp(d, hn::Add(hn::Mul(hn::Sub(z, xc), hn::Add(z, xc)), hn::Div(big_r, big_s))));
        const auto q = hn::Div(r, xc);
        result = hn::IfThenElse(in_c, hn::IfThenElse(positive, q, hn::Sub(two, q)), result);
    }
    if (!hn::AllFalse(d, hn::AndNot(in_a, in_b))) {
        static constexpr double pa[] = {-2.36211856075265944077e-03, 4.14856118683748331666e-01,
                                        -3.72207876035701323847e-01, 3.18346619901161753674e-01,
                                        -1.10894694282396677476e-01, 3.54783043256182359371e-02,
                                        -2.16637559486879084300e-03};
        static constexpr double qa[] = {1.0,
                                        1.06420880400844228286e-01, 5.40397917702171048937e-01,
                                        7.18286544141962662868e-02, 1.26171219808761642112e-01,
                                        1.36370839120290507362e-02, 1.19844998467991074170e-02};
        const auto erx = hn::Set(d, 8.45062911510467529297e-01);
        const auto s = hn::Sub(ax, one);
        const auto pq = hn::Div(Polynomial(d, s, pa), Polynomial(d, s, qa));
        const auto value = hn::IfThenElse(hn::Ge(x, hn::Zero(d)), hn::Sub(hn::Sub(one, erx), pq),
                                          hn::Add(one, hn::Add(erx, pq)));
        result = hn::IfThenElse(in_b, value, result);
    }
    if (!hn::AllFalse(d, in_a)) {
        static constexpr double pp[] = {1.28379167095512558561e-01, -3.25042107247001499370e-01,
                                        -2.84817495755985104766e-02, -5.77027029648944159157e-03,
                                        -2.37630166566501626084e-05};
        static constexpr double qq[] = {1.0,
                                        3.97917223959155352819e-01,  6.50222499887672944485e-02,
                                        5.08130628187576562776e-03,  1.32494738004321644526e-04,
                                        -3.96022827877536812320e-06};
        const auto z = hn::Mul(x, x);
        const auto y = hn::Div(Polynomial(d, z, pp), Polynomial(d, z, qq));
        const auto xy = hn::Mul(x, y);
        // Below 1/4: 1 − (x + x·y); from 1/4: ½ − (x·y + (x − ½)), which keeps the bits 1 − x would lose.
        const auto value = hn::IfThenElse(hn::Lt(x, hn::Set(d, 0.25)), hn::Sub(one, hn::Add(x, xy)),
                                          hn::Sub(half, hn::Add(xy, hn::Sub(x, half))));
        result = hn::IfThenElse(in_a, value, result);
    }
    return result;
}

// Φ(z) = erfc(−z/√2)/2, the same expression as Boost's cdf(normal, z).
template <class D>
HWY_INLINE hn::Vec<D> NormalCdf(D d, hn::Vec<D> z) {
    const auto x = hn::Div(hn::Neg(z), hn::Set(d, 1.414213562373095048801688724209698079));
    return hn::Mul(Erfc(d, x), hn::Set(d, 0.5));
}

// Φ⁻¹(p) for 0 < p < 1: Wichura's AS 241 (PPND16, Applied Statistics 37,
// 1988), rational functions in three ranges, relative error about 1e-16;
// measured against Boost in tests/sim/standard_normal_test.cpp. The tails
// take r = √(−ln min(p, 1 − p)); 1 − p is exact for p >= ½.
template <class D>
HWY_INLINE hn::Vec<D> InverseNormal(D d, hn::Vec<D> p) {
    const auto q = hn::Sub(p, hn::Set(d, 0.5));
    const auto central = hn::Le(hn::Abs(q), hn::Set(d, 0.425));
    hn::Vec<D> result = hn::Zero(d);
    if (!hn::AllFalse(d, central)) {
        static constexpr double a[] = {3.387132872796366608,   133.14166789178437745, 1971.5909503065514427,
                                       13731.693765509461125,  45921.953931549871457, 67265.770927008700853,
                                       33430.575583588128105,  2509.0809287301226727};
        static constexpr double b[] = {1.0,                    42.313330701600911252, 687.1870074920579083,
                                       5394.1960214247511077,  21213.794301586595867, 39307.89580009271061,
                                       28729.085735721942674,  5226.495278852854561};
        const auto r = hn::Sub(hn::Set(d, 0.180625), hn::Mul(q, q));
        result = hn::Div(hn::Mul(q, Polynomial(d, r, a)), Polynomial(d, r, b));
    }
    if (!hn::AllTrue(d, central)) {
        static constexpr double c[] = {1.42343711074968357734,  4.6303378461565452959,  5.7694972214606914055,
                                       3.64784832476320460504,  1.27045825245236838258, .24178072517745061177,
                                       .0227238449892691845833, 7.7454501427834140764e-4};
        static constexpr double dd[] = {1.0,                   2.05319162663775882187, 1.6763848301838038494,
                                        .68976733498510000455, .14810397642748007459,  .0151986665636164571966,
                                        5.475938084995344946e-4, 1.05075007164441684324e-9};
        static constexpr double e[] = {6.6579046435011037772,   5.4637849111641143699,   1.7848265399172913358,
                                       .29656057182850489123,   .026532189526576123093,  .0012426609473880784386,
                                       2.71155556874348757815e-5, 2.01033439929228813265e-7};
        static constexpr double f[] = {1.0,                     .59983220655588793769,   .13692988092273580531,
                                       .0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5,
                                       1.4215117583164458887e-7, 2.04426310338993978564e-15};
        const auto lower = hn::Lt(q, hn::Zero(d));
        // min(p, 1 − p), kept >= the least normal double so the log is defined.
        const auto tail = hn::Max(hn::IfThenElse(lower, p, hn::Sub(hn::Set(d, 1.0), p)), hn::Set(d, 0x1p-1022));
        const auto r = hn::Sqrt(hn::Neg(Log(d, tail)));
        const auto near = hn::Le(r, hn::Set(d, 5.0));
        const auto x = hn::Sub(r, hn::IfThenElse(near, hn::Set(d, 1.6), hn::Set(d, 5.0)));
        const auto value = hn::Div(Polynomial(d, x, near, c, e), Polynomial(d, x, near, dd, f));
        result = hn::IfThenElse(central, result, hn::IfThenElse(lower, hn::Neg(value), value));
    }
    return result;
}

}  // namespace HWY_NAMESPACE
}  // namespace sim
HWY_AFTER_NAMESPACE();

#endif  // include guard

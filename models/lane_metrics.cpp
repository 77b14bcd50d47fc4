// Compiled once per instruction set by Highway's foreach_target (this file
// includes itself), with -ffp-contract=off (models/CMakeLists.txt): AVX2 and
// AVX-512 have fused multiply-add and the baseline does not, so a contracted
// a·b + c would round differently on each. Every kernel below uses Mul then
// Add, the log of sim/vector_math-inl.hpp, and keeps each path in its own lane
// (a lane's result never depends on the vector width or on its neighbours).
#include "models/lane_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "models/financial_metrics.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "models/lane_metrics.cpp"
#include <hwy/foreach_target.h>  // must come before highway.h
#include <hwy/highway.h>

#include "sim/vector_math-inl.hpp"

HWY_BEFORE_NAMESPACE();
namespace models {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

using D = hn::ScalableTag<double>;
using V = hn::Vec<D>;
using M = hn::Mask<D>;

// The sums, paybacks, cumulative flows and IRR preconditions of paths
// 0 … paths − 1 (rounded up to whole vectors), month by month, exactly as path_metrics() orders them.
// Also writes cf = benefit − cost and its positive and negative parts for
// the IRR, and unique[h] = 1 where cf up to horizon h has a single root
// (flows or their running sums change sign once, as irr_monthly_root() tests).
void LanePass(const double* HWY_RESTRICT cost, const double* HWY_RESTRICT benefit, const double* HWY_RESTRICT soft,
              const double* HWY_RESTRICT discount, std::size_t months, const int* horizon_months,
              std::size_t horizons, std::size_t paths, double* HWY_RESTRICT cf, double* HWY_RESTRICT cf_in,
              double* HWY_RESTRICT cf_out, double* HWY_RESTRICT unique, double* HWY_RESTRICT metrics,
              double* HWY_RESTRICT payback, double* HWY_RESTRICT discounted_payback, float* HWY_RESTRICT cumulative) {
    const D d;
    const hn::Rebind<float, D> df;
    const std::size_t N = hn::Lanes(d);
    const V zero = hn::Zero(d), one = hn::Set(d, 1.0), minus_one = hn::Set(d, -1.0);
    const V nan = hn::Set(d, std::numeric_limits<double>::quiet_NaN());
    const V inf = hn::Set(d, std::numeric_limits<double>::infinity());
    const auto sign_of = [&](V v) { return hn::IfThenElse(hn::Gt(v, zero), one, hn::IfThenElseZero(hn::Lt(v, zero), minus_one)); };
    // Counts a sign change of v against the last nonzero sign seen.
    const auto count_change = [&](V v, V& last, V& changes) {
        const V s = sign_of(v);
        const M nonzero = hn::Ne(s, zero);
        const M change = hn::And(nonzero, hn::And(hn::Ne(last, zero), hn::Ne(s, last)));
        changes = hn::Add(changes, hn::IfThenElseZero(change, one));
        last = hn::IfThenElse(nonzero, s, last);
    };
    // payback_months(): the first month t ≥ 1 with CCF ≥ 0 and some cost, interpolated.
    struct Payback {
        V cumulative, cost, found_value;
        M found;
    };
    const auto payback_step = [&](Payback& p, V flow, V cost_t, std::size_t t) {
        const V before = p.cumulative;
        p.cumulative = hn::Add(p.cumulative, flow);
        p.cost = hn::Add(p.cost, cost_t);
        const M hit = hn::AndNot(p.found, hn::And(hn::Ge(p.cumulative, zero), hn::Gt(p.cost, zero)));
        const V missing = hn::Neg(before);
        const V shortfall = hn::IfThenElseZero(hn::Lt(zero, missing), missing);  // std::max(0.0, −before)
        const V within = hn::IfThenElseZero(hn::Gt(shortfall, zero), hn::Div(shortfall, flow));
        p.found_value = hn::IfThenElse(hit, hn::Add(hn::Set(d, static_cast<double>(t - 1)), within), p.found_value);
        p.found = hn::Or(p.found, hit);
    };
    const auto at = [&](std::size_t t, std::size_t k) { return t * lane_block + k; };
    for (std::size_t v = 0; v < (paths + N - 1) / N; ++v) {
        const std::size_t k = v * N;
        V B = zero, C = zero, npv = zero, dc = zero, S = zero, dsoft = zero, running = zero;
        V flow_last = zero, flow_changes = zero, running_last = zero, running_changes = zero;
        Payback plain{zero, zero, inf, hn::Lt(one, zero)}, discounted = plain;
        std::size_t h = 0;
        for (std::size_t t = 0; t < months; ++t) {
            const V c = hn::LoadU(d, cost + at(t, k)), b = hn::LoadU(d, benefit + at(t, k)),
                    s = hn::LoadU(d, soft + at(t, k)), df_t = hn::Set(d, discount[t]);
            const V f = hn::Sub(b, c);
            hn::StoreU(f, d, cf + at(t, k));
            hn::StoreU(hn::IfThenElseZero(hn::Gt(f, zero), f), d, cf_in + at(t, k));
            hn::StoreU(hn::IfThenElseZero(hn::Lt(f, zero), hn::Neg(f)), d, cf_out + at(t, k));
            const V dcf = hn::Mul(df_t, f), dcost = hn::Mul(df_t, c);
            B = hn::Add(B, b);
            C = hn::Add(C, c);
            npv = hn::Add(npv, dcf);
            dc = hn::Add(dc, dcost);
            S = hn::Add(S, s);
            dsoft = hn::Add(dsoft, hn::Mul(df_t, s));
            running = hn::Add(running, f);
            count_change(f, flow_last, flow_changes);
            count_change(running, running_last, running_changes);
            if (t == 0) {
                plain.cumulative = f, plain.cost = c;
                discounted.cumulative = dcf, discounted.cost = dcost;
            } else {
                hn::StoreU(hn::DemoteTo(df, running), df, cumulative + at(t - 1, k));
                payback_step(plain, f, c, t);
                payback_step(discounted, dcf, dcost, t);
            }
            for (; h < horizons && static_cast<std::size_t>(horizon_months[h]) == t; ++h) {
                const auto put = [&](Metric m, V value) {
                    hn::StoreU(value, d, metrics + (h * metric_count + static_cast<std::size_t>(m)) * lane_block + k);
                };
                const M has_cost = hn::Ne(C, zero);
                put(Metric::benefits, B);
                put(Metric::costs, C);
                put(Metric::roi, hn::IfThenElse(has_cost, hn::Div(hn::Sub(B, C), C), nan));
                put(Metric::npv, npv);
                put(Metric::roi_discounted, hn::IfThenElse(hn::Ne(dc, zero), hn::Div(npv, dc), nan));
                put(Metric::npv_hard, hn::Sub(npv, dsoft));
                put(Metric::roi_hard, hn::IfThenElse(has_cost, hn::Div(hn::Sub(hn::Sub(B, S), C), C), nan));
                put(Metric::irr, nan);
                const M single = hn::Or(hn::Eq(flow_changes, one), hn::Eq(running_changes, one));
                hn::StoreU(hn::IfThenElseZero(single, one), d, unique + h * lane_block + k);
            }
        }
        hn::StoreU(plain.found_value, d, payback + k);
        hn::StoreU(discounted.found_value, d, discounted_payback + k);
    }
}

// Σ cf(t)·x^(n−1−t), t < n, for a vector of paths: the signs at the bracket
// ends, which decide whether an IRR exists, are the scalar solver's.
V ScaledNpv(D d, const double* HWY_RESTRICT cf, std::size_t n, V x) {
    return sim::HWY_NAMESPACE::FourChainPolynomial(d, n, x, [&](std::size_t k) { return hn::LoadU(d, cf + (n - 1 - k) * lane_block); });
}

// Vectors solved together: their Horner chains interleave, so the CPU
// overlaps the dependent multiply-adds of one with those of the others.
constexpr std::size_t group = 4;

// The monthly IRR root x = 1 + i of cf[0 … n − 1] for every path of the
// block, as irr_monthly_root() defines it (the bracket (0.01, 2], NaN without a sign
// change over it, 2 when the NPV is 0 there). Where the root is unique, by
// Newton on g(x) = ln P⁺(x) − ln P⁻(x), P± = Σ max(±cf(t), 0)·x^(n−1−t): the
// same root as the scaled NPV P⁺ − P⁻, but P± are sums of positive terms
// (no cancellation) and g is nearly linear, so 4–6 steps from the start
// suffice; safeguarded as irr_monthly_root()'s Newton is (bisect when a step would
// leave the bracket or not halve it). need_scalar[k] = 1 where the scalar
// solver must decide: several sign changes, or no convergence in 100 steps.
void LaneIrr(const double* HWY_RESTRICT cf, const double* HWY_RESTRICT cf_in, const double* HWY_RESTRICT cf_out,
             std::size_t n, const double* HWY_RESTRICT unique, const double* HWY_RESTRICT start, std::size_t paths,
             double* HWY_RESTRICT root, double* HWY_RESTRICT need_scalar) {
    const D d;
    const std::size_t N = hn::Lanes(d);
    const V zero = hn::Zero(d), one = hn::Set(d, 1.0), half = hn::Set(d, 0.5);
    const V lo = hn::Set(d, 0.01), hi = hn::Set(d, 2.0);
    const V tolerance = hn::Set(d, 1e-11), four_eps = hn::Set(d, 4 * std::numeric_limits<double>::epsilon());
    const V smallest = hn::Set(d, std::numeric_limits<double>::min()), largest = hn::Set(d, std::numeric_limits<double>::max());
    const V nan = hn::Set(d, std::numeric_limits<double>::quiet_NaN());
    const std::size_t vectors = (paths + N - 1) / N;
    for (std::size_t first = 0; first < vectors; first += group) {
        const std::size_t count = std::min(group, vectors - first);
        V x[group], a[group], b[group], step[group], step_before[group], result[group];
        M lo_negative[group], running[group], done[group], solve[group], scalar[group];
        bool any = false;
        for (std::size_t j = 0; j < count; ++j) {
            const std::size_t k = (first + j) * N;
            const M in_block = hn::Lt(hn::Iota(d, static_cast<double>(k)), hn::Set(d, static_cast<double>(paths)));
            const V f_lo = ScaledNpv(d, cf + k, n, lo), f_hi = ScaledNpv(d, cf + k, n, hi);
            const M opposite = hn::Or(hn::And(hn::Lt(f_lo, zero), hn::Gt(f_hi, zero)),
                                      hn::And(hn::Gt(f_lo, zero), hn::Lt(f_hi, zero)));
            const M lo_nonzero = hn::Or(hn::Gt(f_lo, zero), hn::Lt(f_lo, zero));
            const M root_at_hi = hn::And(hn::Eq(f_hi, zero), lo_nonzero);
            const M single = hn::Ne(hn::LoadU(d, unique + k), zero);
            solve[j] = hn::And(in_block, hn::And(opposite, single));
            scalar[j] = hn::And(in_block, hn::AndNot(single, hn::Or(opposite, root_at_hi)));
            result[j] = hn::IfThenElse(hn::And(root_at_hi, single), hi, nan);
            lo_negative[j] = hn::Lt(f_lo, zero);
            a[j] = lo;
            b[j] = hi;
            const V s = hn::LoadU(d, start + k);
            x[j] = hn::IfThenElse(hn::And(hn::Lt(lo, s), hn::Lt(s, hi)), s, hn::Mul(half, hn::Add(lo, hi)));
            step[j] = step_before[j] = hn::Sub(hi, lo);
            running[j] = solve[j];
            done[j] = hn::Lt(one, zero);
            any = any || !hn::AllFalse(d, running[j]);
        }
        for (int iteration = 0; iteration < 100 && any; ++iteration) {
            V p_in[group], dp_in[group], p_out[group], dp_out[group];
            for (std::size_t j = 0; j < count; ++j) p_in[j] = dp_in[j] = p_out[j] = dp_out[j] = zero;
            for (std::size_t t = 0; t < n; ++t)
                for (std::size_t j = 0; j < count; ++j) {
                    const std::size_t at = t * lane_block + (first + j) * N;
                    dp_in[j] = hn::Add(hn::Mul(dp_in[j], x[j]), p_in[j]);
                    p_in[j] = hn::Add(hn::Mul(p_in[j], x[j]), hn::LoadU(d, cf_in + at));
                    dp_out[j] = hn::Add(hn::Mul(dp_out[j], x[j]), p_out[j]);
                    p_out[j] = hn::Add(hn::Mul(p_out[j], x[j]), hn::LoadU(d, cf_out + at));
                }
            any = false;
            for (std::size_t j = 0; j < count; ++j) {
                const V r = hn::Div(p_in[j], p_out[j]);
                const M at_root = hn::Eq(r, one);
                // Where P⁺/P⁻ over- or underflows g is not computed, but its sign is known.
                const M positive = hn::Gt(r, one), negative = hn::Lt(r, one);
                const M normal = hn::And(hn::Ge(r, smallest), hn::Le(r, largest));
                const M same_as_lo = hn::Or(hn::And(lo_negative[j], negative), hn::AndNot(lo_negative[j], positive));
                const M other_side = hn::Or(hn::And(lo_negative[j], positive), hn::AndNot(lo_negative[j], negative));
                const M unknown = hn::Not(hn::Or(at_root, hn::Or(positive, negative)));  // NaN: 0/0 or ∞/∞
                a[j] = hn::IfThenElse(same_as_lo, x[j], a[j]);
                b[j] = hn::IfThenElse(other_side, x[j], b[j]);
                const V g = sim::HWY_NAMESPACE::Log(d, hn::IfThenElse(normal, r, one));
                const V dg = hn::Sub(hn::Div(dp_in[j], p_in[j]), hn::Div(dp_out[j], p_out[j]));
                const V newton = hn::Sub(x[j], hn::Div(g, dg));
                const M in_bracket = hn::And(hn::Ge(newton, a[j]), hn::Le(newton, b[j]));
                const M fast = hn::Not(hn::Gt(hn::Abs(hn::Mul(hn::Set(d, 2.0), hn::Sub(x[j], newton))), hn::Abs(step_before[j])));
                const M use_newton = hn::And(normal, hn::And(in_bracket, fast));
                const V next = hn::IfThenElse(use_newton, newton, hn::Mul(half, hn::Add(a[j], b[j])));
                const V next_step = hn::Sub(next, x[j]);
                const M converged =
                    hn::Or(hn::Or(hn::And(use_newton, hn::Le(hn::Abs(next_step), hn::Mul(tolerance, next))),
                                  hn::Le(hn::Abs(next_step), hn::Mul(four_eps, hn::Abs(next)))),
                           hn::Le(hn::Sub(b[j], a[j]), hn::Mul(hn::Set(d, 1e-15), b[j])));
                const M move = hn::AndNot(at_root, running[j]);
                step_before[j] = hn::IfThenElse(move, step[j], step_before[j]);
                step[j] = hn::IfThenElse(move, next_step, step[j]);
                x[j] = hn::IfThenElse(move, next, x[j]);
                const M finished = hn::And(running[j], hn::Or(at_root, converged));
                done[j] = hn::Or(done[j], finished);
                running[j] = hn::AndNot(hn::Or(finished, unknown), running[j]);
                any = any || !hn::AllFalse(d, running[j]);
            }
        }
        for (std::size_t j = 0; j < count; ++j) {
            const std::size_t k = (first + j) * N;
            const M solved = hn::And(solve[j], done[j]);
            hn::StoreU(hn::IfThenElse(solved, x[j], result[j]), d, root + k);
            hn::StoreU(hn::IfThenElseZero(hn::Or(scalar[j], hn::AndNot(done[j], solve[j])), one), d, need_scalar + k);
        }
    }
}

// ScaledNpv with the rates in lanes and the coefficients broadcast.
void ScaledNpvAt(const double* HWY_RESTRICT cf, std::size_t n, const double* HWY_RESTRICT x, std::size_t count,
                 double* HWY_RESTRICT out) {
    const D d;
    const std::size_t N = hn::Lanes(d);
    for (std::size_t j = 0; j < count; j += N) {
        HWY_ALIGN double lanes[hn::MaxLanes(d)];
        for (std::size_t i = 0; i < N; ++i) lanes[i] = x[std::min(j + i, count - 1)];
        const V xv = hn::Load(d, lanes);
        hn::Store(sim::HWY_NAMESPACE::FourChainPolynomial(d, n, xv, [&](std::size_t k) { return hn::Set(d, cf[n - 1 - k]); }), d, lanes);
        for (std::size_t i = 0; i < N && j + i < count; ++i) out[j + i] = lanes[i];
    }
}

std::int64_t Target() { return HWY_TARGET; }

}  // namespace HWY_NAMESPACE
}  // namespace models
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace models {

HWY_EXPORT(LanePass);
HWY_EXPORT(LaneIrr);
HWY_EXPORT(Target);
HWY_EXPORT(ScaledNpvAt);

void scaled_npv_at(std::span<const double> cf, std::span<const double> x, std::span<double> out) {
    HWY_DYNAMIC_DISPATCH(ScaledNpvAt)(cf.data(), cf.size(), x.data(), x.size(), out.data());
}

std::size_t lane_scratch_size(int months, std::size_t horizons) {
    return (3 * (static_cast<std::size_t>(months) + 1) + horizons + 4) * lane_block;
}

std::int64_t lane_metrics_target() { return HWY_DYNAMIC_DISPATCH(Target)(); }

void lane_metrics(LaneFlows flows, std::size_t paths, std::span<const double> discount,
                  std::span<const int> horizon_months, std::span<double> scratch, LaneMetrics out, bool irr) {
    const std::size_t months = discount.size(), horizons = horizon_months.size(), L = lane_block;
    double* cf = scratch.data();
    double *cf_in = cf + months * L, *cf_out = cf_in + months * L, *unique = cf_out + months * L;
    double *start = unique + horizons * L, *root = start + L, *longest = root + L, *need_scalar = longest + L;
    HWY_DYNAMIC_DISPATCH(LanePass)(flows.cost.data(), flows.benefit.data(), flows.soft.data(), discount.data(), months,
                                   horizon_months.data(), horizons, paths, cf, cf_in, cf_out, unique, out.metrics.data(),
                                   out.payback.data(), out.discounted_payback.data(), out.cumulative.data());
    if (!irr) return;  // LanePass left the IRRs NaN
    std::vector<double> column;
    // Longest horizon first: its root starts the search of the others.
    for (std::size_t h = horizons; h-- > 0;) {
        const auto n = static_cast<std::size_t>(horizon_months[h]) + 1;
        for (std::size_t k = 0; k < L; ++k) start[k] = h + 1 == horizons || std::isnan(longest[k]) ? 1.0 : longest[k];
        HWY_DYNAMIC_DISPATCH(LaneIrr)(cf, cf_in, cf_out, n, unique + h * L, start, paths, root, need_scalar);
        double* irr_out = out.metrics.data() + (h * metric_count + static_cast<std::size_t>(Metric::irr)) * L;
        for (std::size_t k = 0; k < paths; ++k) {
            if (need_scalar[k] != 0) {
                column.resize(n);
                for (std::size_t t = 0; t < n; ++t) column[t] = cf[t * L + k];
                root[k] = irr_monthly_root(column, start[k]);
            }
            irr_out[k] = annual_from_monthly(root[k]);
        }
        if (h + 1 == horizons) std::copy(root, root + L, longest);
    }
}

}  // namespace models
#endif  // HWY_ONCE

#include "models/financial_metrics.hpp"

#include <algorithm>
#include <array>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <limits>
#include <utility>

#include "models/lane_metrics.hpp"
#include "sim/polynomial.hpp"

namespace models {

using sim::polynomial;
using sim::polynomial_and_derivative;

std::vector<double> discount_factors(double annual_rate, int months) {
    std::vector<double> df(static_cast<std::size_t>(months) + 1);
    // (1 + d_m)^(−t) = (1 + d)^(−t/12), computed directly to avoid compounding rounding.
    for (int t = 0; t <= months; ++t) df[static_cast<std::size_t>(t)] = std::pow(1.0 + annual_rate, -t / 12.0);
    return df;
}

namespace {

int sign(double v) { return (v > 0) - (v < 0); }

// Σ cf(t)·x^(h−t), x = 1 + i: the NPV times (1 + i)^h. Same sign as the NPV
// and same roots, but no overflow at i = −0.99 where (1 + i)^(−t) = 100^t.
double scaled_npv(std::span<const double> cf, double x) {
    const std::size_t n = cf.size();
    return polynomial(n, x, [&](std::size_t k) { return cf[n - 1 - k]; });
}

// The single root of p(x) = Σ cf(t)·x^(h−t) in [a, b], where p changes sign
// (fa: its value at a): Newton from `start` (the longest horizon's root, or
// x = 1), falling back to bisection whenever a step would leave the bracket
// or not halve it (Press et al.'s rtsafe). Horner gives p and p' together in
// one pass. (Newton on ln PV(inflows) − ln PV(outflows) took fewer steps but
// two evaluations, a log and an exp each: slower one path at a time.)
double newton_in_bracket(std::span<const double> cf, double a, double b, double fa, double start) {
    const std::size_t n = cf.size();
    double x = (a < start && start < b) ? start : 0.5 * (a + b);
    double step_before = b - a, step = step_before;
    for (int iteration = 0; iteration < 200; ++iteration) {
        // p(x) = Σ a_k x^k with a_k = cf[n − 1 − k].
        const auto [p, dp] = polynomial_and_derivative(n, x, [&](std::size_t k) { return cf[n - 1 - k]; });
        if (p == 0) return x;
        if (sign(p) == sign(fa)) {
            a = x;
            fa = p;
        } else {
            b = x;
        }
        const double newton = x - p / dp;
        double next;
        // Newton may land on the end of the bracket that x just became: that
        // is convergence, not leaving the bracket (rtsafe's test is inclusive
        // too; a strict one here cost some 40 bisections a root).
        if (!(dp != 0) || !(newton >= a && newton <= b) || std::abs(2 * (x - newton)) > std::abs(step_before)) {
            next = 0.5 * (a + b);  // bisect: Newton would leave the bracket or is too slow
            step_before = step;
            step = next - x;
        } else {
            next = newton;
            step_before = step;
            step = next - x;
        }
        if (std::abs(step) <= 4 * std::numeric_limits<double>::epsilon() * std::abs(next) || b - a <= 1e-15 * b)
            return next;
        x = next;
    }
    return x;
}

}  // namespace

double irr_monthly_root(std::span<const double> cf, double start) {
    constexpr double lo = 0.01, hi = 2.0;  // x = 1 + i, i ∈ (−0.99, 1]
    const double f_lo = scaled_npv(cf, lo), f_hi = scaled_npv(cf, hi);
    if (f_hi == 0.0) {
        // A root at i = 1 counts; a root nearer 0 would still win below.
        if (sign(f_lo) == 0) return NAN;
    } else if (sign(f_lo) * sign(f_hi) >= 0) {
        return NAN;
    }
    // The root is unique, so one bracketed solve suffices, when either the
    // flows change sign once (Descartes' rule of signs) or their running sums
    // do (Norström 1972, the usual shape of an investment: cumulative cash
    // negative, then positive for good).
    const auto sign_changes = [](auto&& next, std::size_t n) {
        int changes = 0, last = 0;
        for (std::size_t k = 0; k < n; ++k)
            if (const int s = sign(next(k)); s != 0) {
                if (last != 0 && s != last) ++changes;
                last = s;
            }
        return changes;
    };
    double running = 0;
    const int flow_changes = sign_changes([&](std::size_t k) { return cf[k]; }, cf.size());
    const int cumulative_changes = sign_changes([&](std::size_t k) { return running += cf[k]; }, cf.size());
    const bool unique = flow_changes == 1 || cumulative_changes == 1;
    if (f_hi == 0.0 && unique) return hi;
    if (unique) return newton_in_bracket(cf, lo, hi, f_lo, start);

    // Several roots possible: bracket every sign change on a grid, keep the
    // root closest to i = 0, each solved by TOMS 748 (Alefeld, Potra & Shi
    // 1995) within its grid cell.
    const auto f = [&](double x) { return scaled_npv(cf, x); };
    boost::math::tools::eps_tolerance<double> tolerance(45);
    const auto solve = [&](double a, double b) {
        std::uintmax_t iterations = 200;
        const auto r = boost::math::tools::toms748_solve(f, a, b, f(a), f(b), tolerance, iterations);
        return 0.5 * (r.first + r.second);
    };
    constexpr int grid = 200;
    // The scaled NPV at the grid's inner points, several rates at once.
    std::array<double, grid - 1> xs, fs;
    for (int k = 1; k < grid; ++k) xs[static_cast<std::size_t>(k - 1)] = lo + (hi - lo) * k / grid;
    scaled_npv_at(cf, xs, fs);
    double best = f_hi == 0.0 ? hi : NAN;
    double x0 = lo, f0 = f_lo;
    for (int k = 1; k <= grid; ++k) {
        const double x1 = k == grid ? lo + (hi - lo) * k / grid : xs[static_cast<std::size_t>(k - 1)];
        const double f1 = k == grid ? f_hi : fs[static_cast<std::size_t>(k - 1)];
        double root = NAN;
        if (f0 == 0.0) root = x0;
        else if (f1 != 0.0 && sign(f0) != sign(f1)) root = solve(x0, x1);
        if (!std::isnan(root) && (std::isnan(best) || std::abs(root - 1.0) < std::abs(best - 1.0))) best = root;
        x0 = x1;
        f0 = f1;
    }
    return best;
}

double annual_from_monthly(double x) { return std::isnan(x) ? NAN : std::pow(x, 12) - 1.0; }

double irr_annual(std::span<const double> cf) { return annual_from_monthly(irr_monthly_root(cf, 1.0)); }

double payback_months(std::span<const double> flow, std::span<const double> cost) {
    double cumulative = flow[0], cumulative_cost = cost[0];
    for (std::size_t t = 1; t < flow.size(); ++t) {
        const double before = cumulative;
        cumulative += flow[t];
        cumulative_cost += cost[t];
        if (cumulative >= 0 && cumulative_cost > 0) {
            const double shortfall = std::max(0.0, -before);
            return static_cast<double>(t - 1) + (shortfall > 0 ? shortfall / flow[t] : 0.0);
        }
    }
    return std::numeric_limits<double>::infinity();
}

void path_metrics(std::span<const double> cost, std::span<const double> benefit, std::span<const double> soft,
                  std::span<const double> discount,
                  std::span<const int> horizon_months, std::span<double> scratch, PathMetrics& out,
                  std::span<float> cumulative, bool irr) {
    const std::size_t n = cost.size();
    const std::span<double> cf = scratch.subspan(0, n), dcf = scratch.subspan(n, n), dcost = scratch.subspan(2 * n, n);
    for (std::size_t t = 0; t < n; ++t) {
        cf[t] = benefit[t] - cost[t];
        dcf[t] = discount[t] * cf[t];
        dcost[t] = discount[t] * cost[t];
    }
    double B = 0, C = 0, npv = 0, dc = 0, S = 0, dsoft = 0, running = 0;
    std::size_t t = 0;
    for (std::size_t h = 0; h < horizon_months.size(); ++h) {
        const auto end = static_cast<std::size_t>(horizon_months[h]);
        for (; t <= end; ++t) {
            B += benefit[t];
            C += cost[t];
            npv += dcf[t];
            dc += dcost[t];
            S += soft[t];
            dsoft += discount[t] * soft[t];
        }
        auto& m = out.horizons[h];
        m[static_cast<std::size_t>(Metric::benefits)] = B;
        m[static_cast<std::size_t>(Metric::costs)] = C;
        m[static_cast<std::size_t>(Metric::roi)] = C != 0 ? (B - C) / C : NAN;
        m[static_cast<std::size_t>(Metric::npv)] = npv;
        m[static_cast<std::size_t>(Metric::roi_discounted)] = dc != 0 ? npv / dc : NAN;
        m[static_cast<std::size_t>(Metric::npv_hard)] = npv - dsoft;
        m[static_cast<std::size_t>(Metric::roi_hard)] = C != 0 ? (B - S - C) / C : NAN;
    }
    // The IRRs, longest horizon first: its root starts the search of the others.
    double start = 1.0;
    for (std::size_t h = horizon_months.size(); h-- > 0;) {
        const double x = irr ? irr_monthly_root(cf.subspan(0, static_cast<std::size_t>(horizon_months[h]) + 1), start) : NAN;
        out.horizons[h][static_cast<std::size_t>(Metric::irr)] = annual_from_monthly(x);
        if (h + 1 == horizon_months.size() && !std::isnan(x)) start = x;
    }
    for (std::size_t s = 0; s < n; ++s) {
        running += cf[s];
        if (s >= 1) cumulative[s - 1] = static_cast<float>(running);
    }
    out.payback = payback_months(cf, cost);
    out.discounted_payback = payback_months(dcf, dcost);
}

}  // namespace models

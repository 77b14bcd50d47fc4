#!/usr/bin/python3
"""The custom-vs-standard scenario as a data analyst would write it with NumPy.

A straightforward vectorised implementation of MODEL.md §3-4.5 for the
features the shipped scenario uses (PERT, uniform and lognormal inputs,
a Gaussian copula for its three rank correlations, once / per-user / monthly /
build-fraction cost lines, risk events, the productivity dip, logistic
adoption, customer stocks, every metric incl. IRR and payback, and the
monthly fan chart). Paths are processed in chunks of 100,000 so that 10^6
fits in memory. Plain Monte Carlo with NumPy's PCG64.

Used by bench/end_to_end (speed ratio on the same machine) and by the test
`reference.numpy_model_agrees` (an independent implementation: its medians
must agree with roicast's within sampling error).

usage: numpy_model.py SCENARIO.json PATHS [--seed S] [--json OUT]
"""
import argparse
import json
import math
import sys
import time

import numpy as np
from scipy import special, stats

Z90 = 1.2815515655446004


def constant_or_dist(spec):
    if isinstance(spec, dict) and "value" in spec:
        return float(spec["value"])
    return spec


class Inputs:
    """Draws every uncertain input; correlated ones through a Gaussian copula."""

    def __init__(self, scenario, n, rng):
        self.n, self.rng = n, rng
        self.scores = {}
        pairs = scenario.get("correlations", [])
        names = sorted({a for p in pairs for a in p["between"]})
        if names:
            idx = {a: i for i, a in enumerate(names)}
            r = np.eye(len(names))
            for p in pairs:
                i, j = idx[p["between"][0]], idx[p["between"][1]]
                r[i, j] = r[j, i] = 2 * math.sin(math.pi * p["rank"] / 6)
            z = rng.standard_normal((n, len(names))) @ np.linalg.cholesky(r).T
            self.scores = {a: z[:, idx[a]] for a in names}

    def draw(self, address, spec):
        """One value per path (an array of n), also for constants."""
        spec = constant_or_dist(spec)
        if not isinstance(spec, dict):
            return np.full(self.n, float(spec))
        z = self.scores.get(address)
        kind = spec["dist"]
        if kind == "pert":
            lo, mode, hi = spec["min"], spec["mode"], spec["max"]
            lam = spec.get("lambda", 4)
            a = 1 + lam * (mode - lo) / (hi - lo)
            b = 1 + lam * (hi - mode) / (hi - lo)
            x = special.betaincinv(a, b, stats.norm.cdf(z)) if z is not None else self.rng.beta(a, b, self.n)
            return lo + (hi - lo) * x
        if kind == "uniform":
            u = stats.norm.cdf(z) if z is not None else self.rng.random(self.n)
            return spec["min"] + (spec["max"] - spec["min"]) * u
        if kind == "lognormal":
            mu, sigma = math.log(spec["median"]), math.log(spec["p90"] / spec["median"]) / Z90
            return np.exp(mu + sigma * (z if z is not None else self.rng.standard_normal(self.n)))
        raise ValueError(f"{address}: {kind} is not used by this benchmark")


def simulate(scenario, n, rng):
    H = max(scenario["horizons"].values())
    t = np.arange(1, H + 1, dtype=float)  # months 1..H (nothing is placed at month 0 here)
    d_m = (1 + scenario["discount_rate"]) ** (1 / 12) - 1
    df = (1 + d_m) ** -t
    draw = Inputs(scenario, n, rng)
    base = scenario["baseline"]
    b = {k: draw.draw("baseline." + k, v) for k, v in base.items()}
    U, w = b["users"], b["loaded_cost_per_user_month"]
    out = {}
    for name, o in scenario["options"].items():
        at = f"options.{name}."
        G = draw.draw(at + "implementation.months", o["implementation"]["months"])
        omega = draw.draw(at + "implementation.overrun", o["implementation"].get("overrun", 1))
        g = np.ceil(G)
        tt = t[None, :]
        tau = tt - G[:, None]
        phi = np.clip(tau, 0, 1)
        impl_share = np.clip(np.minimum(tt, G[:, None]) - (tt - 1), 0, None) / G[:, None]
        at_go_live = (tt == g[:, None]).astype(float)
        cost = np.zeros((n, H))
        build = np.zeros(n)
        for line, c in o.get("costs", {}).items():
            unit = c["unit"]
            if unit in ("once", "per_user_once"):
                x = draw.draw(at + f"costs.{line}.amount", c["amount"])
                amount = x * (U if unit == "per_user_once" else 1)
                timing = c.get("timing", "implementation")
                if c.get("overrun", timing == "implementation"):
                    amount = amount * omega
                if timing == "implementation":
                    build += amount
                    cost += amount[:, None] * impl_share
                else:
                    cost += amount[:, None] * at_go_live
        for line, c in o.get("costs", {}).items():  # recurring lines, after B is known
            unit = c["unit"]
            if unit in ("once", "per_user_once"):
                continue
            x = draw.draw(at + f"costs.{line}.amount", c["amount"])
            escalation = (1 + c.get("annual_increase", 0)) ** np.floor((t - 1) / 12)
            s = phi if c.get("from", "go_live") == "go_live" else np.ones((1, H))
            monthly = {"per_month": x, "per_user_month": x * U, "build_fraction_per_year": x * build / 12}[unit]
            cost += monthly[:, None] * escalation[None, :] * s
        if "productivity_dip" in o:
            dip = o["productivity_dip"]
            cost += (U * w * dip["fraction"])[:, None] * np.where(tau > 0, np.maximum(0, 1 - tau / dip["months"]), 0)
        for risk, r in o.get("risks", {}).items():
            occurs = draw.rng.random(n) > 1 - r["probability"]
            amount = draw.draw(at + f"risks.{risk}.cost", r["cost"])
            cost += (amount * occurs)[:, None] * at_go_live

        ad = o["adoption"]
        ceiling = draw.draw(at + "adoption.ceiling", ad.get("ceiling", 1))
        mu = draw.draw(at + "adoption.midpoint_months", ad["midpoint_months"])
        k = draw.draw(at + "adoption.steepness", ad["steepness"])
        s0 = special.expit(-k * mu)
        A = np.where(tau > 0, ceiling[:, None] * (special.expit(k[:, None] * (tau - mu[:, None])) - s0[:, None])
                     / (1 - s0[:, None]), 0.0)
        dA = np.maximum(0, np.diff(A, axis=1, prepend=0.0))

        e = o.get("effects", {})
        eff = {key: draw.draw(at + "effects." + key, e.get(key, 0))
               for key in ("conversion_uplift", "churn_reduction", "revenue_per_customer_uplift",
                           "sales_cycle_reduction", "time_saved_fraction")}
        kappa = draw.draw(at + "effects.productivity_capture", e.get("productivity_capture", 1))
        L, c0, r_, m = b["leads_per_month"], b["conversion_rate"], b["revenue_per_customer_month"], b["gross_margin"]
        h0, D0 = b["monthly_churn"], b["sales_cycle_months"]
        n_b = L * c0
        n_o = (L * c0)[:, None] * (1 + eff["conversion_uplift"][:, None] * A) * \
            (1 + (eff["sales_cycle_reduction"] * D0)[:, None] * dA)
        h_o = np.minimum(1, h0[:, None] * (1 - eff["churn_reduction"][:, None] * A))
        N_b = b["customers"].copy()
        N_o = N_b.copy()
        revenue_gain = np.empty((n, H))
        for j in range(H):  # customer stocks are a recursion over months
            N_b = N_b * (1 - h0) + n_b
            N_o = N_o * (1 - h_o[:, j]) + n_o[:, j]
            revenue_gain[:, j] = N_o * r_ * (1 + eff["revenue_per_customer_uplift"] * A[:, j]) - N_b * r_
        benefit = m[:, None] * revenue_gain + (U * w * eff["time_saved_fraction"] * kappa)[:, None] * A
        for sname, sv in e.get("savings", {}).items():
            v = draw.draw(at + f"effects.savings.{sname}.reduction", sv["reduction"])
            benefit += (sv["monthly_base"] * v)[:, None] * A
        out[name] = (cost, benefit)
    return out, df


def irr_annual(cf):
    """Monthly IRR by vectorised bisection on (-0.99, 1]; NaN without a sign change."""
    n, h = cf.shape
    powers = np.arange(1, h + 1)

    def npv(i):
        return (cf / (1 + i)[:, None] ** powers[None, :]).sum(axis=1)

    lo, hi = np.full(n, -0.99), np.full(n, 1.0)
    f_lo, f_hi = npv(lo), npv(hi)
    ok = (f_lo * f_hi < 0) | (f_hi == 0)
    for _ in range(60):
        mid = (lo + hi) / 2
        f_mid = npv(mid)
        left = f_lo * f_mid <= 0
        hi, lo = np.where(left, mid, hi), np.where(left, lo, mid)
        f_lo = np.where(left, f_lo, f_mid)
    return np.where(ok, (1 + (lo + hi) / 2) ** 12 - 1, np.nan)


def payback(cf, cost):
    ccf = np.cumsum(cf, axis=1)
    paid = (ccf >= 0) & (np.cumsum(cost, axis=1) > 0)
    first = np.argmax(paid, axis=1)
    reached = paid.any(axis=1)
    rows = np.arange(len(cf))
    before = np.where(first > 0, ccf[rows, first - 1], 0.0)
    months = first + np.maximum(0, -before) / np.where(cf[rows, first] != 0, cf[rows, first], 1)
    return np.where(reached, months, np.nan)


def metrics(scenario, cost, benefit, df):
    cf = benefit - cost
    res = {}
    for h in scenario["horizons"].values():
        B, C = benefit[:, :h].sum(axis=1), cost[:, :h].sum(axis=1)
        npv = (df[:h] * cf[:, :h]).sum(axis=1)
        dcost = (df[:h] * cost[:, :h]).sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            res[h] = {"roi": np.where(C != 0, (B - C) / C, np.nan),
                      "roi_discounted": np.where(dcost != 0, npv / dcost, np.nan),
                      "npv": npv, "irr": irr_annual(cf[:, :h]), "benefits": B, "costs": C}
    return res, payback(cf, cost), np.cumsum(cf, axis=1).astype(np.float32)


def run(scenario, paths, seed, chunk=100_000):
    rng = np.random.default_rng(seed)
    per_option = {}
    for start in range(0, paths, chunk):
        n = min(chunk, paths - start)
        flows, df = simulate(scenario, n, rng)
        for name, (cost, benefit) in flows.items():
            m, pb, ccf = metrics(scenario, cost, benefit, df)
            acc = per_option.setdefault(name, {"metrics": {}, "payback": [], "ccf": []})
            for h, values in m.items():
                for key, v in values.items():
                    acc["metrics"].setdefault(h, {}).setdefault(key, []).append(v)
            acc["payback"].append(pb)
            acc["ccf"].append(ccf)
    summary = {}
    for name, acc in per_option.items():
        s = {"horizons": {}}
        for h, values in acc["metrics"].items():
            s["horizons"][str(h)] = {}
            for key, parts in values.items():
                v = np.concatenate(parts)
                v = v[~np.isnan(v)]
                s["horizons"][str(h)][key] = {
                    "mean": float(v.mean()), "sd": float(v.std(ddof=1)), "n": int(v.size),
                    **{f"p{p}": float(np.percentile(v, p)) for p in (5, 10, 25, 50, 75, 90, 95)}}
        pb = np.concatenate(acc["payback"])
        s["payback_months"] = {"p50": float(np.percentile(np.where(np.isnan(pb), np.inf, pb), 50)),
                               "share_reached": float((~np.isnan(pb)).mean())}
        ccf = np.concatenate(acc["ccf"])
        s["cumulative_cash_flow"] = {f"p{p}": np.percentile(ccf, p, axis=0).tolist() for p in (5, 25, 50, 75, 95)}
        summary[name] = s
    return summary


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("paths", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json")
    a = ap.parse_args()
    scenario = json.load(open(a.scenario))
    start = time.perf_counter()
    summary = run(scenario, a.paths, a.seed)
    elapsed = time.perf_counter() - start
    doc = {"paths": a.paths, "seconds": elapsed, "paths_per_second": a.paths / elapsed, "options": summary}
    if a.json:
        json.dump(doc, open(a.json, "w"))
    print(f"numpy: {a.paths} paths in {elapsed:.2f} s = {a.paths / elapsed:,.0f} paths/s")


if __name__ == "__main__":
    sys.exit(main())

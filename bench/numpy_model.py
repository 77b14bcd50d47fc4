#!/usr/bin/python3
"""roicast's model as a data analyst would write it with NumPy, from the text.

A vectorised implementation of the model (the equations of docs/model.md: the
baseline, options, costs, benefits, metrics, and version 2's start and stop
months, yearly units, staged rollout, hard and soft benefits, the breakdown of
where the money comes from and the year table). Every input is the inverse CDF
of a uniform (SciPy's), correlated inputs through a Gaussian copula. Months
0 … H are columns; paths are processed in chunks so that 10^6 fits in memory.
Plain Monte Carlo with NumPy's PCG64: the random numbers share nothing with
roicast's, so agreement is agreement of the models, within sampling error.

Used by bench/end_to_end (speed ratio on the same machine) and by the test
`reference.numpy_model_agrees`.

usage: numpy_model.py SCENARIO.json PATHS [--seed S] [--json OUT]
"""
import argparse
import json
import math
import sys
import time

import numpy as np
from scipy import special, stats

Z90 = stats.norm.ppf(0.9)
Z95 = stats.norm.ppf(0.95)
EFFECTS = ("conversion_uplift", "churn_reduction", "revenue_per_customer_uplift", "sales_cycle_reduction",
           "time_saved_fraction")


def truncated_ppf(dist, u, lo, hi):
    """X = F⁻¹(F(a) + U (F(b) − F(a))) for a frozen SciPy distribution."""
    fa = dist.cdf(lo) if lo is not None else 0.0
    fb = dist.cdf(hi) if hi is not None else 1.0
    return dist.ppf(fa + u * (fb - fa))


def ppf(spec, u):
    """The inverse CDF of a distribution written as in a scenario file."""
    kind = spec["dist"]
    lo, hi = spec.get("min"), spec.get("max")
    if kind == "pert":
        a, m, b, lam = spec["min"], spec["mode"], spec["max"], spec.get("lambda", 4)
        alpha, beta = 1 + lam * (m - a) / (b - a), 1 + lam * (b - m) / (b - a)
        return a + (b - a) * special.betaincinv(alpha, beta, u)
    if kind == "triangular":
        a, m, b = spec["min"], spec["mode"], spec["max"]
        return stats.triang(c=(m - a) / (b - a), loc=a, scale=b - a).ppf(u)
    if kind == "uniform":
        return lo + (hi - lo) * u
    if kind == "normal":
        if "p5" in spec:
            mean, sd = (spec["p5"] + spec["p95"]) / 2, (spec["p95"] - spec["p5"]) / (2 * Z95)
        else:
            mean, sd = spec["mean"], spec["sd"]
        return truncated_ppf(stats.norm(mean, sd), u, lo, hi)
    if kind == "lognormal":
        if "median" in spec:
            mu, sigma = math.log(spec["median"]), math.log(spec["p90"] / spec["median"]) / Z90
        elif "p5" in spec:
            mu = (math.log(spec["p5"]) + math.log(spec["p95"])) / 2
            sigma = (math.log(spec["p95"]) - math.log(spec["p5"])) / (2 * Z95)
        else:
            s2 = math.log(1 + (spec["sd"] / spec["mean"]) ** 2)
            mu, sigma = math.log(spec["mean"]) - s2 / 2, math.sqrt(s2)
        return truncated_ppf(stats.lognorm(s=sigma, scale=math.exp(mu)), u, lo, hi)
    if kind == "gamma":
        return truncated_ppf(stats.gamma(spec["shape"], scale=spec["scale"]), u, lo, hi)
    if kind == "beta":
        a, b = spec.get("min", 0.0), spec.get("max", 1.0)
        return a + (b - a) * stats.beta(spec["alpha"], spec["beta"]).ppf(u)
    if kind == "bernoulli":
        return (u > 1 - spec["p"]).astype(float)
    if kind == "discrete":
        order = np.argsort(spec["values"], kind="stable")
        values = np.asarray(spec["values"], dtype=float)[order]
        w = np.asarray(spec.get("weights", [1.0] * len(values)), dtype=float)[order]
        cum = np.cumsum(w) / w.sum()
        return values[np.minimum(np.searchsorted(cum, u, side="left"), len(values) - 1)]
    raise ValueError(f"unknown distribution {kind}")


class Inputs:
    """One value per path for every input; correlated ones through a Gaussian copula."""

    def __init__(self, scenario, n, rng, stress=None):
        self.n, self.rng = n, rng
        self.u, self.drawn = {}, {}
        self.stress = stress or {}
        pairs = scenario.get("correlations", [])
        names = sorted({a for p in pairs for a in p["between"]})
        if names:
            idx = {a: i for i, a in enumerate(names)}
            r = np.eye(len(names))
            for p in pairs:
                i, j = idx[p["between"][0]], idx[p["between"][1]]
                r[i, j] = r[j, i] = 2 * math.sin(math.pi * p["rank"] / 6)
            z = rng.standard_normal((n, len(names))) @ np.linalg.cholesky(r).T
            self.u = {a: stats.norm.cdf(z[:, idx[a]]) for a in names}

    def uniform(self, address):
        u = self.u[address] if address in self.u else self.rng.random(self.n)
        if address in self.stress:  # a variant's stress: the input's lo–hi percentile band
            lo, hi = self.stress[address]
            u = lo + (hi - lo) * u
        return u

    def draw(self, address, spec, default=None):
        """Drawn once per address: asking again gives the same values."""
        if address not in self.drawn:
            self.drawn[address] = self._draw(address, spec, default)
        return self.drawn[address]

    def _draw(self, address, spec, default):
        if spec is None:
            spec = default
        if isinstance(spec, dict) and "value" in spec:
            spec = spec["value"]
        if not isinstance(spec, dict):
            return np.full(self.n, float(spec))
        return ppf(spec, self.uniform(address))


def place(amount, timing, G, H):
    """A one-off amount placed by its timing on months 0 … H (amount: per path)."""
    n = len(amount)
    out = np.zeros((n, H + 1))
    t = np.arange(H + 1)[None, :]
    if timing == "implementation":
        share = np.clip(np.minimum(t, G[:, None]) - (t - 1), 0, None) / G[:, None]
        share[:, 0] = 0
        out += amount[:, None] * share
    elif timing == "go_live":
        out += amount[:, None] * (t == np.ceil(G)[:, None])
    else:
        k = timing["month"]
        if k <= H:
            out[:, k] += amount
    return out


class Option:
    """The monthly flows of one option on n paths (months 0 … H)."""

    def __init__(self, name, o, base, draw, H):
        self.H, at = H, f"options.{name}."
        n = draw.n
        t = np.arange(H + 1, dtype=float)[None, :]
        G = draw.draw(at + "implementation.months", o["implementation"]["months"])
        omega = draw.draw(at + "implementation.overrun", o["implementation"].get("overrun"), 1.0)
        U, w = base["users"], base["loaded_cost_per_user_month"]
        stages, before = [], 0.0
        for st in o.get("rollout", [{"month": 0, "share": 1.0}]):
            stages.append((st["month"], st["share"] - before))
            before = st["share"]
        phi = np.clip(t - G[:, None], 0, 1)
        seats = sum(ds * np.clip(t - G[:, None] - m, 0, 1) for m, ds in stages)

        ad = o["adoption"]
        ceiling = draw.draw(at + "adoption.ceiling", ad.get("ceiling"), 1.0)
        if ad["model"] == "logistic":
            k1 = draw.draw(at + "adoption.midpoint_months", ad["midpoint_months"])[:, None]
            k2 = draw.draw(at + "adoption.steepness", ad["steepness"])[:, None]
        else:
            k1 = draw.draw(at + "adoption.p", ad["p"])[:, None]
            k2 = draw.draw(at + "adoption.q", ad["q"])[:, None]

        def ramp(tau):
            """A(τ) of one stage: logistic (k1 = μ, k2 = k) or Bass (k1 = p, k2 = q)."""
            if ad["model"] == "logistic":
                s0 = special.expit(-k2 * k1)
                a = (special.expit(k2 * (tau - k1)) - s0) / (1 - s0)
            else:
                e = np.exp(-(k1 + k2) * tau)
                a = (1 - e) / (1 + (k2 / k1) * e)
            return np.where(tau > 0, ceiling[:, None] * a, 0.0)

        A = sum(ds * ramp(t - G[:, None] - m) for m, ds in stages)
        A[:, 0] = 0.0
        dA = np.maximum(0, np.diff(A, axis=1, prepend=0.0))

        def running(line, per_user):
            """s(t) of a monthly line, `until` included."""
            start = line.get("from", "go_live")
            if start == "contract":
                s = np.ones((n, H + 1))
            elif start == "go_live":
                s = seats if per_user else phi
            else:
                s = np.broadcast_to((t >= start["month"]).astype(float), (n, H + 1))
            s = s * 1.0
            s[:, 0] = 0.0
            until = line.get("until")
            if until == "go_live":
                s = s * (1 - phi)
            elif until is not None:
                s = s * (t <= until["month"])
            return s

        def yearly(line, amount, escalation_rate, scaled):
            """Charges in advance every 12 months from t₀, per stage for per-user lines from go-live."""
            out = np.zeros((n, H + 1))
            start, until = line.get("from", "go_live"), line.get("until")
            if start == "contract":
                starts = [(np.ones(n), 1.0)]
            elif start == "go_live" and line["unit"] == "per_user_year":
                starts = [(np.ceil(G + m), ds) for m, ds in stages]
            elif start == "go_live":
                starts = [(np.ceil(G), 1.0)]
            else:
                starts = [(np.full(n, float(start["month"])), 1.0)]
            for t0, share in starts:
                for j in range(0, H // 12 + 2):
                    tc = t0 + 12 * j
                    ok = tc <= H
                    if until == "go_live":
                        ok &= tc <= G  # φ(t) = 0
                    elif until is not None:
                        ok &= tc <= until["month"]
                    idx = np.nonzero(ok)[0]
                    cols = tc[idx].astype(int)
                    v = amount[idx] * share * (1 + escalation_rate[idx]) ** np.floor((cols - 1) / 12)
                    if scaled:
                        v = v * A[idx, cols]
                    np.add.at(out, (idx, cols), v)
            return out

        def money_line(kind, lname, line, B):
            x = draw.draw(f"{at}{kind}.{lname}.amount", line["amount"])
            unit = line["unit"]
            is_cost = kind == "costs"
            timing = line.get("timing", "implementation")
            if is_cost and line.get("overrun", unit in ("once", "per_user_once") and timing == "implementation"):
                x = x * omega
            rate = draw.draw(f"{at}{kind}.{lname}.annual_increase", line.get("annual_increase"), 0.0)
            scaled = (not is_cost) and line.get("adoption_scaled", False)
            if unit == "once":
                return place(x, timing, G, H)
            if unit == "per_user_once":
                if timing == "go_live":
                    return sum(place(x * U * ds, "go_live", G + m, H) for m, ds in stages)
                return place(x * U, timing, G, H)
            if unit in ("per_year", "per_user_year"):
                return yearly(line, x * (U if unit == "per_user_year" else 1), rate, scaled)
            E = (1 + rate[:, None]) ** np.floor(np.maximum(t - 1, 0) / 12)
            monthly = {"per_month": x, "per_user_month": x * U, "build_fraction_per_year": x * B / 12}[unit]
            flow = monthly[:, None] * E * running(line, unit == "per_user_month")
            return flow * A if scaled else flow

        costs = o.get("costs", {})
        # B: the once / per_user_once lines timed implementation, after overrun.
        B = np.zeros(n)
        for lname, line in costs.items():
            if line["unit"] in ("once", "per_user_once") and line.get("timing", "implementation") == "implementation":
                x = draw.draw(f"{at}costs.{lname}.amount", line["amount"])
                B += x * (U if line["unit"] == "per_user_once" else 1) * (omega if line.get("overrun", True) else 1)
        self.cost_lines = {lname: money_line("costs", lname, line, B) for lname, line in costs.items()}
        self.benefit_lines = {lname: money_line("benefits", lname, line, B)
                              for lname, line in o.get("benefits", {}).items()}
        self.soft_lines = [k for k, line in o.get("benefits", {}).items() if line.get("soft", False)]

        self.dip = np.zeros((n, H + 1))
        self.has_dip = "productivity_dip" in o
        if self.has_dip:
            d = o["productivity_dip"]
            delta = draw.draw(at + "productivity_dip.fraction", d["fraction"])
            M = draw.draw(at + "productivity_dip.months", d["months"])
            for m, ds in stages:
                tau = t - G[:, None] - m
                self.dip += (U * w * delta * ds)[:, None] * np.where(tau > 0, np.maximum(0, 1 - tau / M[:, None]), 0)
        self.risks = {}
        for rname, r in o.get("risks", {}).items():
            p = draw.draw(f"{at}risks.{rname}.probability", r["probability"])
            occurs = draw.uniform(f"{at}risks.{rname}.occurs") > 1 - p
            cost = draw.draw(f"{at}risks.{rname}.cost", r["cost"])
            self.risks[rname] = place(cost * occurs, r.get("timing", "go_live"), G, H)

        e = o.get("effects", {})
        eff = {k: draw.draw(at + "effects." + k, e.get(k), 0.0) for k in EFFECTS}
        kappa = draw.draw(at + "effects.productivity_capture", e.get("productivity_capture"), 1.0)
        L, c0 = base["leads_per_month"], base["conversion_rate"]
        r_, m_ = base["revenue_per_customer_month"], base["gross_margin"]
        h0, D0, N0 = base["monthly_churn"], base["sales_cycle_months"], base["customers"]
        uc, uh, ur, sc = (eff[k][:, None] for k in EFFECTS[:4])
        nb = (L * c0)[:, None]
        pipeline = 1 + sc * D0[:, None] * dA
        n_o = nb * (1 + uc * A) * pipeline
        h_o = np.minimum(1, h0[:, None] * (1 - uh * A))
        stocks = {k: np.zeros((n, H + 1)) for k in ("b", "o", "c", "s", "h")}
        for k in stocks:
            stocks[k][:, 0] = N0
        for j in range(1, H + 1):  # customer stocks are a recursion over months
            stocks["b"][:, j] = stocks["b"][:, j - 1] * (1 - h0) + nb[:, 0]
            stocks["o"][:, j] = stocks["o"][:, j - 1] * (1 - h_o[:, j]) + n_o[:, j]
            stocks["c"][:, j] = stocks["c"][:, j - 1] * (1 - h0) + nb[:, 0] * (1 + uc[:, 0] * A[:, j])
            stocks["s"][:, j] = stocks["s"][:, j - 1] * (1 - h0) + nb[:, 0] * pipeline[:, j]
            stocks["h"][:, j] = stocks["h"][:, j - 1] * (1 - h_o[:, j]) + nb[:, 0]
        mr = (m_ * r_)[:, None]
        gain = m_[:, None] * (stocks["o"] * r_[:, None] * (1 + ur * A) - stocks["b"] * r_[:, None])
        effects = {
            "conversion": mr * (stocks["c"] - stocks["b"]),
            "sales_cycle": mr * (stocks["s"] - stocks["b"]),
            "retention": mr * (stocks["h"] - stocks["b"]),
            "revenue_per_customer": mr * ur * stocks["b"] * A,
        }
        for k in effects:
            effects[k][:, 0] = 0.0
        gain[:, 0] = 0.0
        effects["interaction"] = gain - sum(effects.values())
        effects["productivity"] = (U * w * eff["time_saved_fraction"] * kappa)[:, None] * A
        self.effects = effects
        self.savings = {}
        for sname, sv in e.get("savings", {}).items():
            base_s = draw.draw(f"{at}effects.savings.{sname}.monthly_base", sv["monthly_base"])
            v = draw.draw(f"{at}effects.savings.{sname}.reduction", sv["reduction"])
            self.savings[sname] = (base_s * v)[:, None] * A

        self.benefit = gain + effects["productivity"] + sum(self.savings.values(), np.zeros((n, H + 1))) + \
            sum(self.benefit_lines.values(), np.zeros((n, H + 1)))
        self.soft = effects["productivity"] + sum((self.benefit_lines[k] for k in self.soft_lines), np.zeros((n, H + 1)))
        self.cost = sum(self.cost_lines.values(), np.zeros((n, H + 1))) + self.dip + \
            sum(self.risks.values(), np.zeros((n, H + 1)))

    def breakdown(self, h):
        """Each component's sum over months 0 … h, as flat keys like the results file's."""
        s = lambda x: x[:, :h + 1].sum(axis=1)  # noqa: E731
        out = {f"benefits.{k}": s(v) for k, v in self.effects.items()}
        out.update({f"benefits.savings.{k}": s(v) for k, v in self.savings.items()})
        out.update({f"benefits.lines.{k}": s(v) for k, v in self.benefit_lines.items()})
        out.update({f"costs.lines.{k}": s(v) for k, v in self.cost_lines.items()})
        if self.has_dip:
            out["costs.productivity_dip"] = s(self.dip)
        out.update({f"costs.risks.{k}": s(v) for k, v in self.risks.items()})
        return out

    def years(self, df):
        """Period 0 is month 0; period y months 12(y−1)+1 … min(12y, H)."""
        H = self.H
        rows = []
        for y in range(0, (H + 11) // 12 + 1):
            first, last = (0, 0) if y == 0 else (12 * (y - 1) + 1, min(12 * y, H))
            sl = slice(first, last + 1)
            cf = self.benefit[:, sl] - self.cost[:, sl]
            rows.append({"benefits": self.benefit[:, sl].sum(axis=1), "costs": self.cost[:, sl].sum(axis=1),
                         "net": cf.sum(axis=1), "discounted_net": (df[sl] * cf).sum(axis=1)})
        return rows


def simulate(scenario, n, rng, stress=None, last=None):
    """The options' monthly flows on n paths; with LAST, only the options up to
    that one (those after it draw their numbers after it, so it sees the same)."""
    H = max(scenario.get("horizons", {"short": 12, "medium": 36, "long": 60}).values())
    d_m = (1 + scenario.get("discount_rate", 0.10)) ** (1 / 12) - 1
    df = (1 + d_m) ** -np.arange(H + 1, dtype=float)
    draw = Inputs(scenario, n, rng, stress)
    base = {k: draw.draw("baseline." + k, v) for k, v in scenario.get("baseline", {}).items()}
    for k in ("users", "loaded_cost_per_user_month", "leads_per_month", "conversion_rate",
              "revenue_per_customer_month", "gross_margin", "customers", "monthly_churn", "sales_cycle_months"):
        base.setdefault(k, np.zeros(n))
    options = {}
    for name, o in scenario["options"].items():
        options[name] = Option(name, o, base, draw, H)
        if name == last:
            break
    return options, df


def irr_annual(cf):
    """Annual IRR from the monthly root in (−0.99, 1] by vectorised bisection; NaN without a sign change."""
    n, h1 = cf.shape
    powers = np.arange(h1)

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
    """First t ≥ 1 with CCF(t) ≥ 0 and costs so far > 0, interpolated within the month."""
    ccf = np.cumsum(cf, axis=1)
    paid = (ccf >= 0) & (np.cumsum(cost, axis=1) > 0)
    paid[:, 0] = False
    first = np.argmax(paid, axis=1)
    reached = paid.any(axis=1)
    rows = np.arange(len(cf))
    before = ccf[rows, np.maximum(first - 1, 0)]
    step = cf[rows, first]
    months = first - 1 + np.maximum(0, -before) / np.where(step != 0, step, 1)
    return np.where(reached, months, np.nan)


def metrics(scenario, opt, df, irr=True):
    cf = opt.benefit - opt.cost
    hard = opt.benefit - opt.soft - opt.cost
    res = {}
    for h in scenario.get("horizons", {"short": 12, "medium": 36, "long": 60}).values():
        sl = slice(0, h + 1)
        B, C = opt.benefit[:, sl].sum(axis=1), opt.cost[:, sl].sum(axis=1)
        Bh = B - opt.soft[:, sl].sum(axis=1)
        npv = (df[sl] * cf[:, sl]).sum(axis=1)
        dcost = (df[sl] * opt.cost[:, sl]).sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            res[h] = {"roi": np.where(C != 0, (B - C) / C, np.nan),
                      "roi_discounted": np.where(dcost != 0, npv / dcost, np.nan),
                      "npv": npv, "benefits": B, "costs": C,
                      "npv_hard": (df[sl] * hard[:, sl]).sum(axis=1),
                      "roi_hard": np.where(C != 0, (Bh - C) / C, np.nan)}
        if irr:
            res[h]["irr"] = irr_annual(cf[:, sl])
    return res, payback(cf, opt.cost), np.cumsum(cf, axis=1)[:, 1:].astype(np.float32)


def moments(v):
    v = v[~np.isnan(v)]
    return {"mean": float(v.mean()), "sd": float(v.std(ddof=1)), "n": int(v.size)}


def stats_of(v):
    v = v[~np.isnan(v)]
    return {**moments(v), **{f"p{p}": float(np.percentile(v, p)) for p in (5, 10, 25, 50, 75, 90, 95)}}


def payback_summary(pb):
    ranked = np.where(np.isnan(pb), np.inf, pb)
    q49, q51 = np.percentile(ranked, [49, 51])
    # The median's standard error, sqrt(p(1 − p)/n) / f, with the density f
    # at the median estimated from the 49th to 51st percentiles.
    p50_se = math.sqrt(0.25 / pb.size) * (q51 - q49) / 0.02 if np.isfinite(q51) else math.inf
    return {"p50": float(np.percentile(ranked, 50)), "p50_se": float(p50_se),
            "share_reached": float((~np.isnan(pb)).mean())}


def run(scenario, paths, seed, chunk=50_000, stress=None, irr=True, full=True):
    """The summaries of every option; irr=False leaves the IRR out (a third of the time).
    full=False summarises the metrics by their moments (mean, SD, count) and the
    payback by its median alone, without the percentiles, the breakdown, the year
    table and the cash-flow fan: the same figures as full=True gives for them."""
    rng = np.random.default_rng(seed)
    per_option = {}
    for start in range(0, paths, chunk):
        n = min(chunk, paths - start)
        options, df = simulate(scenario, n, rng, stress)
        for name, opt in options.items():
            m, pb, ccf = metrics(scenario, opt, df, irr)
            acc = per_option.setdefault(name, {"metrics": {}, "breakdown": {}, "years": [], "payback": [], "ccf": []})
            for h, values in m.items():
                for key, v in values.items():
                    acc["metrics"].setdefault(h, {}).setdefault(key, []).append(v)
                if full:
                    for key, v in opt.breakdown(h).items():
                        acc["breakdown"].setdefault(h, {}).setdefault(key, []).append(v)
            if full:
                for y, row in enumerate(opt.years(df)):
                    if len(acc["years"]) <= y:
                        acc["years"].append({k: [] for k in row})
                    for k, v in row.items():
                        acc["years"][y][k].append(v)
                acc["ccf"].append(ccf)
            acc["payback"].append(pb)
    summary = {}
    for name, acc in per_option.items():
        of = stats_of if full else moments
        s = {"horizons": {str(h): {key: of(np.concatenate(parts)) for key, parts in values.items()}
                          for h, values in acc["metrics"].items()}}
        if full:
            s["breakdown"] = {str(h): {key: stats_of(np.concatenate(parts)) for key, parts in by_key.items()}
                              for h, by_key in acc["breakdown"].items()}
            s["years"] = [{k: stats_of(np.concatenate(v)) for k, v in row.items()} for row in acc["years"]]
        s["payback_months"] = payback_summary(np.concatenate(acc["payback"]))
        if full:
            ccf = np.concatenate(acc["ccf"])
            s["cumulative_cash_flow"] = {f"p{p}": np.percentile(ccf, p, axis=0).tolist() for p in (5, 25, 50, 75, 95)}
        summary[name] = s
    return summary


def payback_months(scenario, paths, seed, option, chunk=50_000):
    """run(...)[option]["payback_months"] without the other figures, nor the options after OPTION. With one
    chunk (paths <= chunk) the very same figures; with more, the next chunk's random numbers differ from run()'s
    (run() draws the later options' in between), equally independent of roicast's."""
    rng = np.random.default_rng(seed)
    parts = []
    for start in range(0, paths, chunk):
        options, _ = simulate(scenario, min(chunk, paths - start), rng, last=option)
        opt = options[option]
        parts.append(payback(opt.benefit - opt.cost, opt.cost))
    return payback_summary(np.concatenate(parts))


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

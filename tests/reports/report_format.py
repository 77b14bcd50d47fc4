"""How roicast writes figures for people (app/format.hpp, app/key_figures.hpp),
restated from docs/model.md so the report checks can compute the text a
figure of the results file must show, independently of the C++ writers."""
import math
import re

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}

# 5e+05, 1.2E-3: what no figure for people may look like.
SCIENTIFIC = re.compile(r"\b\d+(\.\d+)?[eE][+-]?\d+\b")


def money(x, currency):
    """A unit holds while its printed figure stays below 1,000 of it (999,999.5 is 1.00M, not 1000k)."""
    if x is None or not math.isfinite(x):
        return "n/a"
    symbol = SYMBOLS.get(currency, currency + " " if currency.isalpha() else currency)
    a = abs(x)
    if a < 9999.5:
        digits = f"{math.floor(a + 0.5):,}"
    else:
        for scale, decimals, suffix in [(1e3, 0, "k"), (1e6, 2, "M"), (1e9, 2, "B")]:
            printed = f"{a / scale:.{decimals}f}"
            digits = printed + suffix
            if float(printed) < 1000:
                break
    return ("-" if x < 0 and a >= 0.5 else "") + symbol + digits


def percent(x, decimals=0):
    if x is None or not math.isfinite(x):
        return "n/a"
    text = f"{100 * x:.{decimals}f} %"
    # No "-0 %": a negative share that prints as zero is shown as zero.
    return text[1:] if text.startswith("-") and not any(c in "123456789" for c in text) else text


def months(x, last):
    return f"after {last}" if x is None else f"{x:.1f}"


def payback_within(results, option):
    """P(payback within the reference band's end, else the first horizon), by whole month."""
    band = results.get("payback_reference_months")
    within = band[1] if band else list(results["horizons"].values())[0]
    cdf = results["options"][option]["payback_months"]["cdf"]
    m = int(math.floor(within))
    return (0.0 if m == 0 else cdf[min(m, len(cdf)) - 1]), m


def soft_share(breakdown):
    b = breakdown["benefits"]
    lines = b.get("lines", {})
    total = sum(b[k]["mean"] for k in ["conversion", "sales_cycle", "retention", "revenue_per_customer",
                                        "interaction", "productivity"])
    total += sum(v["mean"] for v in b.get("savings", {}).values()) + sum(v["mean"] for v in lines.values())
    soft = b["productivity"]["mean"] + sum(v["mean"] for v in lines.values() if v.get("soft"))
    return soft / total if total else None


def key_figures(results):
    """(statistic, months, label, kind, {option: value}) in page-one order,
    read straight from the results file."""
    horizons = list(results["horizons"].values())
    last = horizons[-1]
    opts = results["options"]
    rows = []
    for h in horizons:
        rows.append(("roi_p50", h, f"ROI median, {h} mo", "share",
                     {o: v["horizons"][str(h)]["roi"]["p50"] for o, v in opts.items()}))
    for level in ["p50", "p10", "p90"]:
        label = "Payback median (mo)" if level == "p50" else f"Payback {level.upper()} (mo)"
        rows.append((f"payback_months_{level}", None, label, "months",
                     {o: v["payback_months"][level] for o, v in opts.items()}))
    within = {o: payback_within(results, o) for o in opts}
    m = next(iter(within.values()))[1]
    rows.append(("payback_prob_within", m, f"P(payback within {m} mo)", "share", {o: w[0] for o, w in within.items()}))
    at = lambda metric, stat: {o: v["horizons"][str(last)][metric][stat] for o, v in opts.items()}
    rows.append(("npv_mean", last, f"NPV mean, {last} mo", "money", at("npv", "mean")))
    rows.append(("npv_p10", last, f"NPV P10, {last} mo", "money", at("npv", "p10")))
    rows.append(("npv_p50", last, f"NPV median, {last} mo", "money", at("npv", "p50")))
    rows.append(("npv_p90", last, f"NPV P90, {last} mo", "money", at("npv", "p90")))
    rows.append(("npv_prob_positive", last, f"P(NPV > 0), {last} mo", "share", at("npv", "prob_positive")))
    best = results.get("prob_best", {}).get(str(last))
    if best:
        if len(opts) > 1:
            rows.append(("prob_best", last, f"P(highest NPV of options), {last} mo", "share", best["among_options"]))
        rows.append(("prob_best_counting_not_investing", last, f"P(best, counting not investing), {last} mo", "share",
                     best["counting_not_investing"]))
    rows.append(("roi_hard_p50", last, f"ROI on hard benefits, median, {last} mo", "share", at("roi_hard", "p50")))
    rows.append(("soft_share", last, f"Soft share of benefits (means), {last} mo", "share",
                 {o: soft_share(v["horizons"][str(last)]["breakdown"]) for o, v in opts.items()}))
    return rows


def shown(kind, value, results):
    last = list(results["horizons"].values())[-1]
    if kind == "money":
        return money(value, results["currency"])
    if kind == "months":
        return months(value, last)
    return percent(value)


def option_label(name):
    """option_label of app/results_document: "custom_build" -> "Custom build"."""
    words = name.replace("_", " ").replace("-", " ")
    return words[:1].upper() + words[1:]

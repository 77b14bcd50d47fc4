"""When roicast and the independent NumPy model agree on a mean."""
import math

Z_LIMIT = 4.5


def mean_disagreement(ours_mean, ours_sd, ours_n, theirs):
    """None when two independent sample means agree: |z| <= Z_LIMIT on their
    difference, or equal to 1e-9 when neither varies; otherwise the figures."""
    se = math.sqrt(ours_sd ** 2 / ours_n + theirs["sd"] ** 2 / theirs["n"])
    diff = ours_mean - theirs["mean"]
    if se == 0:
        ok = abs(diff) <= 1e-9 * max(1.0, abs(theirs["mean"]))
    else:
        ok = abs(diff / se) <= Z_LIMIT
    if ok:
        return None
    return f"roicast mean {ours_mean:.6g}, numpy {theirs['mean']:.6g}" + (f" (z = {diff / se:.1f})" if se else "")

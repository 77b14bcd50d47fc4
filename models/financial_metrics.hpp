#pragma once

#include <array>
#include <span>
#include <vector>

namespace models {

// The per-horizon metrics (docs/model.md, "Metrics"), in results-file order;
// npv_hard and roi_hard count the hard (cash) benefits only.
enum class Metric { roi, roi_discounted, npv, irr, benefits, costs, npv_hard, roi_hard };
inline constexpr std::array<Metric, 8> all_metrics = {Metric::roi,      Metric::roi_discounted, Metric::npv,
                                                      Metric::irr,      Metric::benefits,       Metric::costs,
                                                      Metric::npv_hard, Metric::roi_hard};
inline constexpr std::array<const char*, 8> metric_names = {"roi",   "roi_discounted", "npv",      "irr",
                                                            "benefits", "costs",      "npv_hard", "roi_hard"};
inline constexpr std::size_t metric_count = all_metrics.size();

// DF(t) = (1 + d_m)^(−t) with d_m = (1 + d)^(1/12) − 1, t = 0 … H.
std::vector<double> discount_factors(double annual_rate, int months);

// Annual IRR (1 + i)^12 − 1 of cash flows cf[0 … h], the monthly rate i
// searched in (−0.99, 1]. NaN (undefined) unless the NPV at the two ends has
// opposite signs or is 0 at 1; among several roots, the one closest to 0.
double irr_annual(std::span<const double> cf);

// The monthly root x = 1 + i behind irr_annual(), in (0.01, 2], NaN when
// undefined; a single root is searched from `start` (another horizon's
// root, or 1).
double irr_monthly_root(std::span<const double> cf, double start);
// The annual rate x^12 − 1 of a monthly root x; NaN stays NaN.
double annual_from_monthly(double x);

// Time to positive ROI (docs/model.md, "The equations"): the first month t ≥ 1 where the
// cumulative flow is ≥ 0 with costs already incurred, interpolated within the
// month. +∞ when not reached by the last month (censored).
// flow[t] and cost[t] are per month, t = 0 … H; pass discounted flows for the
// discounted payback.
double payback_months(std::span<const double> flow, std::span<const double> cost);

// Fills metrics[h][m] for each horizon and cumulative[t − 1] = CCF(t), from
// one option's monthly cost and benefit on one path (soft: the part of the
// benefit that is not cash). Without `irr`, the IRR is left NaN, not solved.
struct PathMetrics {
    std::span<std::array<double, metric_count>> horizons;  // one per horizon
    double payback = 0, discounted_payback = 0;
};
void path_metrics(std::span<const double> cost, std::span<const double> benefit, std::span<const double> soft,
                  std::span<const double> discount, std::span<const int> horizon_months,
                  std::span<double> scratch,  // 3·(H + 1) doubles
                  PathMetrics& out, std::span<float> cumulative, bool irr = true);

}  // namespace models

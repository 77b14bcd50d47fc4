#pragma once
// The equations of MODEL.md §4.1–4.4, templated on how input values are read
// so the block evaluator can inline its matrix lookups.

#include <algorithm>
#include <cmath>

#include "models/adoption.hpp"

namespace models {

namespace detail {

// Places a one-off amount by its timing (MODEL.md §4.3). G is the (real)
// implementation length, g = ⌈G⌉ the go-live month; flows past H are dropped.
inline void place_once(std::span<double> out, double amount, const Timing& timing, double G) {
    const int H = static_cast<int>(out.size()) - 1;
    const int g = static_cast<int>(std::ceil(G));
    switch (timing.kind) {
        case Timing::Kind::implementation:
            // Month t gets (min(t, G) − (t − 1)) / G, t = 1 … g.
            for (int t = 1; t <= std::min(g, H); ++t)
                out[static_cast<std::size_t>(t)] += amount * (std::min(static_cast<double>(t), G) - (t - 1)) / G;
            break;
        case Timing::Kind::go_live:
            if (g <= H) out[static_cast<std::size_t>(g)] += amount;
            break;
        case Timing::Kind::month:
            if (timing.month <= H) out[static_cast<std::size_t>(timing.month)] += amount;
            break;
    }
}

// φ(t) = clamp(t − G, 0, 1): the share of month t after go-live.
inline double post_go_live_share(int t, double G) { return std::clamp(t - G, 0.0, 1.0); }

// Adds a money line (cost or benefit) into out. B is the option's build cost.
template <class ValueOf>
void add_line(std::span<double> out, const MoneyLine& line, const ValueOf& value, double users, double G,
              double B, double multiplier, std::span<const double> adoption) {
    const double x = value(line.amount) * multiplier;
    const int H = static_cast<int>(out.size()) - 1;
    switch (line.unit) {
        case Unit::once: place_once(out, x, line.timing, G); return;
        case Unit::per_user_once: place_once(out, x * users, line.timing, G); return;
        default: break;
    }
    double monthly = x;
    if (line.unit == Unit::per_user_month) monthly = x * users;
    if (line.unit == Unit::build_fraction_per_year) monthly = x * B / 12.0;
    // E(t) = (1 + annual_increase)^⌊(t−1)/12⌋, compounded once a year.
    const double yearly = 1.0 + value(line.annual_increase);
    double escalation = 1.0;
    for (int t = 1; t <= H; ++t) {
        if (t > 1 && (t - 1) % 12 == 0) escalation *= yearly;
        const double s = line.from == Start::contract ? 1.0 : post_go_live_share(t, G);
        if (s == 0.0) continue;
        double v = monthly * escalation * s;
        if (line.adoption_scaled) v *= adoption[static_cast<std::size_t>(t)];
        out[static_cast<std::size_t>(t)] += v;
    }
}

}  // namespace detail

template <class ValueOf>
void option_flows(const Scenario& s, const Option& o, const ValueOf& value, MonthlyFlows flows) {
    using detail::add_line;
    const auto& b = s.baseline;
    const int H = static_cast<int>(flows.cost.size()) - 1;
    std::fill(flows.cost.begin(), flows.cost.end(), 0.0);
    std::fill(flows.benefit.begin(), flows.benefit.end(), 0.0);

    const double G = value(o.implementation_months);
    const double omega = value(o.overrun);
    const double users = value(b.users);
    const double wage = value(b.loaded_cost_per_user_month);

    const auto& a = o.adoption;
    const double ceiling = value(a.ceiling);
    const bool logistic = a.model == Adoption::Model::logistic;
    const double k1 = logistic ? value(a.midpoint_months) : value(a.p);
    const double k2 = logistic ? value(a.steepness) : value(a.q);
    const auto adoption_at = [&](int t) {
        const double tau = t - G;
        return logistic ? logistic_adoption(tau, ceiling, k1, k2) : bass_adoption(tau, ceiling, k1, k2);
    };

    // The actual build cost B: once/per_user_once lines timed implementation, after overrun.
    double B = 0;
    for (const auto& line : o.costs)
        if (!is_recurring(line.unit) && line.timing.kind == Timing::Kind::implementation)
            B += value(line.amount) * (line.unit == Unit::per_user_once ? users : 1.0) * (line.overrun ? omega : 1.0);

    for (int t = 0; t <= H; ++t) flows.adoption[static_cast<std::size_t>(t)] = adoption_at(t);
    for (const auto& line : o.benefits) add_line(flows.benefit, line, value, users, G, B, 1.0, flows.adoption);
    for (const auto& line : o.costs) add_line(flows.cost, line, value, users, G, B, line.overrun ? omega : 1.0, {});

    if (o.dip) {
        // U·w·δ·max(0, 1 − τ/M) while τ > 0.
        const double delta = value(o.dip->fraction), M = value(o.dip->months);
        for (int t = 1; t <= H; ++t) {
            const double tau = t - G;
            if (tau > 0) flows.cost[static_cast<std::size_t>(t)] += users * wage * delta * std::max(0.0, 1.0 - tau / M);
        }
    }
    for (const auto& r : o.risks)
        if (value(r.occurs) > 1.0 - value(r.probability)) detail::place_once(flows.cost, value(r.cost), r.timing, G);

    // Customers and revenue with and without the CRM (MODEL.md §4.4).
    const auto& e = o.effects;
    const double L = value(b.leads_per_month), c0 = value(b.conversion_rate);
    const double r = value(b.revenue_per_customer_month), m = value(b.gross_margin);
    const double h0 = value(b.monthly_churn), D0 = value(b.sales_cycle_months);
    const double uc = value(e.conversion_uplift), uh = value(e.churn_reduction);
    const double ur = value(e.revenue_per_customer_uplift), sc = value(e.sales_cycle_reduction);
    const double productivity = users * wage * value(e.time_saved_fraction) * value(e.productivity_capture);
    double savings = 0;
    for (const auto& sv : e.savings) savings += value(sv.monthly_base) * value(sv.reduction);

    const double nb = L * c0;
    double Nb = value(b.customers), No = Nb, previous_A = 0.0;
    for (int t = 1; t <= H; ++t) {
        const double A = flows.adoption[static_cast<std::size_t>(t)];
        const double dA = std::max(0.0, A - previous_A);
        previous_A = A;
        const double no = nb * (1.0 + uc * A) * (1.0 + sc * D0 * dA);
        // h_o ≤ 1 only binds for a churn_reduction < 0 on a churn above ½.
        const double ho = std::min(1.0, h0 * (1.0 - uh * A));
        Nb = Nb * (1.0 - h0) + nb;
        No = No * (1.0 - ho) + no;
        const double revenue_gain = No * r * (1.0 + ur * A) - Nb * r;
        flows.benefit[static_cast<std::size_t>(t)] += m * revenue_gain + productivity * A + savings * A;
    }
}

}  // namespace models

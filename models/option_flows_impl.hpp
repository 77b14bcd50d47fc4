#pragma once
// The monthly equations of docs/model.md ("Costs", "Benefits", "Rollout in
// stages", "Where the money comes from"), templated on how input values are
// read so the block evaluator can inline its matrix lookups.

#include <algorithm>
#include <cmath>

#include "models/adoption.hpp"

namespace models {

namespace detail {

// Places a one-off amount by its timing. G is the (real) implementation
// length, g = ⌈G⌉ the go-live month; flows past H are dropped.
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

// A rollout on one path: stage k goes live at G + m_k with Δs_k of the users.
struct Rollout {
    const std::vector<Stage>& stages;
    double G;

    // Calls f(go-live of the stage, its share Δs_k) for every stage.
    template <class F>
    void each(F&& f) const {
        double before = 0;
        for (const Stage& st : stages) {
            f(G + st.month, st.share - before);
            before = st.share;
        }
    }
    // ρ(t) = Σ Δs_k·φ_k(t): the share of the seats in use in month t.
    double seats(int t) const {
        double rho = 0;
        each([&](double live, double share) { rho += share * post_go_live_share(t, live); });
        return rho;
    }
};

// s(t) of a monthly line: running from its start (seats in use for a
// per-user line from go-live), stopped by `until`.
inline double running_share(const MoneyLine& line, int t, const Rollout& rollout) {
    double s = 1.0;
    switch (line.from.kind) {
        case Start::Kind::contract: break;
        case Start::Kind::month: s = t >= line.from.month ? 1.0 : 0.0; break;
        case Start::Kind::go_live:
            s = is_per_user(line.unit) ? rollout.seats(t) : post_go_live_share(t, rollout.G);
            break;
    }
    if (line.until)
        s *= line.until->kind == Stop::Kind::month ? (t <= line.until->month ? 1.0 : 0.0)
                                                   : 1.0 - post_go_live_share(t, rollout.G);
    return s;
}

// Calls charge(t, share) at every month a yearly line bills, in advance: from
// its first month every 12 months up to H, per stage for a per-user line from
// go-live, not after `until` (nor, until go-live, once the system runs).
template <class F>
void yearly_charges(const MoneyLine& line, int H, const Rollout& rollout, F&& charge) {
    const auto from = [&](int first, double share) {
        for (int t = std::max(first, 1); t <= H; t += 12) {
            if (line.until && line.until->kind == Stop::Kind::month && t > line.until->month) break;
            if (line.until && line.until->kind == Stop::Kind::go_live && post_go_live_share(t, rollout.G) > 0) break;
            charge(t, share);
        }
    };
    switch (line.from.kind) {
        case Start::Kind::contract: from(1, 1.0); break;
        case Start::Kind::month: from(line.from.month, 1.0); break;
        case Start::Kind::go_live:
            if (is_per_user(line.unit))
                rollout.each([&](double live, double share) { from(static_cast<int>(std::ceil(live)), share); });
            else
                from(static_cast<int>(std::ceil(rollout.G)), 1.0);
            break;
    }
}

// Adds a money line (cost or benefit) into out. B is the option's build cost.
template <class ValueOf>
void add_line(std::span<double> out, const MoneyLine& line, const ValueOf& value, double users, double B,
              double multiplier, std::span<const double> adoption, const Rollout& rollout) {
    const double x = value(line.amount) * multiplier;
    const int H = static_cast<int>(out.size()) - 1;
    const double yearly = 1.0 + value(line.annual_increase);
    switch (line.unit) {
        case Unit::once: place_once(out, x, line.timing, rollout.G); return;
        case Unit::per_user_once:
            if (line.timing.kind != Timing::Kind::go_live) {
                place_once(out, x * users, line.timing, rollout.G);
                return;
            }
            // Each stage's seats at its own go-live.
            rollout.each([&](double live, double share) {
                place_once(out, x * users * share, line.timing, live);
            });
            return;
        case Unit::per_year:
        case Unit::per_user_year: {
            const double amount = line.unit == Unit::per_user_year ? x * users : x;
            yearly_charges(line, H, rollout, [&](int t, double share) {
                // E(t) = (1 + annual_increase)^⌊(t−1)/12⌋ at the charge month.
                double v = amount * share * std::pow(yearly, (t - 1) / 12);
                if (line.adoption_scaled) v *= adoption[static_cast<std::size_t>(t)];
                out[static_cast<std::size_t>(t)] += v;
            });
            return;
        }
        default: break;
    }
    double monthly = x;
    if (line.unit == Unit::per_user_month) monthly = x * users;
    if (line.unit == Unit::build_fraction_per_year) monthly = x * B / 12.0;
    // E(t) = (1 + annual_increase)^⌊(t−1)/12⌋, compounded once a year.
    double escalation = 1.0;
    for (int t = 1; t <= H; ++t) {
        if (t > 1 && (t - 1) % 12 == 0) escalation *= yearly;
        const double s = running_share(line, t, rollout);
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
    const auto months = static_cast<std::size_t>(H) + 1;
    const BreakdownLayout layout = breakdown_layout(o);
    const auto row = [&](std::size_t r) { return flows.parts.subspan(r * months, months); };
    // Effect and saving rows are written for every month from 1 on; the line,
    // dip and risk rows are added into, so they start from zero.
    for (std::size_t r = 0; r < layout.first_benefit_line(); ++r) row(r)[0] = 0.0;
    std::fill(flows.parts.begin() + static_cast<std::ptrdiff_t>(layout.first_benefit_line() * months),
              flows.parts.begin() + static_cast<std::ptrdiff_t>(layout.size() * months), 0.0);

    const double G = value(o.implementation_months);
    const detail::Rollout rollout{o.rollout, G};
    const double omega = value(o.overrun);
    const double users = value(b.users);
    const double wage = value(b.loaded_cost_per_user_month);

    // A_ρ(t) = Σ Δs_k·A(t − G − m_k): each stage ramps up from its own go-live.
    const auto& a = o.adoption;
    const double ceiling = value(a.ceiling);
    const bool logistic = a.model == Adoption::Model::logistic;
    const double k1 = logistic ? value(a.midpoint_months) : value(a.p);
    const double k2 = logistic ? value(a.steepness) : value(a.q);
    const LogisticRamp ramp(ceiling, k1, k2);  // unused for Bass
    for (int t = 0; t <= H; ++t) {
        double A = 0;
        rollout.each([&](double live, double share) {
            const double tau = t - live;
            A += share * (logistic ? ramp(tau) : bass_adoption(tau, ceiling, k1, k2));
        });
        flows.adoption[static_cast<std::size_t>(t)] = A;
    }

    // The actual build cost B: once/per_user_once lines timed implementation, after overrun.
    double B = 0;
    for (const auto& line : o.costs)
        if (!is_recurring(line.unit) && line.timing.kind == Timing::Kind::implementation)
            B += value(line.amount) * (line.unit == Unit::per_user_once ? users : 1.0) * (line.overrun ? omega : 1.0);

    for (std::size_t i = 0; i < o.benefits.size(); ++i)
        add_line(row(layout.first_benefit_line() + i), o.benefits[i], value, users, B, 1.0, flows.adoption, rollout);
    for (std::size_t i = 0; i < o.costs.size(); ++i)
        add_line(row(layout.first_cost_line() + i), o.costs[i], value, users, B, o.costs[i].overrun ? omega : 1.0, {},
                 rollout);

    if (o.dip) {
        // U·w·δ·Σ_k Δs_k·max(0, 1 − τ_k/M) over the stages live for τ_k > 0.
        const double delta = value(o.dip->fraction), M = value(o.dip->months);
        const auto dip = row(layout.dip_row());
        for (int t = 1; t <= H; ++t) {
            double staged = 0;
            rollout.each([&](double live, double share) {
                const double tau = t - live;
                if (tau > 0) staged += share * std::max(0.0, 1.0 - tau / M);
            });
            if (staged > 0) dip[static_cast<std::size_t>(t)] = users * wage * delta * staged;
        }
    }
    for (std::size_t i = 0; i < o.risks.size(); ++i) {
        const Risk& r = o.risks[i];
        if (value(r.occurs) > 1.0 - value(r.probability))
            detail::place_once(row(layout.first_risk() + i), value(r.cost), r.timing, G);
    }

    // Customers and revenue with and without the CRM; the gain split into what
    // each effect alone would bring, on stocks that all start at N₀, and what
    // they bring together beyond that (interaction).
    const auto& e = o.effects;
    const double L = value(b.leads_per_month), c0 = value(b.conversion_rate);
    const double r = value(b.revenue_per_customer_month), m = value(b.gross_margin);
    const double h0 = value(b.monthly_churn), D0 = value(b.sales_cycle_months);
    const double uc = value(e.conversion_uplift), uh = value(e.churn_reduction);
    const double ur = value(e.revenue_per_customer_uplift), sc = value(e.sales_cycle_reduction);
    const double productivity = users * wage * value(e.time_saved_fraction) * value(e.productivity_capture);
    const auto conversion = row(BreakdownLayout::conversion), sales_cycle = row(BreakdownLayout::sales_cycle),
               retention = row(BreakdownLayout::retention), per_customer = row(BreakdownLayout::revenue_per_customer),
               interaction = row(BreakdownLayout::interaction), time_saved = row(BreakdownLayout::productivity);

    const double nb = L * c0;
    const double N0 = value(b.customers);
    double Nb = N0, No = N0, Nc = N0, Ns = N0, Nh = N0, previous_A = 0.0;
    for (int t = 1; t <= H; ++t) {
        const auto i = static_cast<std::size_t>(t);
        const double A = flows.adoption[i];
        const double dA = std::max(0.0, A - previous_A);
        previous_A = A;
        const double pipeline = 1.0 + sc * D0 * dA;  // a shorter cycle closes the dropped months' deals once
        const double no = nb * (1.0 + uc * A) * pipeline;
        // h_o ≤ 1 only binds for a churn_reduction < 0 on a churn above ½.
        const double ho = std::min(1.0, h0 * (1.0 - uh * A));
        Nb = Nb * (1.0 - h0) + nb;
        No = No * (1.0 - ho) + no;
        Nc = Nc * (1.0 - h0) + nb * (1.0 + uc * A);
        Ns = Ns * (1.0 - h0) + nb * pipeline;
        Nh = Nh * (1.0 - ho) + nb;
        const double mr = m * r;
        conversion[i] = mr * (Nc - Nb);
        sales_cycle[i] = mr * (Ns - Nb);
        retention[i] = mr * (Nh - Nb);
        per_customer[i] = mr * ur * Nb * A;
        const double gain = m * (No * r * (1.0 + ur * A) - Nb * r);
        interaction[i] = gain - (conversion[i] + sales_cycle[i] + retention[i] + per_customer[i]);
        time_saved[i] = productivity * A;
        for (std::size_t k = 0; k < e.savings.size(); ++k)
            row(layout.first_saving() + k)[i] = value(e.savings[k].monthly_base) * value(e.savings[k].reduction) * A;
    }

    // Totals: the sums of their rows; soft: productivity and the soft lines.
    for (std::size_t t = 0; t < months; ++t) {
        double benefit = 0, cost = 0, soft = time_saved[t];
        for (std::size_t k = 0; k < layout.benefit_rows(); ++k) benefit += flows.parts[k * months + t];
        for (std::size_t k = layout.benefit_rows(); k < layout.size(); ++k) cost += flows.parts[k * months + t];
        for (std::size_t k = 0; k < o.benefits.size(); ++k)
            if (o.benefits[k].soft) soft += flows.parts[(layout.first_benefit_line() + k) * months + t];
        flows.benefit[t] = benefit;
        flows.cost[t] = cost;
        flows.soft[t] = soft;
    }
}

}  // namespace models

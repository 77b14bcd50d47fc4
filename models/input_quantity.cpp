#include "models/input_quantity.hpp"

namespace models {

std::vector<Quantity> input_quantities(const Scenario& s) {
    std::vector<Quantity> q(s.inputs.size(), Quantity::share);  // every input the loader adds below is listed
    const auto set = [&](InputId id, Quantity quantity) { q[id] = quantity; };
    const Baseline& b = s.baseline;
    set(b.users, Quantity::count);
    set(b.loaded_cost_per_user_month, Quantity::money);
    set(b.leads_per_month, Quantity::count);
    set(b.conversion_rate, Quantity::share);
    set(b.revenue_per_customer_month, Quantity::money);
    set(b.gross_margin, Quantity::share);
    set(b.customers, Quantity::count);
    set(b.monthly_churn, Quantity::share);
    set(b.sales_cycle_months, Quantity::months);
    for (const Option& o : s.options) {
        set(o.implementation_months, Quantity::months);
        set(o.overrun, Quantity::factor);
        for (const auto* lines : {&o.costs, &o.benefits})
            for (const MoneyLine& m : *lines) {
                set(m.amount, m.unit == Unit::build_fraction_per_year ? Quantity::share : Quantity::money);
                set(m.annual_increase, Quantity::share);
            }
        for (const Risk& r : o.risks) {
            set(r.probability, Quantity::share);
            set(r.cost, Quantity::money);
            set(r.occurs, Quantity::share);
        }
        if (o.dip) {
            set(o.dip->fraction, Quantity::share);
            set(o.dip->months, Quantity::months);
        }
        const Adoption& a = o.adoption;
        set(a.ceiling, Quantity::share);
        if (a.model == Adoption::Model::logistic) {
            set(a.midpoint_months, Quantity::months);
            set(a.steepness, Quantity::rate);
        } else {
            set(a.p, Quantity::rate);
            set(a.q, Quantity::rate);
        }
        for (const Saving& sv : o.effects.savings) {
            set(sv.monthly_base, Quantity::money);
            set(sv.reduction, Quantity::share);
        }
        // The six effects are shares (the default above).
    }
    return q;
}

}  // namespace models

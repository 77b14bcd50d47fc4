#include "app/assumption_register.hpp"

#include <algorithm>

#include "app/distribution_text.hpp"
#include "app/report_text.hpp"

namespace app {

namespace {

std::string spaced(std::string name) {
    std::replace(name.begin(), name.end(), '_', ' ');
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

// What a money line's amount is per.
struct Per {
    Quantity quantity;
    const char* words;
};

Per per_unit(models::Unit u) {
    using models::Unit;
    switch (u) {
        case Unit::once: return {Quantity::money, ""};
        case Unit::per_user_once: return {Quantity::money, " per user, once"};
        case Unit::per_month: return {Quantity::money, " a month"};
        case Unit::per_user_month: return {Quantity::money, " per user a month"};
        case Unit::build_fraction_per_year: return {Quantity::share, " of the build cost a year"};
        case Unit::per_year: return {Quantity::money, " a year"};
        case Unit::per_user_year: return {Quantity::money, " per user a year"};
    }
    return {Quantity::money, ""};
}

class Register {
public:
    explicit Register(const models::Scenario& s) : s_(s) {}

    // One input, once: its label (the user's wins), its value in words.
    void add(const std::string& group, models::InputId id, std::string label, Quantity q, const char* per = "") {
        if (std::find(seen_.begin(), seen_.end(), id) != seen_.end()) return;
        seen_.push_back(id);
        const models::Input& in = s_.inputs[id];
        const auto& d = in.distribution;
        const bool uncertain = !sim::is_constant(d);
        Assumption a;
        a.group = group;
        a.address = in.address;
        a.label = in.label.empty() ? std::move(label) : in.label;
        a.value = distribution_in_words(d, q, s_.currency) + per;
        a.quantity = quantity_name(q);
        a.uncertain = uncertain;
        a.mean = sim::mean(d);
        a.p10 = sim::quantile(d, 0.10);
        a.p50 = sim::quantile(d, 0.50);
        a.p90 = sim::quantile(d, 0.90);
        a.source = in.source;
        list_.push_back(std::move(a));
    }

    std::vector<Assumption> take() { return std::move(list_); }
    const models::Input& input(models::InputId id) const { return s_.inputs[id]; }

private:
    const models::Scenario& s_;
    std::vector<models::InputId> seen_;
    std::vector<Assumption> list_;
};

void money_lines(Register& reg, const std::string& group, const std::vector<models::MoneyLine>& lines, const char* kind) {
    for (const auto& line : lines) {
        const std::string name = line.about.label.empty() ? spaced(line.name) : line.about.label;
        const Per per = per_unit(line.unit);
        reg.add(group, line.amount, std::string(kind) + ": " + name, per.quantity, per.words);
        // Only a recurring line escalates: a one-off line's (default) 0 is no assumption.
        const auto& increase = reg.input(line.annual_increase).distribution;
        if (models::is_recurring(line.unit) || !sim::is_constant(increase) || sim::mean(increase) != 0)
            reg.add(group, line.annual_increase, std::string(kind) + ": " + name + ", yearly increase", Quantity::share,
                    " a year");
    }
}

}  // namespace

std::vector<Assumption> assumption_register(const models::Scenario& s) {
    Register reg(s);
    const auto& b = s.baseline;
    const std::string base = "baseline";
    reg.add(base, b.users, "CRM users (seats)", Quantity::count);
    reg.add(base, b.loaded_cost_per_user_month, "Loaded cost per user", Quantity::money, " a month");
    reg.add(base, b.leads_per_month, "Leads", Quantity::count, " a month");
    reg.add(base, b.conversion_rate, "Conversion rate (lead to customer)", Quantity::share);
    reg.add(base, b.revenue_per_customer_month, "Revenue per customer", Quantity::money, " a month");
    reg.add(base, b.gross_margin, "Gross margin", Quantity::share);
    reg.add(base, b.customers, "Active customers at the start", Quantity::count);
    reg.add(base, b.monthly_churn, "Customer churn", Quantity::share, " a month");
    reg.add(base, b.sales_cycle_months, "Sales cycle", Quantity::months);
    for (const auto& o : s.options) {
        const std::string& g = o.name;
        reg.add(g, o.implementation_months, "Implementation time (signature to go-live)", Quantity::months);
        reg.add(g, o.overrun, "Budget overrun on the build", Quantity::factor);
        money_lines(reg, g, o.costs, "Cost");
        money_lines(reg, g, o.benefits, "Benefit");
        for (const auto& risk : o.risks) {
            const std::string name = risk.about.label.empty() ? spaced(risk.name) : risk.about.label;
            reg.add(g, risk.probability, "Risk: " + name + ", probability it happens", Quantity::share);
            reg.add(g, risk.cost, "Risk: " + name + ", cost if it happens", Quantity::money);
        }
        if (o.dip) {
            reg.add(g, o.dip->fraction, "Productivity dip: time lost at go-live", Quantity::share);
            reg.add(g, o.dip->months, "Productivity dip: months to recover", Quantity::months);
        }
        const auto& a = o.adoption;
        reg.add(g, a.ceiling, "Adoption: share of users who end up using it", Quantity::share);
        if (a.model == models::Adoption::Model::logistic) {
            reg.add(g, a.midpoint_months, "Adoption: months after go-live to half the ceiling", Quantity::months);
            reg.add(g, a.steepness, "Adoption: steepness of the S-curve (per month)", Quantity::rate);
        } else {
            reg.add(g, a.p, "Adoption: users who start on their own (per month)", Quantity::rate);
            reg.add(g, a.q, "Adoption: users who follow others (per month)", Quantity::rate);
        }
        const auto& e = o.effects;
        reg.add(g, e.conversion_uplift, "Effect: conversion rate uplift", Quantity::share);
        reg.add(g, e.churn_reduction, "Effect: churn reduction", Quantity::share);
        reg.add(g, e.revenue_per_customer_uplift, "Effect: revenue per customer uplift", Quantity::share);
        reg.add(g, e.sales_cycle_reduction, "Effect: sales cycle reduction", Quantity::share);
        reg.add(g, e.time_saved_fraction, "Effect: share of each user's time saved", Quantity::share);
        reg.add(g, e.productivity_capture, "Effect: share of saved time that turns into value", Quantity::share);
        for (const auto& saving : e.savings) {
            const std::string name = saving.about.label.empty() ? spaced(saving.name) : saving.about.label;
            reg.add(g, saving.monthly_base, "Saving: " + name + ", monthly cost today", Quantity::money, " a month");
            reg.add(g, saving.reduction, "Saving: " + name + ", reduction at full adoption", Quantity::share);
        }
    }
    return reg.take();
}

std::string input_name(const ResultsDocument& r, const std::string& address) {
    for (const auto& a : r.assumptions)
        if (a.address == address) {
            if (a.group == "baseline" || r.options.size() < 2) return a.label;
            return option_label(a.group) + ": " + a.label;
        }
    return input_label_with_option(address);
}

}  // namespace app

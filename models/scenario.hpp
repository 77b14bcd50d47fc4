#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/input_table.hpp"
#include "sim/sampling.hpp"

namespace models {

// The parts of a scenario file (MODEL.md §1, §3, §4), validated. Every number
// that may be uncertain is an InputId into Scenario::inputs.

struct Horizon {
    std::string name;
    int months = 0;
};

struct Baseline {
    InputId users, loaded_cost_per_user_month, leads_per_month, conversion_rate,
        revenue_per_customer_month, gross_margin, customers, monthly_churn, sales_cycle_months;
};

enum class Unit { once, per_user_once, per_month, per_user_month, build_fraction_per_year };
inline bool is_recurring(Unit u) { return u != Unit::once && u != Unit::per_user_once; }

// Where a one-off amount lands: spread over implementation, at go-live, or in
// a given month (0 = at signature).
struct Timing {
    enum class Kind { implementation, go_live, month } kind = Kind::implementation;
    int month = 0;
};

// From when a recurring line runs: month 1 (contract) or from go-live, prorated.
enum class Start { contract, go_live };

struct MoneyLine {
    std::string name;
    InputId amount;
    Unit unit = Unit::once;
    Timing timing;
    Start from = Start::go_live;
    InputId annual_increase;
    bool overrun = false;         // costs only
    bool adoption_scaled = false; // benefits only
};

struct Risk {
    std::string name;
    InputId probability, cost, occurs;  // occurs: the event's own uniform
    Timing timing{Timing::Kind::go_live, 0};
};

struct ProductivityDip {
    InputId fraction, months;
};

struct Adoption {
    enum class Model { logistic, bass } model = Model::logistic;
    InputId ceiling;
    InputId midpoint_months, steepness;  // logistic
    InputId p, q;                        // bass
};

struct Saving {
    std::string name;
    InputId monthly_base, reduction;
};

struct Effects {
    InputId conversion_uplift, churn_reduction, revenue_per_customer_uplift,
        sales_cycle_reduction, time_saved_fraction, productivity_capture;
    std::vector<Saving> savings;
};

struct Option {
    std::string name;
    InputId implementation_months, overrun;
    std::vector<MoneyLine> costs, benefits;
    std::vector<Risk> risks;
    std::optional<ProductivityDip> dip;
    Adoption adoption;
    Effects effects;
};

struct Correlation {
    InputId first, second;
    double rank = 0;
};

struct SimulationSettings {
    std::uint64_t paths = 10000;
    std::uint64_t seed = 1;
    sim::Sampling sampling = sim::Sampling::lhs;
};

struct Scenario {
    std::string name;
    std::string currency = "EUR";
    std::vector<std::string> notes;
    std::vector<Horizon> horizons;  // ascending by months
    double discount_rate = 0.10;
    SimulationSettings simulation;
    InputTable inputs;
    Baseline baseline;
    std::vector<Option> options;
    std::vector<Correlation> correlations;
    // Reference band for time to positive ROI, e.g. [12, 14] months.
    std::optional<std::pair<double, double>> payback_reference;

    int simulated_months() const { return horizons.back().months; }
};

}  // namespace models

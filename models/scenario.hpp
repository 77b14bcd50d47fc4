#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/input_table.hpp"
#include "models/variant.hpp"
#include "sim/sampling.hpp"

namespace models {

// The parts of a scenario file (docs/model.md: "The scenario file", "Baseline", "Options"), validated. Every number
// that may be uncertain is an InputId into Scenario::inputs.

struct Horizon {
    std::string name;
    int months = 0;
};

struct Baseline {
    InputId users, loaded_cost_per_user_month, leads_per_month, conversion_rate,
        revenue_per_customer_month, gross_margin, customers, monthly_churn, sales_cycle_months;
};

enum class Unit { once, per_user_once, per_month, per_user_month, build_fraction_per_year, per_year, per_user_year };
inline bool is_recurring(Unit u) { return u != Unit::once && u != Unit::per_user_once; }
// Charged once a year in advance, not monthly.
inline bool is_yearly(Unit u) { return u == Unit::per_year || u == Unit::per_user_year; }
// Scaled by the number of users (and so by a staged rollout's seats).
inline bool is_per_user(Unit u) {
    return u == Unit::per_user_once || u == Unit::per_user_month || u == Unit::per_user_year;
}

// Where a one-off amount lands: spread over implementation, at go-live, or in
// a given month (0 = at signature).
struct Timing {
    enum class Kind { implementation, go_live, month } kind = Kind::implementation;
    int month = 0;
};

// From when a recurring line runs: month 1 (contract), from go-live
// (prorated in the go-live month), or from a given month k ≥ 1.
struct Start {
    enum class Kind { contract, go_live, month } kind = Kind::go_live;
    int month = 0;
};

// When a recurring line stops: after month k, or at go-live (a system kept
// until the new one runs, prorated in the go-live month).
struct Stop {
    enum class Kind { month, go_live } kind = Kind::month;
    int month = 0;
};

// What a reader sees instead of a name or an address, and where a figure comes from.
struct Description {
    std::string label, source;
};

struct MoneyLine {
    std::string name;
    InputId amount;
    Unit unit = Unit::once;
    Timing timing;
    Start from;
    std::optional<Stop> until;
    InputId annual_increase;
    bool overrun = false;          // costs only
    bool adoption_scaled = false;  // benefits only
    bool soft = false;             // benefits only: not cash (e.g. time saved)
    Description about;
};

struct Risk {
    std::string name;
    InputId probability, cost, occurs;  // occurs: the event's own uniform
    Timing timing{Timing::Kind::go_live, 0};
    Description about;
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
    Description about;
};

struct Effects {
    InputId conversion_uplift, churn_reduction, revenue_per_customer_uplift,
        sales_cycle_reduction, time_saved_fraction, productivity_capture;
    std::vector<Saving> savings;
};

// A rollout stage: `share` of the users (cumulative) go live `month` months
// after the system does.
struct Stage {
    double month = 0, share = 1;
};

struct Option {
    std::string name;
    InputId implementation_months, overrun;
    std::vector<MoneyLine> costs, benefits;
    std::vector<Risk> risks;
    std::optional<ProductivityDip> dip;
    Adoption adoption;
    Effects effects;
    // Stages in increasing month and share; no rollout is one stage {0, 1}.
    std::vector<Stage> rollout{Stage{}};
    Description about;
    std::string description;
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
    // What-if versions, checked when the scenario is loaded; variant_scenario()
    // (models/variants.hpp) makes the scenario of one.
    std::vector<Variant> variants;

    int simulated_months() const { return horizons.back().months; }
};

}  // namespace models

#include "models/plausibility.hpp"

#include <cmath>
#include <string>

#include "sim/distribution.hpp"
#include "sim/format_number.hpp"

namespace models {

namespace {

constexpr double weeks_per_month = 52.0 / 12.0;

std::string number(double x) { return sim::format_rounded(x, 4); }
std::string percent(double share) { return sim::format_rounded(100 * share, 3) + " %"; }

class Checks {
public:
    explicit Checks(const Scenario& s) : s_(s) {}

    std::vector<Issue> run() {
        const double d = s_.discount_rate;
        if (d > 1)
            issues_.push_back({"discount_rate", number(d) + " is " + percent(d) + " a year; did you mean " +
                                                    number(d / 100) + " (" + percent(d / 100) + ")?"});
        baseline();
        for (const Option& o : s_.options) option(o);
        return std::move(issues_);
    }

private:
    // The value judged and how a message names it: "9", or "median 9" for a distribution.
    struct Judged {
        std::string address, named;
        double value;
    };
    Judged judged(InputId id) const {
        const Input& in = s_.inputs[id];
        const double v = sim::quantile(in.distribution, 0.5);
        return {in.address, (in.dimension ? "median " : "") + number(v), v};
    }
    void warn(const Judged& j, const std::string& message) { issues_.push_back({j.address, j.named + message}); }

    // A share or a yearly change written as a percentage (15 for 15 %).
    std::string as_fraction(double v) const { return "; did you mean " + number(v / 100) + " (" + percent(v / 100) + ")?"; }

    // A duration probably given in weeks (or days) instead of months.
    std::string in_weeks(double v) const {
        return "; if it is in weeks, that is " + number(v / weeks_per_month) + " months" +
               (v > 120 ? ", in days " + number(v / (365.25 / 12)) + " months" : "");
    }

    void baseline() {
        const Baseline& b = s_.baseline;
        if (const Judged j = judged(b.monthly_churn); j.value > 0.2)
            warn(j, " loses " + percent(j.value) + " of the customers every month (" +
                        percent(1 - std::pow(1 - j.value, 12)) +
                        " a year); if it is a yearly churn, the monthly one is " +
                        number(1 - std::pow(1 - j.value, 1.0 / 12)));
        if (const Judged j = judged(b.loaded_cost_per_user_month); j.value > 50'000)
            warn(j, " a month per user is " + number(12 * j.value) +
                        " a year; if it is a yearly cost, the monthly one is " + number(j.value / 12));
        if (const Judged j = judged(b.sales_cycle_months); j.value > 36)
            warn(j, " months from lead to deal is " + number(j.value / 12) + " years" + in_weeks(j.value));
    }

    void option(const Option& o) {
        if (const Judged j = judged(o.implementation_months); j.value > 60)
            warn(j, " months to go live is " + number(j.value / 12) + " years" + in_weeks(j.value));
        if (const Judged j = judged(o.overrun); j.value > 3) {
            const bool percentage = j.value >= 5 && j.value <= 100;
            warn(j, " multiplies the build costs by " + number(j.value) +
                        (percentage ? "; did you mean " + number(1 + j.value / 100) + " (" + number(j.value) +
                                          " % over budget)?"
                                    : " (" + percent(j.value - 1) + " over budget); check it"));
        }
        for (const auto* lines : {&o.costs, &o.benefits})
            for (const MoneyLine& m : *lines) {
                if (const Judged j = judged(m.annual_increase); j.value > 0.5)
                    warn(j, " is +" + percent(j.value) + " a year" + as_fraction(j.value));
                if (m.unit != Unit::build_fraction_per_year) continue;
                if (const Judged j = judged(m.amount); j.value > 1)
                    warn(j, " is " + percent(j.value) + " of the build cost every year" + as_fraction(j.value));
            }
        if (o.dip)
            if (const Judged j = judged(o.dip->months); j.value > 24)
                warn(j, " months for the productivity dip to fade is " + number(j.value / 12) + " years" +
                            in_weeks(j.value));
        if (o.adoption.model == Adoption::Model::logistic)
            if (const Judged j = judged(o.adoption.midpoint_months); j.value > s_.simulated_months())
                warn(j, " months after go-live to reach half of the adoption is after the longest horizon (" +
                            std::to_string(s_.simulated_months()) + " months): the forecast sees little of the "
                            "benefits" + in_weeks(j.value));
        const Effects& e = o.effects;
        for (InputId uplift : {e.conversion_uplift, e.revenue_per_customer_uplift})
            if (const Judged j = judged(uplift); j.value > 1)
                warn(j, " is +" + percent(j.value) + ", more than double" +
                            (j.value >= 2 ? as_fraction(j.value) : std::string("; check it")));
        if (const Judged j = judged(e.time_saved_fraction); j.value > 0.5)
            warn(j, " saves " + percent(j.value) + " of each user's working time" + as_fraction(j.value));
    }

    const Scenario& s_;
    std::vector<Issue> issues_;
};

}  // namespace

std::vector<Issue> implausible_values(const Scenario& s) { return Checks(s).run(); }

}  // namespace models

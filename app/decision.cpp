#include "app/decision.hpp"

#include <algorithm>
#include <cmath>

#include "app/format.hpp"
#include "app/assumption_register.hpp"
#include "app/report_text.hpp"

namespace app {

const char* const npv_versus_cash_note =
    "Two different questions: \"higher NPV\" compares the discounted value of each option at the horizon; "
    "\"cumulative cash ahead\" counts undiscounted cash and asks that one option stay ahead from some month to the "
    "end of the run. Discounting weighs early costs and late benefits differently, so the two shares can differ.";

double PairAt::prob_first_better(std::size_t horizon) const {
    if (!comparison || horizon >= comparison->horizons.size()) return NAN;
    const double p = comparison->horizons[horizon].prob_a_better;
    return swapped ? 1 - p : p;
}

PairAt find_pair(const ResultsDocument& r, const std::string& a, const std::string& b) {
    for (const auto& c : r.comparisons) {
        if (c.a == a && c.b == b) return {&c, false};
        if (c.a == b && c.b == a) return {&c, true};
    }
    return {};
}

namespace {

const Statistics& npv_at(const OptionResult& o, std::size_t h) { return o.horizons[h][models::Metric::npv]; }

std::string whole(double share) { return percent(share, 0); }

// The headline driver of a ranking as "<input> (<method> <value>)".
std::string top_driver(const ResultsDocument& r, const std::string& key, std::size_t h, const std::string& metric) {
    const MethodRanking* m = headline_ranking(r, key, h, metric);
    if (!m || m->ranking.empty()) return "";
    const RankedInput& top = m->ranking.front();
    return input_name(r, top.input) + " (" + method_name(m->method) + ": " + ranking_value_text(r, *m, top) + ")";
}

}  // namespace

Decision decide(const ResultsDocument& r) {
    Decision d;
    if (r.horizons.empty() || r.options.empty()) return d;
    const std::size_t h = r.horizons.size() - 1;
    d.horizon = h;
    const std::string at = std::to_string(r.horizons[h].months) + " months";
    const auto& c = r.currency;
    // The options by expected NPV, highest first (ties in the document's order).
    std::vector<const OptionResult*> ranked;
    for (const auto& o : r.options) ranked.push_back(&o);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](const OptionResult* x, const OptionResult* y) { return npv_at(*x, h).mean > npv_at(*y, h).mean; });
    const OptionResult& best = *ranked.front();
    const double best_mean = npv_at(best, h).mean;
    d.rule = "Rule: the option with the highest expected (mean) NPV at the longest horizon, " + at + ", discounted at " +
             percent(r.discount_rate, 1) + " a year; not investing counts as an NPV of 0.";
    if (!(best_mean > 0)) {
        d.sentence = "Do not invest on these estimates: no option has a positive expected NPV at " + at + " (best: " +
                     option_label(best.name) + ", mean NPV " + money(best_mean, c) + ").";
    } else {
        d.choice = best.name;
        if (ranked.size() == 1)
            d.sentence = "Go ahead with " + option_label(best.name) + ": its expected NPV at " + at + " is positive (mean " +
                         money(best_mean, c) + ").";
        else
            d.sentence = "Choose " + option_label(best.name) + ": it has the highest expected NPV at " + at + " (mean " +
                         money(best_mean, c) + ", against " + money(npv_at(*ranked[1], h).mean, c) + " for " +
                         option_label(ranked[1]->name) + ").";
    }

    const BestChoiceAt* shares = h < r.prob_best.size() ? &r.prob_best[h] : nullptr;
    if (shares) {
        // The k-way answer first: on each simulated future, which choice had the highest NPV.
        const auto list = [&](const std::vector<OptionShare>& of) {
            std::string text;
            for (const OptionResult* o : ranked)
                text += (text.empty() ? "" : ", ") + option_label(o->name) + " " + whole(BestChoiceAt::of(of, o->name));
            return text;
        };
        d.certainty.push_back("Probability of being the best choice at " + at +
                              " (the highest NPV on the same simulated future, not investing counted as an NPV of 0): " +
                              list(shares->counting_not_investing) + ", not investing " + whole(shares->not_investing) +
                              ".");
        if (ranked.size() > 1)
            d.certainty.push_back("Among the options alone, the share of futures on which each has the highest NPV: " +
                                  list(shares->among_options) + ".");
    }
    // Pair by pair adds to the k-way shares only beyond two options.
    for (std::size_t k = 1; k < ranked.size() && (!shares || ranked.size() > 2); ++k) {
        const PairAt pair = find_pair(r, best.name, ranked[k]->name);
        if (!pair.comparison) continue;
        d.certainty.push_back(option_label(best.name) + "'s NPV at " + at + " is higher than " +
                              option_label(ranked[k]->name) + "'s on " + whole(pair.prob_first_better(h)) +
                              " of the simulated futures (both options on the same futures, path by path).");
    }
    for (const OptionResult* o : ranked)
        d.certainty.push_back(option_label(o->name) + "'s NPV at " + at + " is positive on " +
                              whole(npv_at(*o, h).prob_positive) + " of the simulated futures.");

    if (r.value_of_information && h < r.value_of_information->horizons.size()) {
        const auto& v = r.value_of_information->horizons[h];
        if (std::isfinite(v.evpi))
            d.change.push_back("Knowing every input before deciding would be worth at most " + money(v.evpi, c) +
                               " (expected value of perfect information, 95 % CI " + money(v.evpi_ci95[0], c) + " to " +
                               money(v.evpi_ci95[1], c) + "): " +
                               (std::abs(v.evpi) < 0.01 * std::max(std::abs(best_mean), 1.0)
                                    ? "next to nothing, so more study would hardly change the choice."
                                    : "the most worth spending on refining the estimates before choosing."));
        if (v.evppi && !v.evppi->empty() && (*v.evppi)[0].value > 0.01 * v.evpi)
            d.change.push_back("The input most worth refining first: " + input_name(r, (*v.evppi)[0].input) + " (" +
                               money((*v.evppi)[0].value, c) + " of the EVPI).");
    }
    std::string driver;
    if (ranked.size() > 1) {
        const PairAt pair = find_pair(r, best.name, ranked[1]->name);
        if (pair.comparison) {
            driver = top_driver(r, pair.comparison->key(), h, "npv_difference");
            if (!driver.empty())
                d.change.push_back("What moves the difference between " + option_label(best.name) + " and " +
                                   option_label(ranked[1]->name) + " most: " + driver + ".");
        }
    } else {
        driver = top_driver(r, best.name, h, "npv");
        if (!driver.empty()) d.change.push_back("What moves " + option_label(best.name) + "'s NPV most: " + driver + ".");
    }
    if (driver.empty() && !r.sensitivity)
        d.change.push_back("Run with --sensitivity to see which input moves the result most.");
    return d;
}

}  // namespace app

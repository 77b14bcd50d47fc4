#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/results_document.hpp"

namespace app {

// What the reports lead with: the decision the figures support, the rule it
// follows, how sure it is and what would change it. The HTML page one, the
// workbook's Summary sheet and the terminal print these sentences as they are.
struct Decision {
    std::size_t horizon = 0;  // the horizon index the rule reads: the longest
    std::string choice;       // the option chosen; empty: do nothing
    std::string sentence;     // "Choose Custom: it has the highest expected NPV at 60 months …"
    std::string rule;         // how the choice was made, stated
    std::vector<std::string> certainty;  // how sure: each choice's probability of being best, P(NPV > 0)
    std::vector<std::string> change;     // what would change it: EVPI, the top driver
};

// The rule: the option with the highest expected (mean) NPV at the longest
// horizon, doing nothing counting as an NPV of 0. "How sure" gives the share
// of simulated futures on which each choice has the highest NPV (k-way,
// prob_best), and pair by pair with three options or more.
// "What would change it" states the EVPI and the headline driver
// (headline_ranking) of the difference from the runner-up, or of the
// chosen option's NPV when it is alone.
Decision decide(const ResultsDocument& r);

// The comparison of a and b at a horizon, if the document has it; `swapped`
// tells that it is stored as b_vs_a.
struct PairAt {
    const ComparisonResult* comparison = nullptr;
    bool swapped = false;
    double prob_first_better(std::size_t horizon) const;  // P(NPV of the first named > the second's)
};
PairAt find_pair(const ResultsDocument& r, const std::string& a, const std::string& b);

// Why "NPV higher on x % of futures" and "cumulative cash ahead on y % of
// futures" differ, for wherever both appear.
extern const char* const npv_versus_cash_note;

}  // namespace app

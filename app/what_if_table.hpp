#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/results_document.hpp"

namespace app {

// The what-if figures of a results document with variants, as every output
// shows them (terminal, HTML, workbook, CSV): per option, base and each
// variant side by side, and each variant's change against base at the
// headline horizon, paired path by path. One list of columns gives each
// statistic one label and one format everywhere.

enum class Figure { share, money, months };

struct WhatIfColumn {
    std::string label;          // "ROI P50, 36 mo": the heading in the terminal, the page and the workbook
    std::string statistic;      // "roi_p50": its name in variants.csv
    std::optional<double> months;  // the horizon (or payback month) it is read at; none for payback P50
    Figure figure = Figure::share;
};

struct WhatIfRow {
    std::string variant;         // "base" or the variant's name
    std::vector<double> values;  // one per column; NaN where undefined, not reached or not run
};

struct WhatIfOption {
    std::string option;
    std::vector<WhatIfRow> side_by_side;  // base first, then the variants in the document's order
    std::vector<WhatIfRow> changes;       // the variants paired with base (those that were)
};

struct WhatIfTables {
    std::vector<WhatIfColumn> side_by_side, changes;
    std::string currency;
    int headline_months = 0, last_months = 0;
    std::uint64_t paths = 0;         // every run's paths (the base's seed and paths)
    std::uint64_t paired_paths = 0;  // paths the changes pair (a streamed run's pilot, else every path)
    std::vector<WhatIfOption> options;

    // "38 %", "-€1.23M", "13.4"; "after 60" for a payback not reached by the last horizon.
    std::string shown(const WhatIfColumn& column, double value) const;
};

// The tables of a document; empty options when it has no variants. A
// variant's option or horizon that the base does not have reads NaN.
WhatIfTables what_if_tables(const ResultsDocument& r);

// The columns of the change against base at a horizon of that many months
// (mean, P10, P50, P90 of the NPV change; P(lower NPV)), and P(pays back later).
std::vector<WhatIfColumn> change_columns(int months, bool with_median);
// Their values for one option of a variant, in that order; NaN where not paired.
std::vector<double> change_values(const OptionChange* change, int months, bool with_median);

// The months up to which the tables count payback: the end of the
// scenario's reference band, else the first horizon.
double payback_within_months(const ResultsDocument& r);
// P(payback ≤ months), read from the CDF by whole month.
double paid_back_within(const TimeToEvent& t, double months);

// What a variant changes, a line each: "options.custom.adoption.ceiling = 0.7",
// "options.custom.implementation.overrun drawn from its P90 to P100".
std::vector<std::string> variant_changes(const VariantDefinition& v);

// The variant's option of that name, or null.
const OptionResult* find_option(const ResultsDocument& r, const std::string& name);

}  // namespace app

#pragma once

#include <filesystem>

#include "app/results_document.hpp"

namespace app {

// Tidy CSV files (RFC 4180, a header row, one observation per row) in a
// folder, each written atomically: summary.csv (option × horizon × metric ×
// statistic), payback.csv, payback_cdf.csv, cash_flow.csv, comparison.csv,
// sensitivity.csv and inputs.csv; samples.csv with samples; variants.csv
// (variant × option × horizon × statistic: the what-if tables and every
// change against base) with variants. Undefined values are empty fields.
void write_csv_reports(const std::filesystem::path& folder, const ResultsDocument& report);

// A CSV field: quoted when it holds a comma, quote or line break.
std::string csv_field(const std::string& text);

}  // namespace app

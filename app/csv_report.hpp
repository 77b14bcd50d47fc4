#pragma once

#include <filesystem>

#include "app/output_set.hpp"
#include "app/output_text.hpp"
#include "app/results_document.hpp"

namespace app {

// Tidy CSV files (RFC 4180, a header row, one observation per row) in a
// folder, each written atomically: summary.csv (option × horizon × metric ×
// statistic), payback.csv, payback_cdf.csv, cash_flow.csv, comparison.csv,
// sensitivity.csv and inputs.csv; samples.csv with samples; variants.csv
// (variant × option × horizon × statistic: the what-if tables and every
// change against base) with variants. Undefined values are empty fields;
// text fields are written by csv_field (app/output_text.hpp), so none reads
// as a formula in a spreadsheet.
void write_csv_reports(const std::filesystem::path& folder, const ResultsDocument& report);

// The same files, to add to a command's set of outputs (written by reference
// to the document, which must outlive the set's commit), and every name the
// folder may hold (one left from an earlier run is removed).
std::vector<std::pair<std::string, OutputSet::StreamWriter>> csv_report_files(const ResultsDocument& report);
std::vector<std::string> csv_report_names();

// The shortest text that reads back as the same double; empty for NaN or infinity.
std::string csv_number(double x);

}  // namespace app

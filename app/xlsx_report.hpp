#pragma once

#include <filesystem>

#include "app/results_document.hpp"

namespace app {

// An Excel workbook (libxlsxwriter): sheets Summary, Horizons, Payback,
// CashFlow, Sensitivity and Assumptions, then What if (with variants) and
// Samples (with samples); numbers stored as numbers with money and percent
// formats, and native charts (fan charts, ROI histograms, payback curves, NPV
// drivers). Written to `path` as is: callers make it atomic.
void write_xlsx_report(const std::filesystem::path& path, const ResultsDocument& report);

}  // namespace app

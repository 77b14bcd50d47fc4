#pragma once

#include <string>

#include "app/results_document.hpp"

namespace app {

// The report files a run or `roicast report` was asked for (empty = not asked).
struct ReportOutputs {
    std::string html, xlsx, csv_dir;
    bool any() const { return !html.empty() || !xlsx.empty() || !csv_dir.empty(); }
};

// Empty when every requested output can be written; otherwise "--flag: why".
std::string check_outputs(const ReportOutputs& outputs);

// Writes each requested report from a results document, each file atomically.
void write_reports(const ReportOutputs& outputs, const ResultsDocument& results);

}  // namespace app

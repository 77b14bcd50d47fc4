#pragma once

#include <string>

#include <filesystem>
#include <vector>

#include "app/output_set.hpp"
#include "app/results_document.hpp"

namespace app {

// The report files a run or `roicast report` was asked for (empty = not asked).
struct ReportOutputs {
    std::string html, xlsx, csv_dir;
    bool any() const { return !html.empty() || !xlsx.empty() || !csv_dir.empty(); }
};

// Empty when every requested output can be written; otherwise "--flag: why".
std::string check_outputs(const ReportOutputs& outputs);

// Every file the requested reports would write (for refusing a path named twice).
std::vector<std::filesystem::path> output_paths(const ReportOutputs& outputs);

// Adds each requested report to a command's set of outputs; `results` must
// outlive the set's commit.
void add_reports(OutputSet& set, const ReportOutputs& outputs, const ResultsDocument& results);

// Writes each requested report from a results document, as one set.
void write_reports(const ReportOutputs& outputs, const ResultsDocument& results);

}  // namespace app

#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace app {

// The report files a run or `roicast report` was asked for (empty = not asked).
struct ReportOutputs {
    std::string html, xlsx, csv_dir;
    bool any() const { return !html.empty() || !xlsx.empty() || !csv_dir.empty(); }
};

// Empty when every requested output can be written; otherwise "--flag: why".
std::string check_outputs(const ReportOutputs& outputs);

// Writes each requested report from a results document, each file atomically.
// Throws ResultsFileError when the document is not a usable results file.
void write_reports(const ReportOutputs& outputs, const nlohmann::ordered_json& results);

}  // namespace app

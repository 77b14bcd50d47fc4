#include "app/report_outputs.hpp"

#include <filesystem>

#include "app/atomic_file.hpp"
#include "app/csv_report.hpp"
#include "app/html_report.hpp"
#include "app/xlsx_report.hpp"

namespace app {

std::string check_outputs(const ReportOutputs& outputs) {
    if (!outputs.html.empty())
        if (const std::string why = check_writable(outputs.html); !why.empty()) return "--html: " + why;
    if (!outputs.xlsx.empty())
        if (const std::string why = check_writable(outputs.xlsx); !why.empty()) return "--xlsx: " + why;
    if (!outputs.csv_dir.empty()) {
        std::error_code ec;
        const std::filesystem::path folder(outputs.csv_dir);
        if (std::filesystem::exists(folder, ec) && !std::filesystem::is_directory(folder, ec))
            return "--csv: " + folder.string() + " is a file, not a folder";
        // The folder is created if missing, so check what would hold its files.
        const std::string why = check_writable(std::filesystem::is_directory(folder, ec) ? folder / "summary.csv" : folder);
        if (!why.empty()) return "--csv: " + why;
    }
    return "";
}

void write_reports(const ReportOutputs& outputs, const ResultsDocument& data) {
    if (!outputs.any()) return;
    if (!outputs.html.empty()) write_atomically(outputs.html, [&](std::ostream& out) { write_html_report(out, data); });
    if (!outputs.xlsx.empty())
        write_file_atomically(outputs.xlsx, [&](const std::filesystem::path& temporary) { write_xlsx_report(temporary, data); });
    if (!outputs.csv_dir.empty()) write_csv_reports(outputs.csv_dir, data);
}

}  // namespace app

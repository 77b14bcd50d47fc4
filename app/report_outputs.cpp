#include "app/report_outputs.hpp"

#include <filesystem>

#include "app/output_set.hpp"
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
        const bool exists = std::filesystem::is_directory(folder, ec);
        const std::string why = check_writable(exists ? folder / "summary.csv" : folder);
        if (!why.empty()) return "--csv: " + why;
        if (exists)
            for (const auto& name : csv_report_names())
                if (const std::string bad = check_writable(folder / name); !bad.empty()) return "--csv: " + bad;
    }
    return "";
}

std::vector<std::filesystem::path> output_paths(const ReportOutputs& outputs) {
    std::vector<std::filesystem::path> paths = {outputs.html, outputs.xlsx};
    if (!outputs.csv_dir.empty())
        for (const auto& name : csv_report_names()) paths.push_back(std::filesystem::path(outputs.csv_dir) / name);
    return paths;
}

void add_reports(OutputSet& set, const ReportOutputs& outputs, const ResultsDocument& data) {
    if (outputs.any()) data.require_complete();
    if (!outputs.html.empty()) set.add(outputs.html, [&](std::ostream& out) { write_html_report(out, data); });
    if (!outputs.xlsx.empty())
        set.add_file(outputs.xlsx, [&](const std::filesystem::path& temporary) { write_xlsx_report(temporary, data); });
    if (!outputs.csv_dir.empty()) set.add_folder(outputs.csv_dir, csv_report_files(data), csv_report_names());
}

void write_reports(const ReportOutputs& outputs, const ResultsDocument& data) {
    OutputSet set;
    add_reports(set, outputs, data);
    set.commit();
}

}  // namespace app

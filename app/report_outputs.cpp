#include "app/report_outputs.hpp"

#include <filesystem>

#include "app/atomic_file.hpp"
#include "app/html_report.hpp"
#include "app/report_data.hpp"

namespace app {

std::string check_outputs(const ReportOutputs& outputs) {
    if (!outputs.html.empty())
        if (const std::string why = check_writable(outputs.html); !why.empty()) return "--html: " + why;
    return "";
}

void write_reports(const ReportOutputs& outputs, const nlohmann::ordered_json& results) {
    if (!outputs.any()) return;
    const ReportData data = read_report_data(results);
    if (!outputs.html.empty()) write_atomically(outputs.html, [&](std::ostream& out) { write_html_report(out, data); });
}

}  // namespace app

// libFuzzer harness: any byte string handed to `roicast report` is either
// refused (not JSON, or a ResultsFileError naming the bad value) or read and
// written by every writer: the HTML page, the CSV files, the workbook and the
// terminal summary. A document read back from its own JSON reads again. Any
// other exception, a crash, a sanitizer report, or a non-finite coordinate in
// a chart is a finding. Seeds: fuzz/results_seeds/ and fuzz/results_regressions/.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "app/csv_report.hpp"
#include "app/html_report.hpp"
#include "app/results_document.hpp"
#include "app/text_report.hpp"
#include "app/xlsx_report.hpp"
#include "tests/app/svg_numbers.hpp"

namespace {

const std::filesystem::path& workbook_path() {
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("results_fuzzer_" + std::to_string(::getpid()) + ".xlsx");
    return path;
}

[[noreturn]] void finding(const std::string& what) {
    std::cerr << "finding: " << what << "\n";
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nlohmann::ordered_json json;
    try {
        json = app::parse_results_json(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const nlohmann::json::exception&) {  // not JSON, or a number beyond a double: "not valid JSON"
        return 0;
    } catch (const app::ResultsFileError&) {
        return 0;
    }
    app::ResultsDocument document;
    try {
        document = app::results_document_from_json(json);
    } catch (const app::ResultsFileError&) {
        return 0;
    }
    std::ostringstream html;
    app::write_html_report(html, document);
    if (const std::string bad = test::non_finite_svg_number(html.str()); !bad.empty())
        finding("a chart coordinate is not a number: " + bad);
    for (auto& [name, write] : app::csv_report_files(document)) {
        std::ostringstream csv;
        write(csv);
    }
    app::write_xlsx_report(workbook_path(), document);
    std::filesystem::remove(workbook_path());
    std::ostringstream text;
    app::print_summary(text, document);
    try {
        (void)app::results_document_from_json(nlohmann::ordered_json::parse(app::to_json(document).dump()));
    } catch (const app::ResultsFileError& e) {
        finding(std::string("a document read from a file does not read back from its own JSON: ") + e.what());
    }
    return 0;
}

#pragma once

#include <ostream>

#include "app/results_document.hpp"

namespace app {

// One self-contained HTML page (inline CSS and SVG, nothing fetched, no
// script) for a leadership audience: page one (the decision and the key
// figures), where the money comes from, charts, what the
// variants change (when the document has them), assumptions and method
// notes. Printable on A4.
void write_html_report(std::ostream& out, const ResultsDocument& report);

// The report's sections one at a time, for a page that shows them apart
// (`roicast serve`): the same markup the report holds, without the page frame.
enum class ReportSection { summary, money, roi, cash_flow, payback, sensitivity, comparison, what_if, assumptions };
void write_html_section(std::ostream& out, const ResultsDocument& report, ReportSection section);

}  // namespace app

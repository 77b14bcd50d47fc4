#pragma once

#include <ostream>

#include "app/results_document.hpp"

namespace app {

// One self-contained HTML page (inline CSS and SVG, nothing fetched, no
// script) for a leadership audience: executive summary, charts, what the
// variants change (when the document has them), assumptions and method
// notes. Printable on A4.
void write_html_report(std::ostream& out, const ResultsDocument& report);

}  // namespace app

#pragma once

#include <ostream>
#include <string>

namespace app {

// The frame of every roicast page: one self-contained HTML document (inline
// CSS and SVG; a Content-Security-Policy that lets nothing be fetched and no
// script run), printable on A4. Opens up to and including <body>.
void open_html_page(std::ostream& out, const std::string& title);

// The footer line and the end of the document.
void close_html_page(std::ostream& out, const std::string& footer);

}  // namespace app

#pragma once

#include <string>

#include "app/escaped_stream.hpp"

namespace app {

// The frame of every roicast page: one self-contained HTML document (inline
// CSS and SVG; a Content-Security-Policy that lets nothing be fetched, no
// script run and no form be sent), printable on A4. Opens up to and
// including <body>. Every page writes through an HtmlStream, so every string
// it shows is escaped (app/escaped_stream.hpp).
void open_html_page(HtmlStream& out, const std::string& title);

// The pages' style sheet, for a page that serves it as a file (`roicast serve`).
const char* html_page_style();

// The footer line and the end of the document.
void close_html_page(HtmlStream& out, const std::string& footer);

}  // namespace app

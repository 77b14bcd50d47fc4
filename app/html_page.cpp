#include "app/html_page.hpp"


namespace app {

namespace {

constexpr const char* style = R"(
:root { color: #1d1d1f; }
body { font-family: Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.45; margin: 0 auto;
       max-width: 1000px; padding: 24px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; border-bottom: 2px solid #08306b; padding-bottom: 3px; margin-top: 32px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.subtitle { color: #555; margin: 0 0 16px; }
.summary { background: #f2f6fb; border-left: 4px solid #08306b; padding: 10px 16px; }
.summary li { margin: 6px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 12.5px; }
th, td { border-bottom: 1px solid #d8d8d8; padding: 4px 6px; text-align: right; vertical-align: top; }
th { background: #eef1f5; }
td.text, th.text { text-align: left; }
td.source { text-align: left; color: #444; font-size: 11.5px; }
td code { font-size: 11px; overflow-wrap: anywhere; }
td .warning { color: #9a3412; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 16px; }
.charts.wide { grid-template-columns: 1fr; }
.charts.three { grid-template-columns: 1fr 1fr 1fr; }
p.caption { font-size: 11.5px; color: #555; }
svg.chart { width: 100%; height: auto; display: block; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 11.5px; color: #555; margin-top: 2px; }
.notes li { margin: 3px 0; }
.decision { background: #f2f6fb; border-left: 4px solid #08306b; padding: 8px 14px; margin: 8px 0 12px; }
.verdict { font-size: 17px; font-weight: bold; margin: 2px 0 4px; }
.rule { color: #444; font-size: 12.5px; margin: 0 0 6px; }
.decision .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 18px; }
.decision h3 { margin: 4px 0 2px; font-size: 13.5px; }
.decision ul { margin: 0; padding-left: 18px; font-size: 12.5px; }
.decision li { margin: 2px 0; }
.page-one-body { display: grid; grid-template-columns: 1fr 1.1fr; gap: 14px; align-items: start; }
#key-figures td, #key-figures th { padding: 3px 6px; }
table.register { table-layout: fixed; }
table.hard-soft td:first-child { white-space: nowrap; }
table.register th:nth-child(1) { width: 25%; }
table.register th:nth-child(2) { width: 27%; }
table.register th:nth-child(3), table.register th:nth-child(4) { width: 9%; }
footer { margin-top: 32px; font-size: 11px; color: #666; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section { break-inside: auto; }
  .summary, .decision { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  #page-one { break-after: page; page-break-after: always; }
  #page-one h1 { font-size: 20px; }
  .verdict { font-size: 14px; }
  .rule, .decision ul { font-size: 10.5px; }
  #key-figures { font-size: 10.5px; }
}
)";

}  // namespace

void open_html_page(HtmlStream& out, const std::string& title) {
    // Nothing fetched, no script, no form sent anywhere, no <base> to redirect relative links.
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:; form-action 'none'; base-uri 'none'\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << title << "</title>\n<style>" << style << "</style>\n</head>\n<body>\n";
}

const char* html_page_style() { return style; }

void close_html_page(HtmlStream& out, const std::string& footer) {
    out << "<footer>" << footer << "</footer>\n</body>\n</html>\n";
}

}  // namespace app

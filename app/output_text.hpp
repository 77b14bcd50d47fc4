#pragma once

#include <string>
#include <string_view>

namespace app {

// Text from a file (a name, label, source, note, the currency, money
// formatted with it, anything a results file holds) as each output may carry
// it. Every writer passes every such string through its format's function
// (the HTML writers and the terminal by app/escaped_stream.hpp), so that no
// text can add markup, a spreadsheet formula or a terminal escape sequence.
// Control characters (C0, DEL and C1, U+0080 to U+009F) never pass as they are.

// `text` with every control character other than those in `kept` replaced by
// `replacement` (a C1 character, two bytes in UTF-8, by one replacement).
std::string without_controls(std::string_view text, std::string_view kept, std::string_view replacement);

// For HTML and SVG content and attribute values: & < > " ' as character
// references; control characters but tab and line feed as U+FFFD.
std::string html_text(std::string_view text);

// As a terminal may show it: every control character (escape sequences,
// carriage returns, bells, line breaks) as '?'; UTF-8 letters stay.
std::string terminal_text(std::string_view text);

// A CSV text field (RFC 4180), safe to open in a spreadsheet (OWASP, "CSV
// Injection"): a field that starts with = + - @, a tab or a carriage return
// gets a leading ' so it stays text, unless it is a plain number ("-2.5");
// control characters but tab, CR and LF as U+FFFD; quoted when it holds a
// comma, semicolon, quote, tab or line break.
std::string csv_field(std::string_view text);

// A workbook cell's or chart's text: control characters but tab and line
// feed as U+FFFD, and at most `most` characters (Excel counts UTF-16 units),
// cut with "…" beyond. Cells are written as strings, never as formulas.
inline constexpr std::size_t workbook_cell_characters = 32767;  // Excel's cap on a cell
inline constexpr std::size_t workbook_chart_characters = 255;   // on a chart's title or series name
std::string workbook_text(std::string_view text, std::size_t most = workbook_cell_characters);

}  // namespace app

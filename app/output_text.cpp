#include "app/output_text.hpp"

#include <charconv>
#include <cmath>

namespace app {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

// A plain number as csv_number writes one ("-2.5", "1e-07"): a spreadsheet
// reads it as that number, never as a formula.
bool reads_as_number(std::string_view text) {
    if (text.find_first_not_of("0123456789.eE+-") != std::string_view::npos) return false;
    double x = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), x);
    return error == std::errc{} && end == text.data() + text.size() && std::isfinite(x);
}

}  // namespace

std::string without_controls(std::string_view text, std::string_view kept, std::string_view replacement) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool c0 = c < 0x20 || c == 0x7f;
        const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if (c1) {
            out += replacement;
            ++i;
        } else if (c0 && kept.find(text[i]) == std::string_view::npos) {
            out += replacement;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string html_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : without_controls(text, "\t\n", replacement_character)) switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    return out;
}

std::string terminal_text(std::string_view text) { return without_controls(text, "", "?"); }

std::string csv_field(std::string_view text) {
    std::string field = without_controls(text, "\t\r\n", replacement_character);
    if (!field.empty() && std::string_view("=+-@\t\r").find(field[0]) != std::string_view::npos &&
        !reads_as_number(field))
        field.insert(0, 1, '\'');
    if (field.find_first_of(",;\"\t\r\n") == std::string::npos) return field;
    std::string quoted = "\"";
    for (char c : field) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string workbook_text(std::string_view text, std::size_t most) {
    std::string out = without_controls(text, "\t\n", replacement_character);
    // Excel counts a cell's characters in UTF-16 units: two for one beyond U+FFFF (a 4-byte UTF-8 sequence).
    const auto units = [](unsigned char lead) -> std::size_t { return (lead & 0xC0) == 0x80 ? 0 : lead >= 0xF0 ? 2 : 1; };
    std::size_t total = 0;
    for (char c : out) total += units(static_cast<unsigned char>(c));
    if (total <= most) return out;
    std::size_t kept = 0, end = 0;
    for (; end < out.size(); ++end) {
        const std::size_t u = units(static_cast<unsigned char>(out[end]));
        if (u && kept + u > most - 1) break;  // room for the "…"
        kept += u;
    }
    return out.substr(0, end) + "\xE2\x80\xA6";
}

}  // namespace app

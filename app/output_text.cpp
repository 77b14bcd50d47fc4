#include "app/output_text.hpp"

namespace app {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

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

}  // namespace app

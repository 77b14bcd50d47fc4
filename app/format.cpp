#include "app/format.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace app {

std::string grouped(unsigned long long n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string money(double amount, const std::string& currency) {
    if (!std::isfinite(amount)) return "n/a";
    const bool code = !currency.empty() && std::all_of(currency.begin(), currency.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c));
    });
    const std::string symbol = currency == "EUR"   ? "€"
                               : currency == "USD" ? "$"
                               : currency == "GBP" ? "£"
                               : code              ? currency + " "
                                                   : currency;
    const double a = std::abs(amount);
    // Each unit as long as its printed figure stays below the next unit's
    // (999,999.5 is "1.00M", not "1000k"): judged on the digits printed, so
    // that no rounding edge of the division can slip past.
    std::string digits;
    if (a < 9'999.5) digits = grouped(static_cast<unsigned long long>(std::llround(a)));
    else {
        struct Unit {
            double scale;
            int decimals;
            const char* suffix;
        };
        constexpr Unit units[] = {{1e3, 0, "k"}, {1e6, 2, "M"}, {1e9, 2, "B"}};
        for (const Unit& u : units) {
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "%.*f", u.decimals, a / u.scale);
            digits = std::string(buffer) + u.suffix;
            if (std::strtod(buffer, nullptr) < 1000) break;  // else the next unit; billions go on
        }
    }
    return (amount < 0 && a >= 0.5 ? "-" : "") + symbol + digits;
}

std::string percent(double share, int decimals) {
    if (!std::isfinite(share)) return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f %%", decimals, 100.0 * share);
    // No "-0 %" for a small negative share that rounds to zero: judged on the
    // digits printed, so a share just either side of the rounding edge agrees.
    const std::string text = buffer;
    if (text[0] == '-' && text.find_first_of("123456789") == std::string::npos) return text.substr(1);
    return text;
}

std::string months(double m) {
    if (std::isnan(m)) return "n/a";
    if (std::isinf(m)) return "never";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", m);
    return buffer;
}

std::string pad(const std::string& text, std::size_t width, bool right) {
    std::size_t shown = 0;
    for (unsigned char c : text) shown += (c & 0xC0) != 0x80;
    if (shown >= width) return text;
    const std::string fill(width - shown, ' ');
    return right ? fill + text : text + fill;
}

}  // namespace app

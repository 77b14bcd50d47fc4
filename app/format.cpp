#include "app/format.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

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
    char buffer[64];
    if (a >= 1e9) std::snprintf(buffer, sizeof buffer, "%.2fB", a / 1e9);
    else if (a >= 1e6) std::snprintf(buffer, sizeof buffer, "%.2fM", a / 1e6);
    else if (a >= 1e4) std::snprintf(buffer, sizeof buffer, "%.0fk", a / 1e3);
    else std::snprintf(buffer, sizeof buffer, "%s", grouped(static_cast<unsigned long long>(std::llround(a))).c_str());
    return (amount < 0 && std::llround(a) != 0 ? "-" : "") + symbol + buffer;
}

std::string percent(double share, int decimals) {
    if (!std::isfinite(share)) return "n/a";
    char buffer[64];
    double value = 100.0 * share;
    // No "-0 %" for a small negative share that rounds to zero.
    if (std::abs(value) * std::pow(10.0, decimals) < 0.5) value = 0;
    std::snprintf(buffer, sizeof buffer, "%.*f %%", decimals, value);
    return buffer;
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

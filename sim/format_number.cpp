#include "sim/format_number.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace sim {

namespace {

// |x| = d₁.d₂…dₙ × 10^exponent, digits without trailing zeros.
struct Decimal {
    std::string digits;
    int exponent = 0;
};

// `significant` 0: the shortest digits that read back as x.
Decimal decimal(double magnitude, int significant) {
    char buffer[64];
    const auto result = significant > 0 ? std::to_chars(buffer, buffer + sizeof buffer, magnitude,
                                                        std::chars_format::scientific, significant - 1)
                                        : std::to_chars(buffer, buffer + sizeof buffer, magnitude,
                                                        std::chars_format::scientific);
    const std::string text(buffer, result.ptr);  // "5.000000000000001e-02"
    const auto e = text.find('e');
    Decimal d;
    for (std::size_t i = 0; i < e; ++i)
        if (text[i] != '.') d.digits += text[i];
    while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
    d.exponent = std::atoi(text.c_str() + e + 1);
    return d;
}

std::string grouped(const std::string& whole) {
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i && (whole.size() - i) % 3 == 0) out += ',';
        out += whole[i];
    }
    return out;
}

std::string shown(double x, Decimal d, bool separators = true) {
    const std::string sign = x < 0 ? "-" : "";
    // Magnitudes no business figure has: a power of ten in words, not "1e+20".
    if (d.exponent >= 15 || d.exponent < -6) {
        const std::string mantissa = d.digits.substr(0, 1) + (d.digits.size() > 1 ? "." + d.digits.substr(1) : "");
        return sign + mantissa + " × 10^" + std::to_string(d.exponent);
    }
    std::string whole, fraction;
    if (d.exponent >= 0) {
        const auto integer_digits = static_cast<std::size_t>(d.exponent) + 1;
        whole = d.digits.substr(0, std::min(integer_digits, d.digits.size()));
        if (whole.size() < integer_digits) whole.append(integer_digits - whole.size(), '0');
        if (d.digits.size() > integer_digits) fraction = d.digits.substr(integer_digits);
    } else {
        whole = "0";
        fraction = std::string(static_cast<std::size_t>(-d.exponent - 1), '0') + d.digits;
    }
    return sign + (separators ? grouped(whole) : whole) + (fraction.empty() ? "" : "." + fraction);
}

std::string special(double x) {
    if (std::isnan(x)) return "NaN";
    if (std::isinf(x)) return x > 0 ? "infinity" : "-infinity";
    return "0";
}

}  // namespace

std::string format_number(double x, bool separators) {
    if (!std::isfinite(x) || x == 0) return special(x);
    Decimal d = decimal(std::abs(x), 0);
    if (d.digits.size() > 12) d = decimal(std::abs(x), 12);
    return shown(x, d, separators);
}

std::string format_whole(std::uint64_t n) { return grouped(std::to_string(n)); }

std::string format_whole(std::int64_t n) {
    // The magnitude as unsigned: -(INT64_MIN) does not fit a signed integer.
    const std::uint64_t magnitude = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    return (n < 0 ? "-" : "") + grouped(std::to_string(magnitude));
}

std::string format_rounded(double x, int significant) {
    if (!std::isfinite(x) || x == 0) return special(x);
    const Decimal d = decimal(std::abs(x), std::max(significant, 1));
    return d.digits == "0" ? "0" : shown(x, d);
}

}  // namespace sim

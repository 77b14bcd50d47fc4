#pragma once

#include <cstddef>
#include <string>

namespace app {

// "€1.23M", "-€312k", "$4,500"; the code itself for currencies without a
// symbol ("CHF 12k"), a symbol the scenario gives as it is ("¥12k"). A unit
// holds while its printed figure stays below 1,000 of it: 999,999.5 is
// "€1.00M", never "€1000k"; 9,999.5 is "€10k". The
// currency is text from a file: writers escape the result like any other.
std::string money(double amount, const std::string& currency);
// "66.7 %"; "n/a" for NaN.
std::string percent(double share, int decimals = 1);
// "12.3"; "never" for +∞ (a censored time), "n/a" for NaN.
std::string months(double m);
// "1,234,567"
std::string grouped(unsigned long long n);
// Text padded with spaces to `width` columns (counting UTF-8 code points, so
// "€" takes one), on the right or, for right-aligned columns, on the left.
std::string pad(const std::string& text, std::size_t width, bool right = false);

}  // namespace app

#pragma once

#include <string>

namespace app {

// "€1.23M", "-€312k", "$4,500"; the code itself for currencies without a symbol ("CHF 12k").
std::string money(double amount, const std::string& currency);
// "66.7 %"; "n/a" for NaN.
std::string percent(double share, int decimals = 1);
// "12.3"; "never" for +∞ (a censored time), "n/a" for NaN.
std::string months(double m);
// "1,234,567"
std::string grouped(unsigned long long n);
// Text from a file as a terminal may show it: control characters (escape
// sequences, carriage returns, bells) become '?'; UTF-8 letters stay.
std::string terminal_text(const std::string& text);

}  // namespace app

#pragma once

#include <cstdint>
#include <string>

namespace sim {

// A number as people read it in a message: the value the user wrote, with
// thousands separators and never in e-notation ("20,000", "0.1", "-1,234.5",
// "1.5 × 10^20", "3 × 10^-9"). The shortest text that reads back as the same
// double, unless that takes more than 12 significant digits: such a double is
// the result of arithmetic (exp(log(0.05)) = 0.05000000000000001), and is
// shown rounded to 12. "infinity", "-infinity" and "NaN" as words. Without
// `grouped`, no thousands separators (for a number inside a list: "[250000, 2]").
std::string format_number(double x, bool grouped = true);

// A whole number with thousands separators, exactly: "9,223,372,036,854,775,807".
std::string format_whole(std::int64_t n);
std::string format_whole(std::uint64_t n);

// The same rounded to `significant` digits (at least 1), for figures the
// program computed (a mean, a percentile): "226,700", "0.0512", "1.25".
std::string format_rounded(double x, int significant);

}  // namespace sim

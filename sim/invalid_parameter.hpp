#pragma once

#include <charconv>
#include <stdexcept>
#include <string>

namespace sim {

// The one error type for bad model parameters. It names the parameter so a
// caller that knows where the value came from (a scenario address) can prefix
// it; the message already carries the offending values.
class InvalidParameter : public std::invalid_argument {
public:
    InvalidParameter(std::string parameter, const std::string& message)
        : std::invalid_argument(message), parameter_(std::move(parameter)) {}

    const std::string& parameter() const noexcept { return parameter_; }

private:
    std::string parameter_;
};

// Shortest form that reads back as the same double ("20000", "0.1", "1e+20"),
// so a message shows the value the user wrote.
inline std::string format_number(double x) {
    // Plain digits for the magnitudes people write (300000, not 3e+05), the
    // shortest text that reads back as the same double either way.
    char buffer[64];
    const double magnitude = x < 0 ? -x : x;
    const bool plain = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e15);
    const auto result = plain ? std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed)
                              : std::to_chars(buffer, buffer + sizeof buffer, x);
    return std::string(buffer, result.ptr);
}

}  // namespace sim

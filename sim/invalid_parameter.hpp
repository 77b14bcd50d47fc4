#pragma once

#include <stdexcept>
#include <string>

#include "sim/format_number.hpp"

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

}  // namespace sim

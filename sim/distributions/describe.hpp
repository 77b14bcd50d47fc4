#pragma once

#include <initializer_list>
#include <string>
#include <utility>

#include "sim/invalid_parameter.hpp"

namespace sim::detail {

// "pert(min=1, mode=2, max=4)": how reports and error messages name a distribution.
inline std::string describe(const char* kind,
                            std::initializer_list<std::pair<const char*, double>> params) {
    std::string s = std::string(kind) + "(";
    bool first = true;
    for (const auto& [name, value] : params) {
        if (!first) s += ", ";
        s += std::string(name) + "=" + format_number(value);
        first = false;
    }
    return s + ")";
}

}  // namespace sim::detail

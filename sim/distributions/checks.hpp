#pragma once

#include <cmath>
#include <string>

#include "sim/invalid_parameter.hpp"

// Constructor checks shared by the distribution kinds; each throws
// InvalidParameter naming the parameter and showing its value.
namespace sim::detail {

inline void require_finite(const char* kind, const char* name, double value) {
    if (!std::isfinite(value))
        throw InvalidParameter(name, std::string(kind) + " needs a finite " + name + ", got " +
                                         name + "=" + format_number(value));
}

inline void require_positive(const char* kind, const char* name, double value) {
    require_finite(kind, name, value);
    if (!(value > 0))
        throw InvalidParameter(name, std::string(kind) + " needs " + name + " > 0, got " + name +
                                         "=" + format_number(value));
}

inline void require_probability(const char* kind, const char* name, double value) {
    if (!(value >= 0 && value <= 1))
        throw InvalidParameter(name, std::string(kind) + " needs 0 <= " + name + " <= 1, got " +
                                         name + "=" + format_number(value));
}

inline void require_less(const char* kind, const char* lo_name, double lo, const char* hi_name,
                         double hi) {
    require_finite(kind, lo_name, lo);
    require_finite(kind, hi_name, hi);
    if (!(lo < hi))
        throw InvalidParameter(hi_name, std::string(kind) + " needs " + lo_name + " < " + hi_name +
                                            ", got " + lo_name + "=" + format_number(lo) + ", " +
                                            hi_name + "=" + format_number(hi));
}

}  // namespace sim::detail

#pragma once

namespace sim {

// The closed hull [low, high] of the values a distribution can take (±∞ when
// unbounded), so callers can check it against a quantity's valid range.
struct Support {
    double low, high;
};

}  // namespace sim

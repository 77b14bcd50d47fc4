#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sim/distribution.hpp"

namespace app {

// How an input's numbers read: money, a share (shown as a percentage), a
// number of months, a count, a multiplier or a plain rate.
enum class Quantity { money, share, months, count, factor, rate };

// "money", "share", …: the name a results file stores; nullopt for another word.
const char* quantity_name(Quantity q);
std::optional<Quantity> quantity_named(std::string_view name);

// One value for people, exact enough to recognise the figure a user typed:
// "€500,000", "€65", "€0.18", "15 %", "2.5 %", "6 months", "1,200", "1.1×",
// "0.8"; never scientific notation; "n/a" for NaN.
std::string quantity_text(double value, Quantity quantity, const std::string& currency);

// A distribution in words, its parameters in the input's quantity:
// "PERT €500,000 / €600,000 / €800,000", "uniform 10 % to 20 %",
// "normal, mean 6 months, sd 1 month", "lognormal, median 1.1×, P90 1.6×",
// "yes with probability 15 %"; a constant as its value alone.
std::string distribution_in_words(const sim::Distribution& d, Quantity quantity, const std::string& currency);

}  // namespace app

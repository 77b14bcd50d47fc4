#pragma once

#include <string>

#include "models/input_quantity.hpp"

namespace app {

// An input's value as people read it, by what it measures: "€227k", "2.5 %",
// "6.5 months", "1,200", "×1.1"; three or four significant digits, never
// "2.267e+05". The currency is text from a file: writers escape the result.
std::string quantity_text(double x, models::Quantity q, const std::string& currency);

}  // namespace app

#include "app/quantity_text.hpp"

#include <cmath>

#include "app/format.hpp"
#include "sim/format_number.hpp"

namespace app {

std::string quantity_text(double x, models::Quantity q, const std::string& currency) {
    if (!std::isfinite(x)) return "n/a";
    switch (q) {
        case models::Quantity::money: return money(x, currency);
        case models::Quantity::share: return sim::format_rounded(100 * x, 3) + " %";
        case models::Quantity::months: return sim::format_rounded(x, 3) + (x == 1 ? " month" : " months");
        case models::Quantity::count: return sim::format_rounded(x, 4);
        case models::Quantity::factor: return "×" + sim::format_rounded(x, 3);
        case models::Quantity::rate: return sim::format_rounded(x, 3);
    }
    return sim::format_rounded(x, 4);
}

}  // namespace app

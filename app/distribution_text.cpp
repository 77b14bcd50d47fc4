#include "app/distribution_text.hpp"

#include <cmath>
#include <cstdio>
#include <type_traits>

#include "app/format.hpp"

namespace app {

namespace {

// x with at most `decimals` decimals, trailing zeros dropped, thousands grouped: "1,234.5", "0.05".
std::string fixed(double x, int decimals) {
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(std::abs(x) * scale) / scale;
    const auto whole = static_cast<unsigned long long>(std::floor(rounded));
    std::string out = grouped(whole);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, rounded - static_cast<double>(whole));
    std::string fraction = buffer + 1;  // ".50" from "0.50"
    while (!fraction.empty() && (fraction.back() == '0' || fraction.back() == '.')) fraction.pop_back();
    if (fraction.size() > 1 && fraction[0] == '.') out += fraction;
    return (x < 0 && (whole != 0 || fraction.size() > 1) ? "-" : "") + out;
}

// Enough decimals to show a small value's first two significant digits, at least `least`.
int decimals_for(double x, int least) {
    const double a = std::abs(x);
    if (!(a > 0) || a >= 1) return least;
    return std::max(least, std::min(12, static_cast<int>(std::ceil(-std::log10(a))) + 1));
}

std::string symbol(const std::string& currency) {
    // money() knows the symbols; the sign and digits after it are ours.
    const std::string one = money(1, currency);
    return one.substr(0, one.size() - 1);
}

std::string months_word(double m) { return std::abs(m) == 1 ? " month" : " months"; }

}  // namespace

const char* quantity_name(Quantity q) {
    switch (q) {
        case Quantity::money: return "money";
        case Quantity::share: return "share";
        case Quantity::months: return "months";
        case Quantity::count: return "count";
        case Quantity::factor: return "factor";
        case Quantity::rate: return "rate";
    }
    return "";
}

std::optional<Quantity> quantity_named(std::string_view name) {
    for (Quantity q : {Quantity::money, Quantity::share, Quantity::months, Quantity::count, Quantity::factor,
                       Quantity::rate})
        if (name == quantity_name(q)) return q;
    return std::nullopt;
}

std::string quantity_text(double x, Quantity q, const std::string& currency) {
    if (!std::isfinite(x)) return "n/a";
    switch (q) {
        case Quantity::money: {
            const std::string digits = fixed(std::abs(x), std::abs(x) >= 100 ? 0 : decimals_for(x, 2));
            return (x < 0 ? "-" : "") + symbol(currency) + digits;
        }
        case Quantity::share: return fixed(100 * x, decimals_for(100 * x, 1)) + " %";
        case Quantity::months: return fixed(x, decimals_for(x, 1)) + months_word(x);
        case Quantity::count: return fixed(x, decimals_for(x, 1));
        case Quantity::factor: return fixed(x, decimals_for(x, 2)) + "×";
        case Quantity::rate: return fixed(x, decimals_for(x, 3));
    }
    return "";
}

std::string distribution_in_words(const sim::Distribution& d, Quantity q, const std::string& currency) {
    const auto v = [&](double x) { return quantity_text(x, q, currency); };
    const auto bounds = [&](std::optional<double> low, std::optional<double> high) {
        std::string s;
        if (low && std::isfinite(*low)) s += ", at least " + v(*low);
        if (high && std::isfinite(*high)) s += ", at most " + v(*high);
        return s;
    };
    return std::visit(
        [&](const auto& k) -> std::string {
            using K = std::decay_t<decltype(k)>;
            if constexpr (std::is_same_v<K, sim::Constant>) return v(k.value());
            else if constexpr (std::is_same_v<K, sim::Pert>)
                return "PERT " + v(k.min()) + " / " + v(k.mode()) + " / " + v(k.max()) +
                       (k.lambda() != 4 ? " (weight " + fixed(k.lambda(), 2) + ")" : "");
            else if constexpr (std::is_same_v<K, sim::Triangular>)
                return "triangular " + v(k.min()) + " / " + v(k.mode()) + " / " + v(k.max());
            else if constexpr (std::is_same_v<K, sim::Uniform>) return "uniform " + v(k.min()) + " to " + v(k.max());
            else if constexpr (std::is_same_v<K, sim::Normal>)
                return "normal, mean " + v(k.location()) + ", sd " + v(k.scale()) + bounds(k.lower(), k.upper());
            else if constexpr (std::is_same_v<K, sim::Lognormal>)
                return "lognormal, median " + v(std::exp(k.mu())) + ", P90 " + v(std::exp(k.mu() + 1.2815515655446004 * k.sigma()));
            else if constexpr (std::is_same_v<K, sim::Beta>)
                return "beta (shape " + fixed(k.alpha(), 3) + " and " + fixed(k.beta(), 3) + ") from " + v(k.min()) +
                       " to " + v(k.max());
            else if constexpr (std::is_same_v<K, sim::Gamma>)
                return "gamma, mean " + v(k.mean()) + ", shape " + fixed(k.shape(), 3);
            else if constexpr (std::is_same_v<K, sim::Bernoulli>)
                return "1 with probability " + quantity_text(k.p(), Quantity::share, currency) + ", else 0";
            else if constexpr (std::is_same_v<K, sim::Discrete>) {
                std::string s = "one of ";
                for (std::size_t i = 0; i < k.values().size(); ++i)
                    s += (i ? ", " : "") + v(k.values()[i]) + " (" +
                         quantity_text(k.probabilities()[i], Quantity::share, currency) + ")";
                return s;
            } else {
                // A truncated lognormal or gamma: the base in words, then its cut.
                return distribution_in_words(sim::Distribution(k.untruncated()), q, currency) + bounds(k.lower(), k.upper());
            }
        },
        d);
}

}  // namespace app

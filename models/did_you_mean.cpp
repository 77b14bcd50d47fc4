#include "models/did_you_mean.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace models {

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::string did_you_mean(const std::string& typed, const std::vector<std::string>& names) {
    std::string best;
    std::size_t best_distance = std::numeric_limits<std::size_t>::max();
    for (const auto& name : names)
        if (const std::size_t d = edit_distance(typed, name); d < best_distance) best = name, best_distance = d;
    if (best_distance <= std::max<std::size_t>(2, typed.size() / 3)) return ", did you mean \"" + best + "\"?";
    return "";
}

}  // namespace models

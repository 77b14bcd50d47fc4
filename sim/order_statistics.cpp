#include "sim/order_statistics.hpp"

#include <algorithm>
#include <cmath>

namespace sim {

namespace {
void select(double* first, double* last, const std::size_t* rank_begin, const std::size_t* rank_end,
            std::size_t offset) {
    if (rank_begin == rank_end || last - first <= 1) return;
    const std::size_t* middle = rank_begin + (rank_end - rank_begin) / 2;
    double* pivot = first + (*middle - offset);
    std::nth_element(first, pivot, last);
    select(first, pivot, rank_begin, middle, offset);
    select(pivot + 1, last, middle + 1, rank_end, *middle + 1);
}
}  // namespace

void select_order_statistics(std::span<double> values, std::span<const std::size_t> ranks) {
    std::vector<std::size_t> r(ranks.begin(), ranks.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
    select(values.data(), values.data() + values.size(), r.data(), r.data() + r.size(), 0);
}

std::vector<double> select_percentiles(std::span<double> values, std::span<const double> percentiles) {
    std::vector<double> out(percentiles.size(), NAN);
    if (values.empty()) return out;
    const std::size_t n = values.size();
    std::vector<std::size_t> ranks;
    for (double p : percentiles) {
        const auto lo = static_cast<std::size_t>(std::floor(p * static_cast<double>(n - 1)));
        ranks.push_back(lo);
        ranks.push_back(std::min(lo + 1, n - 1));
    }
    select_order_statistics(values, ranks);
    for (std::size_t i = 0; i < percentiles.size(); ++i) {
        const double position = percentiles[i] * static_cast<double>(n - 1);
        const auto lo = static_cast<std::size_t>(std::floor(position));
        out[i] = between_order_statistics(values[lo], values[std::min(lo + 1, n - 1)],
                                          position - static_cast<double>(lo));
    }
    return out;
}

}  // namespace sim

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

std::vector<double> select_percentiles(std::span<double> values, std::span<const double> percentiles,
                                       std::span<const std::size_t> also_select) {
    std::vector<double> out(percentiles.size(), NAN);
    if (values.empty()) return out;
    const std::size_t n = values.size();
    const auto lower_rank = [&](double p) {
        return std::min(static_cast<std::size_t>(std::floor(p * static_cast<double>(n - 1))), n - 1);
    };
    // Only the lower rank of each pair is selected. The one above it is then
    // the smallest value between it and the next selected rank: a scan of a
    // segment, where selecting it too would add a level of partitioning.
    std::vector<std::size_t> ranks(also_select.begin(), also_select.end());
    for (double p : percentiles) ranks.push_back(lower_rank(p));
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    select(values.data(), values.data() + n, ranks.data(), ranks.data() + ranks.size(), 0);
    for (std::size_t i = 0; i < percentiles.size(); ++i) {
        const double position = percentiles[i] * static_cast<double>(n - 1);
        const std::size_t lo = lower_rank(percentiles[i]);
        const double frac = position - static_cast<double>(lo);
        double upper = values[lo];
        if (frac != 0.0 && lo + 1 < n) {
            const auto next = std::upper_bound(ranks.begin(), ranks.end(), lo);
            const std::size_t end = next == ranks.end() ? n : *next;  // values[end] is no smaller
            upper = end == lo + 1 ? values[end] : *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo + 1),
                                                                   values.begin() + static_cast<std::ptrdiff_t>(end));
        }
        out[i] = between_order_statistics(values[lo], upper, frac);
    }
    return out;
}

}  // namespace sim

#include "sim/order_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

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

// Multiple selection by distribution, for the mid-sized columns a summary
// meets most (thousands of values, a dozen ranks): the values are counted
// into n/4 equal-width buckets between their least and greatest, moved into
// bucket order, and only the buckets holding a wanted rank are selected
// within. A bucket's index only grows with the value ((x − low)·scale rounds
// monotonically), so bucket order is value order. About four passes over the
// values, where nth_element at every level of select() makes log2(k) of two
// or three passes each. False, with values untouched, when a bound is not
// finite (censored times are +∞) or a value is NaN: select() then does it.
bool select_by_buckets(double* first, std::size_t n, const std::size_t* rank_begin, const std::size_t* rank_end) {
    const auto [least, greatest] = std::minmax_element(first, first + n);
    const double low = *least, span = *greatest - low;
    if (!std::isfinite(low) || !std::isfinite(span)) return false;
    if (span == 0) return true;  // all equal: every order is sorted
    const std::size_t buckets = n / 4;
    const double scale = static_cast<double>(buckets) / span;
    if (!std::isfinite(scale)) return false;
    if (std::any_of(first, first + n, [](double x) { return std::isnan(x); })) return false;
    const auto bucket = [&](double x) { return std::min(static_cast<std::size_t>((x - low) * scale), buckets - 1); };
    std::vector<std::size_t> start(buckets + 1, 0);
    for (std::size_t i = 0; i < n; ++i) ++start[bucket(first[i]) + 1];
    for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
    std::vector<double> ordered(n);
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) ordered[next[bucket(first[i])]++] = first[i];
    std::copy(ordered.begin(), ordered.end(), first);
    for (const std::size_t* r = rank_begin; r != rank_end;) {
        // The bucket [start[b], start[b + 1]) holding rank *r, and every later rank inside it.
        const auto b = static_cast<std::size_t>(std::upper_bound(start.begin(), start.end(), *r) - start.begin()) - 1;
        const std::size_t* group_end = std::find_if(r, rank_end, [&](std::size_t k) { return k >= start[b + 1]; });
        select(first + start[b], first + start[b + 1], r, group_end, start[b]);
        r = group_end;
    }
    return true;
}

// select() for the whole of values, through buckets where they pay.
void select_all(double* first, std::size_t n, const std::size_t* rank_begin, const std::size_t* rank_end) {
    if (n >= 1024 && n < 65536 && rank_end - rank_begin > 1 && select_by_buckets(first, n, rank_begin, rank_end)) return;
    select(first, first + n, rank_begin, rank_end, 0);
}
}  // namespace

void select_order_statistics(std::span<double> values, std::span<const std::size_t> ranks) {
    std::vector<std::size_t> r(ranks.begin(), ranks.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
    select_all(values.data(), values.size(), r.data(), r.data() + r.size());
}

namespace {

// Percentiles of many values in about one pass (Floyd and Rivest's idea): a
// sorted sample of every stride-th value brackets each needed rank k within
// [low, high]; one pass counts the values below each bracket and copies those
// inside it, and a selection within each copy (a few per cent of the values)
// finds ranks k and k + 1. False when a bracket missed its ranks (an unlucky
// sample, or NaN): the caller then selects in full.
bool bracketed_percentiles(std::span<const double> values, std::span<const double> percentiles,
                           std::vector<double>& out) {
    constexpr std::size_t sample_size = 4096;
    const std::size_t n = values.size(), stride = n / sample_size;
    std::vector<double> sample(sample_size);
    for (std::size_t i = 0; i < sample_size; ++i) sample[i] = values[i * stride];
    std::sort(sample.begin(), sample.end());

    struct Bracket {
        std::size_t rank = 0;
        double low = 0, high = 0;
        std::size_t below = 0, above = 0, in = 0;
        std::unique_ptr<double[]> inside;  // not zero-filled: only the first `in` are ever read
        std::size_t room = 0;
    };
    std::vector<Bracket> brackets;
    // The sample rank of k has a standard deviation of at most √m / 2; six of them either side.
    const double m = sample_size, margin = 3.0 * std::sqrt(m);
    for (double p : percentiles) {
        const auto k = std::min(static_cast<std::size_t>(std::floor(p * static_cast<double>(n - 1))), n - 1);
        const double centre = (static_cast<double>(k) + 0.5) * m / static_cast<double>(n);
        const double a = centre - margin, b = centre + margin;
        Bracket& br = brackets.emplace_back();
        br.rank = k;
        br.low = a < 0 ? -INFINITY : sample[static_cast<std::size_t>(a)];
        br.high = b >= m ? INFINITY : sample[static_cast<std::size_t>(b)];
    }
    // Without branches: where a value falls is a coin toss near the median, and
    // mispredicted branches would cost more than the comparisons. Each value is
    // written to the next free slot and kept by advancing past it, so the copy
    // needs room for one more chunk before each chunk.
    constexpr std::size_t chunk = 4096;
    for (std::size_t first = 0; first < n; first += chunk) {
        const std::size_t last = std::min(n, first + chunk);
        for (Bracket& br : brackets) {
            if (br.room < br.in + chunk) {
                br.room = std::max(2 * br.room, br.in + 2 * chunk);
                auto bigger = std::make_unique_for_overwrite<double[]>(br.room);
                std::copy_n(br.inside.get(), br.in, bigger.get());
                br.inside = std::move(bigger);
            }
            double* slot = br.inside.get();
            std::size_t below = 0, above = 0, in = br.in;
            for (std::size_t i = first; i < last; ++i) {
                const double x = values[i];
                below += x < br.low;
                above += x > br.high;
                slot[in] = x;
                in += (x >= br.low) & (x <= br.high);  // NaN is nowhere, and fails the count below
            }
            br.below += below;
            br.above += above;
            br.in = in;
        }
    }
    for (std::size_t i = 0; i < brackets.size(); ++i) {
        Bracket& br = brackets[i];
        const std::size_t k = br.rank, in = br.in;
        // Rank k, and k + 1 unless k is the last, must lie inside; no NaN anywhere.
        if (br.below + br.above + in != n || k < br.below || k - br.below >= in ||
            (k + 1 < n && k + 1 - br.below >= in))
            return false;
        double* const first = br.inside.get();
        double* const at = first + (k - br.below);
        std::nth_element(first, at, first + in);
        const double after = k + 1 < n ? *std::min_element(at + 1, first + in) : *at;
        const double position = percentiles[i] * static_cast<double>(n - 1);
        out[i] = between_order_statistics(*at, after, position - static_cast<double>(k));
    }
    return true;
}

}  // namespace

std::vector<double> select_percentiles(std::span<double> values, std::span<const double> percentiles,
                                       std::span<const std::size_t> also_select) {
    std::vector<double> out(percentiles.size(), NAN);
    if (values.empty()) return out;
    const std::size_t n = values.size();
    // Many values and no rank the caller needs in place: bracket the percentiles.
    if (also_select.empty() && n >= 65536 && bracketed_percentiles(values, percentiles, out)) return out;
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
    select_all(values.data(), n, ranks.data(), ranks.data() + ranks.size());
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

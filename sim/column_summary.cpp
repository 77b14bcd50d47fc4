#include "sim/column_summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <type_traits>

#include "sim/bracket_filter.hpp"
#include "sim/moments.hpp"
#include "sim/order_statistics.hpp"

namespace sim {

namespace {

// What one pass over a column gives: count, sum, extremes and positives of
// the values that are not NaN. Four partial sums, so the additions do not
// wait on one another.
struct Totals {
    std::size_t defined = 0, positive = 0;
    double sum = 0, min = INFINITY, max = -INFINITY;
};

template <class T>
Totals totals(std::span<const T> v) {
    double sum[4] = {0, 0, 0, 0}, low = INFINITY, high = -INFINITY;
    std::size_t defined = 0, positive = 0;
    const std::size_t n = v.size();
    const auto add = [&](std::size_t lane, double x) {
        const bool d = !std::isnan(x);
        sum[lane] += d ? x : 0.0;
        defined += d;
        positive += x > 0;
        low = x < low ? x : low;  // NaN compares false and changes nothing
        high = x > high ? x : high;
    };
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (std::size_t lane = 0; lane < 4; ++lane) add(lane, static_cast<double>(v[i + lane]));
    for (; i < n; ++i) add(0, static_cast<double>(v[i]));
    return {defined, positive, (sum[0] + sum[1]) + (sum[2] + sum[3]), low, high};
}

// Σ (x − mean)² over the values that are not NaN: the second of two passes,
// which, unlike one-pass sums of squares, loses nothing to cancellation.
template <class T>
double squared_deviations(std::span<const T> v, double mean) {
    double sum[4] = {0, 0, 0, 0};
    const std::size_t n = v.size();
    const auto add = [&](std::size_t lane, double x) {
        const double d = x - mean;
        sum[lane] += std::isnan(x) ? 0.0 : d * d;
    };
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (std::size_t lane = 0; lane < 4; ++lane) add(lane, static_cast<double>(v[i + lane]));
    for (; i < n; ++i) add(0, static_cast<double>(v[i]));
    return (sum[0] + sum[1]) + (sum[2] + sum[3]);
}

// Order statistics of the defined values at ascending, distinct ranks: the
// value at each rank and the one after it (itself at the last rank), and,
// when asked, the sum of every value of rank ≤ ranks[sum_of].
struct Ranked {
    std::vector<double> at, next;
    double sum = 0;
};

// Selects ranks within [first, first + size), a region holding the values of
// ranks offset … offset + size − 1, below_sum the sum of those below it;
// one nth_element per rank, each over what lies above the rank before.
template <class T>
void select_in(T* first, std::size_t size, std::size_t offset, std::size_t defined, std::span<const std::size_t> ranks,
               std::size_t index0, std::optional<std::size_t> sum_of, double below_sum, Ranked& out) {
    T* const end = first + size;
    T* lo = first;
    for (std::size_t j = 0; j < ranks.size(); ++j) {
        const std::size_t k = ranks[j], i = index0 + j;
        T* at = first + (k - offset);
        std::nth_element(lo, at, end);
        out.at[i] = static_cast<double>(*at);
        out.next[i] = static_cast<double>(k + 1 < defined ? *std::min_element(at + 1, end) : *at);
        if (sum_of == i) out.sum = below_sum + std::accumulate(first, at + 1, 0.0);
        lo = at + 1;
    }
}

template <class T>
std::vector<std::vector<T>>& inside_buffers(SummaryScratch& scratch) {
    if constexpr (std::is_same_v<T, float>)
        return scratch.inside_floats;
    else
        return scratch.inside;
}

// Floyd and Rivest's idea: a sorted sample of every stride-th value brackets
// each rank; one pass counts the values below each bracket and copies those
// inside it (in SIMD lanes, sim/bracket_filter.hpp), and selection within
// the copies (a few per cent of the values) finds the ranks. False when a
// bracket missed its ranks (an unlucky sample).
template <class T>
bool bracketed(std::span<const T> v, std::size_t defined, std::span<const std::size_t> ranks,
               std::optional<std::size_t> sum_of, Ranked& out, SummaryScratch& scratch) {
    constexpr std::size_t sample_size = 4096;
    const std::size_t n = v.size(), stride = n / sample_size;
    std::vector<double> sample;
    sample.reserve(sample_size);
    for (std::size_t i = 0; i < sample_size; ++i)
        if (const double x = static_cast<double>(v[i * stride]); !std::isnan(x)) sample.push_back(x);
    if (sample.size() < sample_size / 2) return false;

    struct Bracket {
        double low = 0, high = 0;
        std::size_t below = 0, above = 0, in = 0;
        double below_sum = 0;
        bool sums = false;
        std::size_t first_rank = 0, ranks = 0;  // the ranks it holds: ranks[first_rank …]
    };
    std::vector<Bracket> brackets;
    // The number of sample values below the value of rank k is about
    // binomial, m·p with standard deviation √(m·p·(1 − p)), p = k / n: five
    // of them either side (and a few places for the tails, where it is
    // small). Narrower at the tails than the middle's √m / 2.
    const double m = static_cast<double>(sample.size());
    std::vector<std::pair<double, double>> places;  // a bracket's sample ranks, −1 and m meaning beyond either end
    std::vector<std::size_t> wanted;
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        const double p = (static_cast<double>(ranks[i]) + 0.5) / static_cast<double>(defined);
        const double margin = 5.0 * std::sqrt(m * p * (1.0 - p)) + 4.0;
        const double a = p * m - margin, b = p * m + margin;
        places.emplace_back(a < 0 ? -1.0 : std::floor(a), b >= m ? m : std::floor(b));
        for (const double place : {places.back().first, places.back().second})
            if (place >= 0 && place < m) wanted.push_back(static_cast<std::size_t>(place));
    }
    // Only the sample's values at those ranks are needed: selected, not sorted.
    std::sort(wanted.begin(), wanted.end());
    select_order_statistics(sample, wanted);
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        const auto [a, b] = places[i];
        const double low = a < 0 ? -INFINITY : sample[static_cast<std::size_t>(a)];
        const double high = b >= m ? INFINITY : sample[static_cast<std::size_t>(b)];
        if (brackets.empty() || brackets.back().low != low || brackets.back().high != high)
            brackets.push_back({.low = low, .high = high, .first_rank = i});
        ++brackets.back().ranks;
        if (sum_of == i) brackets.back().sums = true;
    }
    std::vector<std::vector<T>>& inside = inside_buffers<T>(scratch);
    if (inside.size() < brackets.size()) inside.resize(brackets.size());

    // A chunk at a time, so that a bracket's copy grows with what it holds.
    constexpr std::size_t chunk = 4096;
    for (std::size_t first = 0; first < n; first += chunk) {
        const std::size_t last = std::min(n, first + chunk);
        const std::span<const T> part = v.subspan(first, last - first);
        for (std::size_t b = 0; b < brackets.size(); ++b) {
            Bracket& br = brackets[b];
            std::vector<T>& copy = inside[b];
            if (copy.size() < br.in + chunk + bracket_filter_padding)
                copy.resize(std::max(2 * copy.size(), br.in + 2 * chunk + bracket_filter_padding));
            const BracketCount c =
                filter_bracket(part, static_cast<T>(br.low), static_cast<T>(br.high), copy.data() + br.in);
            br.below += c.below;
            br.above += c.above;
            br.in += c.in;
            if (br.sums) {
                double below_sum = 0;
                for (const T value : part) {
                    const double x = static_cast<double>(value);
                    below_sum += x < br.low ? x : 0.0;
                }
                br.below_sum += below_sum;
            }
        }
    }
    for (const Bracket& br : brackets) {
        // Every rank of the bracket, and the one after it unless it is the last, must lie inside.
        if (br.below + br.above + br.in != defined) return false;
        for (std::size_t j = 0; j < br.ranks; ++j) {
            const std::size_t k = ranks[br.first_rank + j];
            if (k < br.below || k - br.below >= br.in || (k + 1 < defined && k + 1 - br.below >= br.in)) return false;
        }
    }
    for (std::size_t b = 0; b < brackets.size(); ++b) {
        const Bracket& br = brackets[b];
        select_in(inside[b].data(), br.in, br.below, defined, ranks.subspan(br.first_rank, br.ranks),
                  br.first_rank, br.sums ? sum_of : std::nullopt, br.below_sum, out);
    }
    return true;
}

// The order statistics at `ranks` (ascending, distinct) of the defined values.
template <class T>
Ranked order_statistics(std::span<const T> v, std::size_t defined, std::span<const std::size_t> ranks,
                        std::optional<std::size_t> sum_of, SummaryScratch& scratch) {
    Ranked out;
    out.at.resize(ranks.size());
    out.next.resize(ranks.size());
    // Many values: bracket the ranks and select inside the brackets.
    if (defined >= 65536 && bracketed(v, defined, ranks, sum_of, out, scratch)) return out;
    // Otherwise a copy of the defined values, every rank selected at once
    // (nth_element at the middle rank, then both sides); the value after a
    // rank is the smallest between it and the next selected rank.
    std::vector<double>& copy = scratch.copy;
    copy.clear();
    for (const T x : v)
        if (!std::isnan(x)) copy.push_back(static_cast<double>(x));
    select_order_statistics(copy, ranks);
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        const std::size_t k = ranks[i], end = i + 1 < ranks.size() ? ranks[i + 1] : defined;
        out.at[i] = copy[k];
        out.next[i] = k + 1 >= defined ? copy[k]
                      : end == k + 1   ? copy[end]
                                       : *std::min_element(copy.begin() + static_cast<std::ptrdiff_t>(k + 1),
                                                           copy.begin() + static_cast<std::ptrdiff_t>(end));
        if (sum_of == i)
            out.sum = std::accumulate(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(k + 1), 0.0);
    }
    return out;
}

std::size_t lower_rank(double p, std::size_t n) {
    return std::min(static_cast<std::size_t>(std::floor(p * static_cast<double>(n - 1))), n - 1);
}

// The percentiles at `levels` (and, with `tail`, the sum of the `tail` lowest
// values) of the defined values.
template <class T>
std::vector<double> percentiles(std::span<const T> v, std::size_t defined, std::span<const double> levels,
                                SummaryScratch& scratch, std::size_t tail = 0, double* tail_sum = nullptr) {
    std::vector<std::size_t> ranks;
    for (double p : levels) ranks.push_back(lower_rank(p, defined));
    if (tail) ranks.push_back(tail - 1);
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    const auto index_of = [&](std::size_t k) {
        return static_cast<std::size_t>(std::lower_bound(ranks.begin(), ranks.end(), k) - ranks.begin());
    };
    const std::optional<std::size_t> sum_of = tail ? std::optional(index_of(tail - 1)) : std::nullopt;
    const Ranked r = order_statistics(v, defined, ranks, sum_of, scratch);
    if (tail_sum) *tail_sum = r.sum;
    std::vector<double> out;
    for (double p : levels) {
        const std::size_t k = lower_rank(p, defined), i = index_of(k);
        const double position = p * static_cast<double>(defined - 1);
        out.push_back(between_order_statistics(r.at[i], r.next[i], position - static_cast<double>(k)));
    }
    return out;
}

template <class T>
Summary summarize_any(std::span<const T> v, SummaryScratch& scratch) {
    Summary s;
    const Totals t = totals(v);
    s.count = t.defined;
    s.undefined = v.size() - t.defined;
    if (s.count == 0) {
        s.mean = s.sd = s.mean_ci_low = s.mean_ci_high = NAN;
        s.percentiles.fill(NAN);
        s.prob_positive = s.expected_shortfall_5 = s.min = s.max = NAN;
        return s;
    }
    const double n = static_cast<double>(s.count);
    s.mean = t.sum / n;
    s.sd = s.count > 1 ? std::sqrt(squared_deviations(v, s.mean) / (n - 1)) : 0.0;
    const double h = z_975 * s.sd / std::sqrt(n);
    s.mean_ci_low = s.mean - h;
    s.mean_ci_high = s.mean + h;
    s.min = t.min;
    s.max = t.max;
    s.prob_positive = static_cast<double>(t.positive) / n;
    // The ⌈5 %⌉ lowest values: their last rank is selected with the percentiles.
    const auto tail = static_cast<std::size_t>(std::ceil(0.05 * n));
    double tail_sum = 0;
    const auto p = percentiles(v, t.defined, summary_percentiles, scratch, tail, &tail_sum);
    std::copy(p.begin(), p.end(), s.percentiles.begin());
    s.expected_shortfall_5 = tail_sum / static_cast<double>(tail);
    return s;
}

template <class T>
Summary central_any(std::span<const T> v, SummaryScratch& scratch) {
    // The breakdown and the year table show a mean and P10, P50, P90 only:
    // three ranks to select instead of a full summary's seven and its tail.
    static constexpr std::array<double, 3> levels = {0.10, 0.50, 0.90};
    Summary s;
    const Totals t = totals(v);
    s.count = t.defined;
    s.undefined = v.size() - t.defined;
    s.mean = s.count ? t.sum / static_cast<double>(s.count) : NAN;
    if (s.count == 0) return s;
    const auto p = percentiles(v, t.defined, levels, scratch);
    s.percentiles[1] = p[0];
    s.percentiles[3] = p[1];
    s.percentiles[5] = p[2];
    return s;
}

template <class T>
std::vector<double> percentiles_any(std::span<const T> v, std::span<const double> levels, SummaryScratch& scratch) {
    const std::size_t defined = totals(v).defined;
    if (defined == 0) return std::vector<double>(levels.size(), NAN);
    return percentiles(v, defined, levels, scratch);
}

}  // namespace

Summary summarize_column(std::span<const double> values, SummaryScratch& scratch) {
    return summarize_any(values, scratch);
}
Summary summarize_column(std::span<const float> values, SummaryScratch& scratch) {
    return summarize_any(values, scratch);
}
Summary central_summary(std::span<const double> values, SummaryScratch& scratch) { return central_any(values, scratch); }
Summary central_summary(std::span<const float> values, SummaryScratch& scratch) { return central_any(values, scratch); }
std::vector<double> column_percentiles(std::span<const double> values, std::span<const double> levels,
                                       SummaryScratch& scratch) {
    return percentiles_any(values, levels, scratch);
}
std::vector<double> column_percentiles(std::span<const float> values, std::span<const double> levels,
                                       SummaryScratch& scratch) {
    return percentiles_any(values, levels, scratch);
}

}  // namespace sim

#pragma once

#include <atomic>

#include <Eigen/Core>
#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "models/financial_metrics.hpp"

namespace models {

// Asks the kernel to back the 2 MiB-aligned inside of a large block with huge
// pages when it is first touched (transparent huge pages in "madvise" mode, as
// Debian ships them): a million-path store then takes hundreds of page faults
// instead of two hundred thousand, which two threads writing the store at once
// otherwise queue for. A hint only: without it, or elsewhere, nothing changes.
void prefer_huge_pages(void* data, std::size_t bytes) noexcept;

// Faults the pages of [data, data + bytes) in with one call (MADV_POPULATE_WRITE):
// a million paths touch ~400,000 pages, and one trap per page, slow under a
// hypervisor, cost more system time than the model's arithmetic. A no-op where
// the kernel does not know it.
void fault_in(void* data, std::size_t bytes) noexcept;

// A column of per-path values, allocated but not filled: every path writes
// its own slot, and zero-filling gigabytes first costs seconds (8.6 s for the
// 2.4 GB of a 3-million-path run) during which Ctrl-C could not be honoured.
template <class T>
class Column {
public:
    Column() = default;
    explicit Column(std::size_t n) : data_(new T[n]), size_(n) { prefer_huge_pages(data_.get(), n * sizeof(T)); }

    T& operator[](std::size_t i) noexcept { return data_[i]; }
    const T& operator[](std::size_t i) const noexcept { return data_[i]; }
    T* data() noexcept { return data_.get(); }
    const T* data() const noexcept { return data_.get(); }
    std::size_t size() const noexcept { return size_; }
    const T* begin() const noexcept { return data_.get(); }
    const T* end() const noexcept { return data_.get() + size_; }
    operator std::span<const T>() const noexcept { return {data_.get(), size_}; }
    // Room for n values, the first min(n, size()) kept.
    void resize(std::size_t n) {
        Column grown(n);
        std::copy_n(data_.get(), std::min(n, size_), grown.data_.get());
        *this = std::move(grown);
    }
    // A copy as doubles, for the summaries that rearrange what they read.
    std::vector<double> to_vector() const { return std::vector<double>(begin(), end()); }

private:
    std::unique_ptr<T[]> data_;
    std::size_t size_ = 0;
};

// What a store keeps per path, beyond the metrics and paybacks it always has.
struct StoreShape {
    std::size_t options = 0, horizons = 0;
    int months = 0;
    bool cumulative = true;             // the monthly cumulative cash flows (fan chart)
    bool irr = true;                    // the IRR per horizon (else its columns are empty)
    std::vector<std::size_t> breakdown;  // per option: breakdown components summed to each horizon (empty: none)
    std::size_t years = 0;              // per option: periods of the year table (0: none)
    std::size_t inputs = 0;             // drawn input values (for Spearman, SRC, EVPPI)

    std::size_t breakdown_columns() const;
};

// The four sums of a year-table period.
enum class YearPart { benefits, costs, net, discounted_net };
inline constexpr std::size_t year_parts = 4;

// Per-path outputs of a run, one contiguous column per quantity so each path
// writes its own slots (no merge order to worry about) and each statistic
// reads one column.
class PathStore {
public:
    PathStore(const StoreShape& shape, std::uint64_t paths);

    std::uint64_t paths() const noexcept { return paths_; }
    // Room for `paths` paths, the stored ones kept (a run that grows).
    void grow(std::uint64_t paths);
    // Faults every column's pages in, columns in parallel, before the paths
    // are written; false (some left to fault on first write) when `cancel`
    // was set, which is checked between columns so Ctrl-C stays prompt.
    bool fault_in_pages(unsigned threads, const std::atomic<bool>* cancel);
    std::size_t options() const noexcept { return options_; }
    std::size_t horizons() const noexcept { return horizons_; }
    int months() const noexcept { return months_; }
    std::size_t pairs() const noexcept { return options_ * (options_ - 1) / 2; }
    // Whether the store keeps metric m (the IRR only when asked for).
    bool kept(Metric m) const noexcept { return m != Metric::irr || shape_.irr; }

    Column<double>& metric(std::size_t option, std::size_t horizon, Metric m) {
        return metrics_[(option * horizons_ + horizon) * metric_count + static_cast<std::size_t>(m)];
    }
    const Column<double>& metric(std::size_t option, std::size_t horizon, Metric m) const {
        return metrics_[(option * horizons_ + horizon) * metric_count + static_cast<std::size_t>(m)];
    }
    Column<double>& payback(std::size_t option, bool discounted) { return payback_[option * 2 + discounted]; }
    const Column<double>& payback(std::size_t option, bool discounted) const {
        return payback_[option * 2 + discounted];
    }
    // CCF(t) of month t = 1 … H, stored as float: a fan chart needs no more.
    Column<float>& cumulative(std::size_t option, int month) {
        return cumulative_[option * static_cast<std::size_t>(months_) + static_cast<std::size_t>(month - 1)];
    }
    const Column<float>& cumulative(std::size_t option, int month) const {
        return cumulative_[option * static_cast<std::size_t>(months_) + static_cast<std::size_t>(month - 1)];
    }
    // Component c of the option's breakdown summed over months 0 … horizon h.
    Column<float>& breakdown(std::size_t option, std::size_t horizon, std::size_t c) {
        return breakdown_[breakdown_first_[option] + horizon * shape_.breakdown[option] + c];
    }
    const Column<float>& breakdown(std::size_t option, std::size_t horizon, std::size_t c) const {
        return breakdown_[breakdown_first_[option] + horizon * shape_.breakdown[option] + c];
    }
    bool has_breakdown() const noexcept { return !breakdown_.empty(); }
    // A year-table period's sum: period 0 is month 0, period y months 12(y−1)+1 … 12y.
    Column<float>& year(std::size_t option, std::size_t period, YearPart part) {
        return years_[(option * shape_.years + period) * year_parts + static_cast<std::size_t>(part)];
    }
    const Column<float>& year(std::size_t option, std::size_t period, YearPart part) const {
        return years_[(option * shape_.years + period) * year_parts + static_cast<std::size_t>(part)];
    }
    const StoreShape& shape() const noexcept { return shape_; }
    // Pair index of options a < b, in the order (0,1), (0,2), …, (1,2), …
    std::size_t pair_index(std::size_t a, std::size_t b) const noexcept {
        return a * options_ - a * (a + 1) / 2 + (b - a - 1);
    }
    // Drawn values of the uncertain inputs, a row per path, by dimension.
    Eigen::MatrixXd& inputs() { return inputs_; }
    const Eigen::MatrixXd& inputs() const { return inputs_; }
    bool has_cumulative() const noexcept { return !cumulative_.empty(); }

    Column<double>& overtake(std::size_t pair) { return overtake_[pair]; }
    const Column<double>& overtake(std::size_t pair) const { return overtake_[pair]; }

    // Bytes a run of this shape holds, for a memory estimate before running.
    static std::uint64_t bytes_needed(const StoreShape& shape, std::uint64_t paths);

private:
    StoreShape shape_;
    std::uint64_t paths_;
    std::size_t options_, horizons_;
    int months_;
    std::vector<Column<double>> metrics_, payback_, overtake_;
    std::vector<Column<float>> cumulative_, breakdown_, years_;
    std::vector<std::size_t> breakdown_first_;  // per option: its first breakdown column
    Eigen::MatrixXd inputs_;
};

}  // namespace models

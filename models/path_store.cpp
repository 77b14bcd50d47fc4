#include "models/path_store.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <utility>

#include "sim/block_runner.hpp"

namespace models {

void prefer_huge_pages(void* data, std::size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
    constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
    const auto begin = reinterpret_cast<std::uintptr_t>(data), end = begin + bytes;
    const std::uintptr_t first = (begin + huge - 1) & ~(huge - 1), last = end & ~(huge - 1);
    if (first < last) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

void fault_in(void* data, std::size_t bytes) noexcept {
#ifdef MADV_POPULATE_WRITE
    constexpr std::uintptr_t page = 4096;
    const auto start = reinterpret_cast<std::uintptr_t>(data) & ~(page - 1);
    madvise(reinterpret_cast<void*>(start), reinterpret_cast<std::uintptr_t>(data) + bytes - start, MADV_POPULATE_WRITE);
#else
    (void)data;
    (void)bytes;
#endif
}

bool PathStore::fault_in_pages(unsigned threads, const std::atomic<bool>* cancel) {
    std::vector<std::pair<void*, std::size_t>> columns;
    const auto add = [&](auto& list) {
        for (auto& c : list) columns.emplace_back(c.data(), c.size() * sizeof(*c.data()));
    };
    add(metrics_), add(payback_), add(overtake_), add(cumulative_), add(breakdown_), add(years_);
    sim::parallel_for_each(threads, columns.size(), [&](std::size_t k) {
        if (!cancel || !cancel->load(std::memory_order_relaxed)) fault_in(columns[k].first, columns[k].second);
    });
    return !cancel || !cancel->load(std::memory_order_relaxed);
}

std::size_t StoreShape::breakdown_columns() const {
    std::size_t n = 0;
    for (std::size_t c : breakdown) n += c * horizons;
    return n;
}

PathStore::PathStore(const StoreShape& shape, std::uint64_t paths)
    : shape_(shape), paths_(paths), options_(shape.options), horizons_(shape.horizons), months_(shape.months) {
    const auto n = static_cast<std::size_t>(paths);
    const auto columns = [n](std::size_t count, auto& into) {
        into.reserve(count);
        for (std::size_t i = 0; i < count; ++i) into.emplace_back(n);
    };
    metrics_.reserve(options_ * horizons_ * metric_count);
    for (std::size_t i = 0; i < options_ * horizons_ * metric_count; ++i)
        metrics_.emplace_back(kept(all_metrics[i % metric_count]) ? n : 0);
    columns(options_ * 2, payback_);
    columns(pairs(), overtake_);
    if (shape.cumulative) columns(options_ * static_cast<std::size_t>(months_), cumulative_);
    columns(shape.breakdown_columns(), breakdown_);
    for (std::size_t o = 0, first = 0; o < shape.breakdown.size(); first += shape.breakdown[o++] * horizons_)
        breakdown_first_.push_back(first);
    columns(options_ * shape.years * year_parts, years_);
    if (shape.inputs) inputs_.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(shape.inputs));
}

void PathStore::grow(std::uint64_t paths) {
    const auto n = static_cast<std::size_t>(paths);
    for (auto* columns : {&metrics_, &payback_, &overtake_})
        for (auto& c : *columns)
            if (c.size()) c.resize(n);
    for (auto* columns : {&cumulative_, &breakdown_, &years_})
        for (auto& c : *columns) c.resize(n);
    if (inputs_.cols()) inputs_.conservativeResize(static_cast<Eigen::Index>(n), Eigen::NoChange);
    paths_ = paths;
}

std::uint64_t PathStore::bytes_needed(const StoreShape& shape, std::uint64_t paths) {
    const std::uint64_t options = shape.options;
    const std::uint64_t metrics = metric_count - (shape.irr ? 0 : 1);
    const std::uint64_t doubles =
        options * shape.horizons * metrics + options * 2 + options * (options - 1) / 2 + shape.inputs;
    const std::uint64_t floats = (shape.cumulative ? options * static_cast<std::uint64_t>(shape.months) : 0) +
                                 shape.breakdown_columns() + options * shape.years * year_parts;
    // Summaries copy one column at a time, per thread: a small extra.
    return paths * (doubles * sizeof(double) + floats * sizeof(float)) + 2 * paths * sizeof(double);
}

}  // namespace models

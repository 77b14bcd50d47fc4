#include "models/path_store.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace models {

void prefer_huge_pages(void* data, std::size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
    constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
    const auto begin = reinterpret_cast<std::uintptr_t>(data), end = begin + bytes;
    const std::uintptr_t first = (begin + huge - 1) & ~(huge - 1), last = end & ~(huge - 1);
    if (first < last) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
#ifdef MADV_POPULATE_WRITE
    // Fault the pages in with one call: a million paths touch ~400,000 pages,
    // and one trap per page (slow under a hypervisor) cost more system time
    // than the model's arithmetic. Old kernels refuse it; nothing changes then.
    constexpr std::uintptr_t page = 4096;
    const auto start = reinterpret_cast<std::uintptr_t>(data) & ~(page - 1);
    madvise(reinterpret_cast<void*>(start), reinterpret_cast<std::uintptr_t>(data) + bytes - start, MADV_POPULATE_WRITE);
#endif
#if !defined(MADV_HUGEPAGE) && !defined(MADV_POPULATE_WRITE)
    (void)data;
    (void)bytes;
#endif
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
    columns(options_ * horizons_ * metric_count, metrics_);
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
        for (auto& c : *columns) c.resize(n);
    for (auto* columns : {&cumulative_, &breakdown_, &years_})
        for (auto& c : *columns) c.resize(n);
    if (inputs_.cols()) inputs_.conservativeResize(static_cast<Eigen::Index>(n), Eigen::NoChange);
    paths_ = paths;
}

std::uint64_t PathStore::bytes_needed(const StoreShape& shape, std::uint64_t paths) {
    const std::uint64_t options = shape.options;
    const std::uint64_t doubles =
        options * shape.horizons * metric_count + options * 2 + options * (options - 1) / 2 + shape.inputs;
    const std::uint64_t floats = (shape.cumulative ? options * static_cast<std::uint64_t>(shape.months) : 0) +
                                 shape.breakdown_columns() + options * shape.years * year_parts;
    // Summaries copy one column at a time, per thread: a small extra.
    return paths * (doubles * sizeof(double) + floats * sizeof(float)) + 2 * paths * sizeof(double);
}

}  // namespace models

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
#else
    (void)data;
    (void)bytes;
#endif
}

PathStore::PathStore(std::size_t options, std::size_t horizons, int months, std::uint64_t paths, bool keep_cumulative,
                     std::size_t input_columns)
    : paths_(paths), options_(options), horizons_(horizons), months_(months) {
    const auto n = static_cast<std::size_t>(paths);
    const auto columns = [n](std::size_t count, auto& into) {
        into.reserve(count);
        for (std::size_t i = 0; i < count; ++i) into.emplace_back(n);
    };
    columns(options * horizons * metric_count, metrics_);
    columns(options * 2, payback_);
    columns(pairs(), overtake_);
    if (keep_cumulative) columns(options * static_cast<std::size_t>(months), cumulative_);
    if (input_columns) inputs_.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(input_columns));
}

void PathStore::grow(std::uint64_t paths) {
    const auto n = static_cast<std::size_t>(paths);
    for (auto* columns : {&metrics_, &payback_, &overtake_})
        for (auto& c : *columns) c.resize(n);
    for (auto& c : cumulative_) c.resize(n);
    if (inputs_.cols()) inputs_.conservativeResize(static_cast<Eigen::Index>(n), Eigen::NoChange);
    paths_ = paths;
}

std::uint64_t PathStore::bytes_needed(std::size_t options, std::size_t horizons, int months, std::uint64_t paths,
                                      bool keep_cumulative, std::size_t input_columns) {
    const std::uint64_t doubles =
        options * horizons * metric_count + options * 2 + options * (options - 1) / 2 + input_columns;
    const std::uint64_t floats = keep_cumulative ? options * static_cast<std::uint64_t>(months) : 0;
    // Summaries copy one column at a time, per thread: a small extra.
    return paths * (doubles * sizeof(double) + floats * sizeof(float)) + 2 * paths * sizeof(double);
}

}  // namespace models

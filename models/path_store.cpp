#include "models/path_store.hpp"

namespace models {

PathStore::PathStore(std::size_t options, std::size_t horizons, int months, std::uint64_t paths, bool keep_cumulative,
                     std::size_t input_columns)
    : paths_(paths), options_(options), horizons_(horizons), months_(months) {
    const auto n = static_cast<std::size_t>(paths);
    metrics_.assign(options * horizons * metric_count, std::vector<double>(n));
    payback_.assign(options * 2, std::vector<double>(n));
    overtake_.assign(pairs(), std::vector<double>(n));
    if (keep_cumulative) cumulative_.assign(options * static_cast<std::size_t>(months), std::vector<float>(n));
    if (input_columns) inputs_.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(input_columns));
}

std::uint64_t PathStore::bytes_needed(std::size_t options, std::size_t horizons, int months, std::uint64_t paths) {
    const std::uint64_t doubles = options * horizons * metric_count + options * 2 + options * (options - 1) / 2;
    const std::uint64_t floats = options * static_cast<std::uint64_t>(months);
    // Summaries copy one column at a time, per thread: a small extra.
    return paths * (doubles * sizeof(double) + floats * sizeof(float)) + 2 * paths * sizeof(double);
}

}  // namespace models

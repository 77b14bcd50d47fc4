#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "models/financial_metrics.hpp"

namespace models {

// Per-path outputs of a run, one contiguous column per quantity so each path
// writes its own slots (no merge order to worry about) and each statistic
// reads one column.
class PathStore {
public:
    // keep_cumulative: store the monthly cumulative cash flows (fan chart);
    // input_columns: store that many drawn input values per path (0: none).
    PathStore(std::size_t options, std::size_t horizons, int months, std::uint64_t paths, bool keep_cumulative = true,
              std::size_t input_columns = 0);

    std::uint64_t paths() const noexcept { return paths_; }
    std::size_t options() const noexcept { return options_; }
    std::size_t horizons() const noexcept { return horizons_; }
    int months() const noexcept { return months_; }
    std::size_t pairs() const noexcept { return options_ * (options_ - 1) / 2; }

    std::vector<double>& metric(std::size_t option, std::size_t horizon, Metric m) {
        return metrics_[(option * horizons_ + horizon) * metric_count + static_cast<std::size_t>(m)];
    }
    const std::vector<double>& metric(std::size_t option, std::size_t horizon, Metric m) const {
        return metrics_[(option * horizons_ + horizon) * metric_count + static_cast<std::size_t>(m)];
    }
    std::vector<double>& payback(std::size_t option, bool discounted) { return payback_[option * 2 + discounted]; }
    const std::vector<double>& payback(std::size_t option, bool discounted) const {
        return payback_[option * 2 + discounted];
    }
    // CCF(t) of month t = 1 … H, stored as float: a fan chart needs no more.
    std::vector<float>& cumulative(std::size_t option, int month) {
        return cumulative_[option * static_cast<std::size_t>(months_) + static_cast<std::size_t>(month - 1)];
    }
    const std::vector<float>& cumulative(std::size_t option, int month) const {
        return cumulative_[option * static_cast<std::size_t>(months_) + static_cast<std::size_t>(month - 1)];
    }
    // Pair index of options a < b, in the order (0,1), (0,2), …, (1,2), …
    std::size_t pair_index(std::size_t a, std::size_t b) const noexcept {
        return a * options_ - a * (a + 1) / 2 + (b - a - 1);
    }
    // Drawn values of the uncertain inputs, a row per path, by dimension.
    Eigen::MatrixXd& inputs() { return inputs_; }
    const Eigen::MatrixXd& inputs() const { return inputs_; }
    bool has_cumulative() const noexcept { return !cumulative_.empty(); }

    std::vector<double>& overtake(std::size_t pair) { return overtake_[pair]; }
    const std::vector<double>& overtake(std::size_t pair) const { return overtake_[pair]; }

    // Bytes a run of this shape holds, for a memory estimate before running.
    static std::uint64_t bytes_needed(std::size_t options, std::size_t horizons, int months, std::uint64_t paths);

private:
    std::uint64_t paths_;
    std::size_t options_, horizons_;
    int months_;
    std::vector<std::vector<double>> metrics_, payback_, overtake_;
    std::vector<std::vector<float>> cumulative_;
    Eigen::MatrixXd inputs_;
};

}  // namespace models

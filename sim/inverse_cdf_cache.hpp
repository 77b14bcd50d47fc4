#pragma once

#include <cstddef>
#include <future>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "sim/inverse_cdf.hpp"

namespace sim {

// Inverse CDFs already built, for runs that draw from the same distributions
// again: the pilot and main run of a streamed forecast, the sensitivity
// designs, every batch of a convergence run, every point of a sweep or goal
// seek, a variant beside its base. Building a table costs as much as
// simulating thousands of paths; drawing from a shared one gives
// bit-identical values. Inputs of the same shape (table_shape) share one
// set of table nodes, computed once even when several threads ask for it at
// the same time.
// Safe to use from several threads; holds at most `capacity` inverse CDFs,
// dropping the oldest.
class InverseCdfCache {
public:
    explicit InverseCdfCache(std::size_t capacity = 4096) : capacity_(capacity) {}

    std::shared_ptr<const InverseCdf> get(const Distribution& d);
    std::size_t size() const;
    // Table nodes computed so far (one set per distinct shape).
    std::size_t tables() const;

private:
    std::shared_ptr<const std::vector<double>> nodes(const Distribution& shape);

    mutable std::mutex mutex_;
    std::size_t capacity_;
    std::vector<std::shared_ptr<const InverseCdf>> built_;  // oldest first
    std::vector<std::pair<Distribution, std::shared_future<std::shared_ptr<const std::vector<double>>>>> tables_;
};

}  // namespace sim

#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "sim/inverse_cdf.hpp"

namespace sim {

// Inverse CDFs already built, for runs that draw from the same distributions
// again: the pilot and main run of a streamed forecast, the sensitivity
// designs, every point of a sweep or goal seek, a variant beside its base.
// Building a table costs as much as simulating thousands of paths; drawing
// from a shared one gives bit-identical values. Safe to use from several
// threads; holds at most `capacity` tables, dropping the oldest.
class InverseCdfCache {
public:
    explicit InverseCdfCache(std::size_t capacity = 4096) : capacity_(capacity) {}

    std::shared_ptr<const InverseCdf> get(const Distribution& d);
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::size_t capacity_;
    std::vector<std::shared_ptr<const InverseCdf>> built_;  // oldest first
};

}  // namespace sim

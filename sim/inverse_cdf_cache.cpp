#include "sim/inverse_cdf_cache.hpp"

#include <algorithm>

namespace sim {

std::shared_ptr<const InverseCdf> InverseCdfCache::get(const Distribution& d) {
    const auto find = [&]() -> std::shared_ptr<const InverseCdf> {
        // A scenario has tens of inputs: a linear search by value is enough.
        const auto it = std::find_if(built_.begin(), built_.end(), [&](const auto& t) { return t->distribution() == d; });
        return it == built_.end() ? nullptr : *it;
    };
    {
        std::lock_guard lock(mutex_);
        if (auto hit = find()) return hit;
    }
    // Built outside the lock, so that tables are built in parallel; two
    // threads building the same one build equal tables, and one is kept.
    auto fresh = std::make_shared<const InverseCdf>(d);
    std::lock_guard lock(mutex_);
    if (auto hit = find()) return hit;
    if (built_.size() >= capacity_) built_.erase(built_.begin());
    built_.push_back(fresh);
    return fresh;
}

std::size_t InverseCdfCache::size() const {
    std::lock_guard lock(mutex_);
    return built_.size();
}

}  // namespace sim

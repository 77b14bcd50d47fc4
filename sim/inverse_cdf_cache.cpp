#include "sim/inverse_cdf_cache.hpp"

#include <algorithm>

namespace sim {

std::shared_ptr<const std::vector<double>> InverseCdfCache::nodes(const Distribution& shape) {
    std::promise<std::shared_ptr<const std::vector<double>>> mine;
    std::shared_future<std::shared_ptr<const std::vector<double>>> pending;
    {
        std::lock_guard lock(mutex_);
        const auto it = std::find_if(tables_.begin(), tables_.end(), [&](const auto& t) { return t.first == shape; });
        if (it != tables_.end()) pending = it->second;
        else {
            if (tables_.size() >= capacity_) tables_.erase(tables_.begin());
            tables_.emplace_back(shape, mine.get_future().share());
        }
    }
    // Another thread builds it (or has): wait for that one.
    if (pending.valid()) return pending.get();
    // Computed outside the lock, so that different shapes are computed in parallel.
    try {
        auto built = table_nodes(shape);
        mine.set_value(built);
        return built;
    } catch (...) {
        mine.set_exception(std::current_exception());
        throw;
    }
}

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
    auto fresh = std::make_shared<const InverseCdf>(d, [this](const Distribution& shape) { return nodes(shape); });
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

std::size_t InverseCdfCache::tables() const {
    std::lock_guard lock(mutex_);
    return tables_.size();
}

}  // namespace sim

#include "app/server/simulation_slots.hpp"

namespace app::server {

SimulationSlots::Grant SimulationSlots::acquire(const std::string& session) {
    auto entry = std::make_shared<Entry>();
    std::unique_lock lock(mutex_);
    if (!session.empty()) {
        auto& latest = latest_[session];
        if (latest) latest->cancel.store(true);
        latest = entry;
    }
    freed_.notify_all();  // a superseded waiter leaves the queue now
    if (waiting_ >= waiting_limit_ && running_ >= running_limit_) {
        forget(session, entry);
        return {Outcome::busy, nullptr};
    }
    ++waiting_;
    freed_.wait(lock, [&] { return stopping_ || entry->cancel.load() || running_ < running_limit_; });
    --waiting_;
    if (stopping_ || entry->cancel.load()) {
        forget(session, entry);
        return {Outcome::superseded, nullptr};
    }
    ++running_;
    return {Outcome::granted, std::unique_ptr<Ticket>(new Ticket(*this, session, entry))};
}

void SimulationSlots::release(const std::string& session, const std::shared_ptr<Entry>& entry) {
    {
        std::lock_guard lock(mutex_);
        --running_;
        forget(session, entry);
    }
    freed_.notify_all();
}

void SimulationSlots::forget(const std::string& session, const std::shared_ptr<Entry>& entry) {
    const auto it = latest_.find(session);
    if (it != latest_.end() && it->second == entry) latest_.erase(it);
}

void SimulationSlots::cancel_all() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        for (auto& [session, entry] : latest_) entry->cancel.store(true);
    }
    freed_.notify_all();
}

std::size_t SimulationSlots::running() const {
    std::lock_guard lock(mutex_);
    return running_;
}

}  // namespace app::server

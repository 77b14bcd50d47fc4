#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace app::server {

// At most one simulation per client session and at most `running` at once
// over all clients. A session's newer request cancels its older one (through
// the forecast's cancellation token), whether that one runs or still waits;
// a request finds no slot when `waiting` others already wait (the server
// answers 503 rather than queue without end).
class SimulationSlots {
public:
    SimulationSlots(std::size_t running, std::size_t waiting) : running_limit_(running), waiting_limit_(waiting) {}

    struct Entry {
        std::atomic<bool> cancel{false};
    };

    // Holds a running slot until destroyed (not movable: the Grant owns it).
    class Ticket {
    public:
        Ticket(const Ticket&) = delete;
        Ticket& operator=(const Ticket&) = delete;
        ~Ticket() { slots_.release(session_, entry_); }
        // Set when a newer request of the same session arrived (or the server stops).
        const std::atomic<bool>& cancel() const { return entry_->cancel; }
        bool cancelled() const { return entry_->cancel.load(); }

    private:
        friend class SimulationSlots;
        Ticket(SimulationSlots& slots, std::string session, std::shared_ptr<Entry> entry)
            : slots_(slots), session_(std::move(session)), entry_(std::move(entry)) {}
        SimulationSlots& slots_;
        std::string session_;
        std::shared_ptr<Entry> entry_;
    };

    enum class Outcome { granted, superseded, busy };
    struct Grant {
        Outcome outcome;
        std::unique_ptr<Ticket> ticket;  // granted only
    };

    // Waits for a running slot. `session` empty: a client without a session,
    // which cancels nothing and is cancelled by nothing.
    Grant acquire(const std::string& session);

    // Cancels every simulation (the server is stopping).
    void cancel_all();

    std::size_t running() const;

private:
    void release(const std::string& session, const std::shared_ptr<Entry>& entry);
    // Drops the session's record if `entry` is still its newest (lock held).
    void forget(const std::string& session, const std::shared_ptr<Entry>& entry);

    mutable std::mutex mutex_;
    std::condition_variable freed_;
    std::size_t running_limit_, waiting_limit_;
    std::size_t running_ = 0, waiting_ = 0;
    std::map<std::string, std::shared_ptr<Entry>> latest_;  // session → its newest request
    bool stopping_ = false;
};

}  // namespace app::server

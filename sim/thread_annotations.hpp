// Happens-before annotations for ThreadSanitizer. Debian's oneTBB is not
// built with TSan, so the synchronisation inside libtbb.so (a worker finishing
// a task, the caller's wait returning) is invisible to it, and every hand-over
// of data between threads would be reported as a race. The parallel loops in
// block_runner.hpp state those hand-overs explicitly; in other builds these
// are no-ops.
//
// Stating hand-overs is not enough on its own: around our task code a worker
// runs TBB's header code, which touches the loop's bookkeeping, some of it on
// the caller's stack (fold_tree reads the wait node's parent pointer after the
// last task). Once the caller has put its own locals there, TSan reports a
// race whose other side it often cannot name any more, so no suppression can
// match it. So TSan watches a worker only inside roicast's task code: a
// worker ignores its own memory accesses from joining an arena until a task
// starts, and again from the end of a task until the next one starts.
// Synchronisation is still seen throughout. For this to be complete, task
// code reads nothing TBB wrote after the caller's hand-over: task closures
// are built before it and given to TBB by reference, and range bounds are
// read before task_starts(). The suite runs under TSan without suppressions;
// tests/sim/tsan_canary.cpp checks a real race is still caught.

#if defined(__SANITIZE_THREAD__)
#define ROICAST_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define ROICAST_TSAN 1
#endif
#endif

#ifdef ROICAST_TSAN
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_scheduler_observer.h>

extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
extern "C" void __tsan_ignore_thread_begin();
extern "C" void __tsan_ignore_thread_end();
#endif

namespace sim::detail {

#ifdef ROICAST_TSAN
// Whether this thread is between two of roicast's tasks; ends the ignoring if
// the thread exits in that state, which TSan would otherwise treat as an error.
struct TbbCodeIgnored {
    bool on = false;
    ~TbbCodeIgnored() { stop(); }
    void start() noexcept {
        if (!on) __tsan_ignore_thread_begin();
        on = true;
    }
    void stop() noexcept {
        if (on) __tsan_ignore_thread_end();
        on = false;
    }
};
inline TbbCodeIgnored& tbb_code_ignored() {
    thread_local TbbCodeIgnored state;
    return state;
}

// Workers start ignoring when they join the arena of a parallel loop.
class IgnoreWorkersInTbbCode : public tbb::task_scheduler_observer {
public:
    explicit IgnoreWorkersInTbbCode(tbb::task_arena& arena) : tbb::task_scheduler_observer(arena) { observe(true); }
    ~IgnoreWorkersInTbbCode() override { observe(false); }
    void on_scheduler_entry(bool is_worker) override {
        if (is_worker) tbb_code_ignored().start();
    }
    void on_scheduler_exit(bool is_worker) override {
        if (is_worker) tbb_code_ignored().stop();
    }
};
#endif

// One synchronisation object per hand-over direction: from the caller to the
// tasks (work it prepared), and from the tasks to the caller (results).
struct HandOver {
    char to_tasks = 0, to_caller = 0;

    HandOver() = default;
    HandOver(const HandOver&) = delete;
    HandOver& operator=(const HandOver&) = delete;
    // The caller may have run tasks itself; whatever way it leaves, it is
    // watched again.
    ~HandOver() { watch_this_thread(); }

    void caller_starts() noexcept { release(&to_tasks); }
    void task_starts() noexcept {
        watch_this_thread();
        acquire(&to_tasks);
    }
    void task_ends() noexcept {
        release(&to_caller);
        ignore_this_thread();
    }
    void caller_resumes() noexcept {
        watch_this_thread();
        acquire(&to_caller);
    }

    // task_starts() now, task_ends() however the task leaves: a task that
    // throws (a cancelled run) has read what the caller reuses after it.
    class Task {
    public:
        explicit Task(HandOver& h) noexcept : h_(h) { h_.task_starts(); }
        ~Task() { h_.task_ends(); }
        Task(const Task&) = delete;
        Task& operator=(const Task&) = delete;

    private:
        HandOver& h_;
    };
    // caller_starts() now, caller_resumes() however the loop returns,
    // an exception from a task included.
    class Caller {
    public:
        explicit Caller(HandOver& h) noexcept : h_(h) { h_.caller_starts(); }
        ~Caller() { h_.caller_resumes(); }
        Caller(const Caller&) = delete;
        Caller& operator=(const Caller&) = delete;

    private:
        HandOver& h_;
    };

private:
#ifdef ROICAST_TSAN
    static void release(void* a) noexcept { __tsan_release(a); }
    static void acquire(void* a) noexcept { __tsan_acquire(a); }
    static void watch_this_thread() noexcept { tbb_code_ignored().stop(); }
    static void ignore_this_thread() noexcept { tbb_code_ignored().start(); }
#else
    static void release(void*) noexcept {}
    static void acquire(void*) noexcept {}
    static void watch_this_thread() noexcept {}
    static void ignore_this_thread() noexcept {}
#endif
};

}  // namespace sim::detail

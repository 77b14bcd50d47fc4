#pragma once

// Happens-before annotations for ThreadSanitizer. Debian's oneTBB is not
// built with TSan, so the synchronisation inside libtbb.so (a worker finishing
// a task, the caller's wait returning) is invisible to it, and every hand-over
// of data between threads would be reported as a race. The parallel loops in
// block_runner.hpp state those hand-overs explicitly; in other builds these
// are no-ops.

#if defined(__SANITIZE_THREAD__)
#define ROICAST_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define ROICAST_TSAN 1
#endif
#endif

#ifdef ROICAST_TSAN
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
#endif

namespace sim::detail {

// One synchronisation object per hand-over direction: from the caller to the
// tasks (work it prepared), and from the tasks to the caller (results).
struct HandOver {
    char to_tasks = 0, to_caller = 0;

    void caller_starts() noexcept { release(&to_tasks); }
    void task_starts() noexcept { acquire(&to_tasks); }
    void task_ends() noexcept { release(&to_caller); }
    void caller_resumes() noexcept { acquire(&to_caller); }

private:
#ifdef ROICAST_TSAN
    static void release(void* a) noexcept { __tsan_release(a); }
    static void acquire(void* a) noexcept { __tsan_acquire(a); }
#else
    static void release(void*) noexcept {}
    static void acquire(void*) noexcept {}
#endif
};

}  // namespace sim::detail

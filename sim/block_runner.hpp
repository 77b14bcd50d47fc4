#pragma once

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <functional>

#include "sim/block.hpp"
#include "sim/thread_annotations.hpp"

namespace sim {

struct RunOptions {
    std::uint64_t paths = 0;
    std::size_t block_size = 1024;  // paths evaluated together, structure-of-arrays
    unsigned threads = 0;           // 0: all the machine has
};

inline std::uint64_t block_count(const RunOptions& o) {
    return (o.paths + o.block_size - 1) / o.block_size;
}

inline BlockRange block_at(const RunOptions& o, std::uint64_t b) {
    const std::uint64_t first = b * o.block_size;
    return {first, static_cast<std::size_t>(std::min<std::uint64_t>(o.block_size, o.paths - first))};
}

template <class F>
decltype(auto) in_arena(const RunOptions& o, F&& f) {
    tbb::task_arena arena(o.threads == 0 ? tbb::task_arena::automatic : static_cast<int>(o.threads));
#ifdef ROICAST_TSAN
    arena.initialize();
    detail::IgnoreWorkersInTbbCode observer(arena);
#endif
    return arena.execute(std::forward<F>(f));
}

// Calls fn(i) for i = 0 … count − 1 in parallel, at most `threads` at a time
// (0: every core). For independent jobs that each write their own output.
template <class Fn>
    requires std::invocable<Fn&, std::size_t>
void parallel_for_each(unsigned threads, std::size_t count, Fn&& fn) {
    detail::HandOver hand_over;
    // Built before the hand-over: TBB's tasks read this closure by reference.
    const auto task = [&](std::size_t i) {
        const detail::HandOver::Task turn(hand_over);
        fn(i);
    };
    const detail::HandOver::Caller caller(hand_over);
    in_arena(RunOptions{0, 1, threads}, [&] { tbb::parallel_for(std::size_t{0}, count, task); });
}

// Calls fn(block) for every block of paths, in parallel. For outputs that
// each path writes to its own slot.
template <class BlockFn>
    requires std::invocable<BlockFn&, BlockRange>
void for_each_block(const RunOptions& o, BlockFn&& fn) {
    detail::HandOver hand_over;
    const auto task = [&](const tbb::blocked_range<std::uint64_t>& r) {
        const std::uint64_t first = r.begin(), last = r.end();  // TBB's object: read before the hand-over
        const detail::HandOver::Task turn(hand_over);
        for (std::uint64_t b = first; b != last; ++b) fn(block_at(o, b));
    };
    const detail::HandOver::Caller caller(hand_over);
    in_arena(o, [&] {
        // By reference: TBB's copies of a body are made after the hand-over.
        tbb::parallel_for(tbb::blocked_range<std::uint64_t>(0, block_count(o), 1), std::cref(task),
                          tbb::simple_partitioner{});
    });
}

}  // namespace sim

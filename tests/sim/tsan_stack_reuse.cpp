// Built only under ThreadSanitizer, run without suppressions, expected to
// pass. A worker finishing the last task of a parallel loop still reads the
// loop's bookkeeping on the caller's stack inside TBB (fold_tree reads the
// wait node's parent pointer) after the task's own hand-over annotation; when
// the caller later puts its own locals there, TSan reports a race, and once
// the worker's access history has moved on it cannot even name TBB as the
// other side (seen once in CI, in the model tests). Here: loops from a deep
// frame, a loop that floods each thread's access history, then writes over
// that deep stack, many times over. Without sim/thread_annotations.hpp
// keeping workers' TBB code out of view, this reports hundreds of races.
#include <cstdio>
#include <cstring>
#include <vector>

#include "sim/block_runner.hpp"

namespace {

unsigned long spin(unsigned long x, int steps) {
    for (int k = 0; k < steps; ++k) x = x * 6364136223846793005UL + 1;
    return x;
}

[[gnu::noinline]] unsigned long loop_from_a_deep_frame(int round) {
    volatile char padding[8192];
    padding[round % sizeof padding] = 1;
    unsigned long slots[2] = {};
    sim::parallel_for_each(2, 2, [&](std::size_t i) {
        slots[i] = spin(static_cast<unsigned long>(round), 1000 + 3000 * static_cast<int>(i ^ (round & 1)));
    });
    return slots[0] ^ slots[1] ^ padding[0];
}

void flood_the_history() {
    sim::parallel_for_each(2, 2, [](std::size_t) {
        std::vector<char> scratch(std::size_t{1} << 21);
        for (int pass = 0; pass < 2; ++pass)
            for (auto& c : scratch) c = static_cast<char>(c + 1);
    });
}

[[gnu::noinline]] long scribble_over_the_deep_stack(int round) {
    volatile char local[16384];
    std::memset(const_cast<char*>(local), round & 0x7f, sizeof local);
    return local[round % sizeof local];
}

}  // namespace

int main() {
    unsigned long total = 0;
    for (int round = 0; round < 60; ++round) {
        total += loop_from_a_deep_frame(round);
        flood_the_history();
        total += static_cast<unsigned long>(scribble_over_the_deep_stack(round));
    }
    std::printf("%lu\n", total);
    return 0;
}

// A deliberate data race between blocks, built only under ThreadSanitizer and
// expected to fail (WILL_FAIL): it proves that keeping TBB's own code out of
// TSan's view (sim/thread_annotations.hpp) does not also hide races in
// roicast's own task code.
#include <cstdio>

#include "sim/block_runner.hpp"

int main() {
    long shared = 0;
    sim::for_each_block(sim::RunOptions{100000, 100, 2}, [&](sim::BlockRange b) {
        for (std::size_t k = 0; k < b.size; ++k) shared += 1;  // unsynchronised on purpose
    });
    std::printf("%ld\n", shared);
    return 0;
}

#pragma once

#include <cstdint>
#include <vector>

#include "models/path_store.hpp"

namespace models {

// Which choice has the highest NPV at a horizon, path by path: the k-way
// "probability each option is best" a decision rule on expected NPV is
// judged by. Two readings, both shares of paths that sum to 1:
//   among_options     the options alone (for two options: P(NPV a > NPV b));
//   counting_nothing  not investing (NPV 0) as one more choice, as the
//                     reports' decision rule counts it; `nothing` its share.
// A tie goes to the option first in scenario order, and an option beats not
// investing only with an NPV above 0.
struct BestChoice {
    std::vector<double> among_options, counting_nothing;  // [option]
    double nothing = 0;
};

// Counts of winners, added block by block (streamed runs) or over a whole
// store; integers, so merging in any order gives the same shares.
class BestChoiceCounts {
public:
    BestChoiceCounts() = default;
    BestChoiceCounts(std::size_t horizons, std::size_t options);

    // The first n paths of `store`.
    void add(const PathStore& store, std::size_t n);
    void merge(const BestChoiceCounts& other);
    // One per horizon, as shares of `paths`.
    std::vector<BestChoice> shares(std::uint64_t paths) const;

private:
    std::size_t options_ = 0;
    std::vector<std::uint64_t> among_, counting_;  // [horizon * options + option]
    std::vector<std::uint64_t> nothing_;           // [horizon]
};

}  // namespace models

#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/distribution.hpp"

namespace models {

// Index of a numeric input in the scenario's InputTable.
using InputId = std::size_t;

// A band of an input's percentiles, 0 <= low < high <= 1: a stressed input
// is drawn from it (its uniform u becomes low + (high − low)·u).
struct PercentileBand {
    double low = 0, high = 1;
};

// One numeric input of a scenario: a constant or a distribution, with its
// dotted address in the file and the user's note on where the figure comes from.
struct Input {
    std::string address;
    sim::Distribution distribution;
    std::string source;
    std::string label;  // a short human name, shown instead of the address
    // Its column in the uniform design, for an uncertain input.
    std::optional<std::size_t> dimension;
    // A variant's stress test (uncertain inputs only).
    std::optional<PercentileBand> stress;
};

// Every numeric input of a scenario, in file order. The uncertain ones are the
// dimensions of the Monte Carlo design, numbered in the same order.
class InputTable {
public:
    InputId add(std::string address, sim::Distribution distribution, std::string source = {}, std::string label = {});
    // A value the file did not give (a default): a constant with no source.
    InputId add_default(std::string address, double value);

    const Input& operator[](InputId id) const { return inputs_[id]; }
    std::size_t size() const noexcept { return inputs_.size(); }
    std::size_t dimensions() const noexcept { return uncertain_.size(); }
    // The inputs that are dimensions, by dimension.
    const std::vector<InputId>& uncertain() const noexcept { return uncertain_; }
    // The uncertain input behind design dimension d.
    const Input& of_dimension(std::size_t d) const { return inputs_[uncertain_[d]]; }
    std::optional<InputId> find(const std::string& address) const;
    // Holds an uncertain input to a band of its percentiles.
    void stress(InputId id, PercentileBand band) { inputs_[id].stress = band; }
    const std::vector<Input>& all() const noexcept { return inputs_; }

private:
    std::vector<Input> inputs_;
    std::vector<InputId> uncertain_;
};

}  // namespace models

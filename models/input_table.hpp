#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/distribution.hpp"

namespace models {

// Index of a numeric input in the scenario's InputTable.
using InputId = std::size_t;

// One numeric input of a scenario: a constant or a distribution, with its
// dotted address in the file and the user's note on where the figure comes from.
struct Input {
    std::string address;
    sim::Distribution distribution;
    std::string source;
    std::string label;  // a short human name, shown instead of the address
    // Its column in the uniform design, for an uncertain input.
    std::optional<std::size_t> dimension;
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
    const std::vector<Input>& all() const noexcept { return inputs_; }

private:
    std::vector<Input> inputs_;
    std::vector<InputId> uncertain_;
};

}  // namespace models

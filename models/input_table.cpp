#include "models/input_table.hpp"

namespace models {

InputId InputTable::add(std::string address, sim::Distribution distribution, std::string source, std::string label) {
    Input input{std::move(address), std::move(distribution), std::move(source), std::move(label), std::nullopt, std::nullopt};
    if (!sim::is_constant(input.distribution)) {
        input.dimension = uncertain_.size();
        uncertain_.push_back(inputs_.size());
    }
    inputs_.push_back(std::move(input));
    return inputs_.size() - 1;
}

InputId InputTable::add_default(std::string address, double value) {
    return add(std::move(address), sim::Constant(value));
}

std::optional<InputId> InputTable::find(const std::string& address) const {
    for (InputId i = 0; i < inputs_.size(); ++i)
        if (inputs_[i].address == address) return i;
    return std::nullopt;
}

}  // namespace models

#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace models {

// One problem found in a scenario, at its dotted address.
struct Issue {
    std::string address;
    std::string message;
};

// Everything wrong with a scenario file, reported together.
class ScenarioError : public std::runtime_error {
public:
    explicit ScenarioError(std::vector<Issue> issues)
        : std::runtime_error(issues.empty() ? "invalid scenario"
                                            : issues.front().address + ": " + issues.front().message),
          issues_(std::move(issues)) {}

    const std::vector<Issue>& issues() const noexcept { return issues_; }

private:
    std::vector<Issue> issues_;
};

}  // namespace models

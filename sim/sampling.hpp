#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sim {

enum class Sampling { mc, lhs, sobol };

std::optional<Sampling> parse_sampling(std::string_view name);
std::string to_string(Sampling s);

}  // namespace sim

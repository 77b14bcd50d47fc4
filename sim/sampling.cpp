#include "sim/sampling.hpp"

namespace sim {

std::optional<Sampling> parse_sampling(std::string_view name) {
    if (name == "mc") return Sampling::mc;
    if (name == "lhs") return Sampling::lhs;
    if (name == "sobol") return Sampling::sobol;
    return std::nullopt;
}

std::string to_string(Sampling s) {
    switch (s) {
        case Sampling::mc: return "mc";
        case Sampling::lhs: return "lhs";
        case Sampling::sobol: return "sobol";
    }
    return "?";
}

}  // namespace sim

#include "sim/distributions/pert.hpp"

#include "sim/distributions/checks.hpp"
#include "sim/distributions/describe.hpp"

namespace sim {

namespace {
// PERT's own checks, so its messages speak of PERT's parameters before the
// Beta it becomes is built.
double checked_width(double min, double mode, double max, double lambda) {
    detail::require_finite("PERT", "mode", mode);
    detail::require_less("PERT", "min", min, "max", max);
    if (!(min <= mode && mode <= max))
        throw InvalidParameter("mode", "PERT needs min <= mode <= max, got min=" + format_number(min) +
                                           ", mode=" + format_number(mode) + ", max=" + format_number(max));
    detail::require_positive("PERT", "lambda", lambda);
    return max - min;
}
}  // namespace

Pert::Pert(double min, double mode, double max, double lambda)
    : min_(min), mode_(mode), max_(max), lambda_(lambda),
      beta_(1.0 + lambda * (mode - min) / checked_width(min, mode, max, lambda),
            1.0 + lambda * (max - mode) / (max - min), min, max) {}

std::string Pert::describe() const {
    if (lambda_ == 4.0)
        return detail::describe("pert", {{"min", min_}, {"mode", mode_}, {"max", max_}});
    return detail::describe("pert",
                            {{"min", min_}, {"mode", mode_}, {"max", max_}, {"lambda", lambda_}});
}

}  // namespace sim

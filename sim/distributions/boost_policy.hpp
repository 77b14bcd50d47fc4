#pragma once

#include <boost/math/policies/policy.hpp>

namespace sim::detail {

// Doubles stay doubles (no silent long-double promotion, which costs speed and
// buys nothing at 53-bit inputs); domain errors throw, as Boost does by default.
using BoostPolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>,
                                                  boost::math::policies::promote_float<false>>;

}  // namespace sim::detail

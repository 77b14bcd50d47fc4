// Every invalid parameterisation is rejected with InvalidParameter naming the
// parameter, and the message shows the bad value.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "sim/distribution.hpp"

namespace {

struct Bad {
    std::string name;
    std::function<void()> make;
    std::string parameter;
    std::string shown;  // text the message must contain
};

void PrintTo(const Bad& b, std::ostream* os) { *os << b.name; }

class InvalidDistribution : public testing::TestWithParam<Bad> {};

TEST_P(InvalidDistribution, RejectedNamingTheParameter) {
    const Bad& b = GetParam();
    try {
        b.make();
        FAIL() << b.name << " was accepted";
    } catch (const sim::InvalidParameter& e) {
        EXPECT_EQ(e.parameter(), b.parameter) << e.what();
        EXPECT_NE(std::string(e.what()).find(b.shown), std::string::npos)
            << "message '" << e.what() << "' lacks '" << b.shown << "'";
    }
}

const double nan = std::nan("");

INSTANTIATE_TEST_SUITE_P(
    AllKinds, InvalidDistribution,
    testing::Values(
        Bad{"constant_nan", [] { (void)sim::Constant(nan); }, "value", "value=NaN"},
        Bad{"uniform_reversed", [] { (void)sim::Uniform(5, 2); }, "max", "min=5, max=2"},
        Bad{"uniform_equal", [] { (void)sim::Uniform(3, 3); }, "max", "min=3, max=3"},
        Bad{"uniform_inf", [] { (void)sim::Uniform(0, INFINITY); }, "max", "max=inf"},
        Bad{"triangular_mode_low", [] { (void)sim::Triangular(1, 0, 3); }, "mode", "mode=0"},
        Bad{"triangular_mode_high", [] { (void)sim::Triangular(1, 4, 3); }, "mode", "mode=4"},
        Bad{"triangular_reversed", [] { (void)sim::Triangular(3, 2, 1); }, "max", "min=3, max=1"},
        Bad{"pert_mode_outside", [] { (void)sim::Pert(20000, 10000, 150000); }, "mode",
            "PERT needs min <= mode <= max, got min=20,000, mode=10,000, max=150,000"},
        Bad{"pert_reversed", [] { (void)sim::Pert(5, 5, 1); }, "max", "min=5, max=1"},
        Bad{"pert_lambda", [] { (void)sim::Pert(0, 1, 2, 0); }, "lambda", "lambda=0"},
        Bad{"pert_mode_nan", [] { (void)sim::Pert(0, nan, 2); }, "mode", "mode=NaN"},
        Bad{"normal_sd_zero", [] { (void)sim::Normal(0, 0); }, "sd", "sd=0"},
        Bad{"normal_sd_negative", [] { (void)sim::Normal(0, -2); }, "sd", "sd=-2"},
        Bad{"normal_mean_inf", [] { (void)sim::Normal(INFINITY, 1); }, "mean", "mean=inf"},
        Bad{"normal_p5_p95", [] { (void)sim::Normal::from_percentiles(30, 10); }, "p95", "p5=30, p95=10"},
        Bad{"normal_bounds", [] { (void)sim::Normal(0, 1, 2.0, 1.0); }, "max", "min=2, max=1"},
        Bad{"normal_no_mass", [] { (void)sim::Normal(0, 1, 50.0, 60.0); }, "min", "keeps no probability mass"},
        Bad{"lognormal_sigma", [] { (void)sim::Lognormal(0, 0); }, "sigma", "sigma=0"},
        Bad{"lognormal_median", [] { (void)sim::Lognormal::from_median_p90(-1, 2); }, "median", "median=-1"},
        Bad{"lognormal_p90_below_median", [] { (void)sim::Lognormal::from_median_p90(2, 1.5); }, "p90",
            "median=2, p90=1.5"},
        Bad{"lognormal_p5", [] { (void)sim::Lognormal::from_percentiles(0, 5); }, "p5", "p5=0"},
        Bad{"lognormal_p5_p95", [] { (void)sim::Lognormal::from_percentiles(5, 5); }, "p95", "p5=5, p95=5"},
        Bad{"lognormal_mean", [] { (void)sim::Lognormal::from_mean_sd(0, 1); }, "mean", "mean=0"},
        Bad{"lognormal_sd", [] { (void)sim::Lognormal::from_mean_sd(1, -1); }, "sd", "sd=-1"},
        Bad{"beta_alpha", [] { (void)sim::Beta(0, 1); }, "alpha", "alpha=0"},
        Bad{"beta_beta", [] { (void)sim::Beta(1, -3); }, "beta", "beta=-3"},
        Bad{"beta_range", [] { (void)sim::Beta(1, 1, 4, 2); }, "max", "min=4, max=2"},
        Bad{"gamma_shape", [] { (void)sim::Gamma(-1, 1); }, "shape", "shape=-1"},
        Bad{"gamma_scale", [] { (void)sim::Gamma(1, 0); }, "scale", "scale=0"},
        Bad{"bernoulli_high", [] { (void)sim::Bernoulli(1.5); }, "p", "p=1.5"},
        Bad{"bernoulli_negative", [] { (void)sim::Bernoulli(-0.1); }, "p", "p=-0.1"},
        Bad{"bernoulli_nan", [] { (void)sim::Bernoulli(nan); }, "p", "p=NaN"},
        Bad{"discrete_empty", [] { (void)sim::Discrete({}, {}); }, "values", "none"},
        Bad{"discrete_sizes", [] { (void)sim::Discrete({1, 2}, {1}); }, "weights", "2 values and 1 weights"},
        Bad{"discrete_negative_weight", [] { (void)sim::Discrete({1, 2}, {1, -1}); }, "weights",
            "weights[1]=-1"},
        Bad{"discrete_zero_total", [] { (void)sim::Discrete({1, 2}, {0, 0}); }, "weights", "sum"},
        Bad{"discrete_value_inf", [] { (void)sim::Discrete({1, INFINITY}, {1, 1}); }, "values",
            "values=inf"}),
    [](const testing::TestParamInfo<Bad>& i) { return i.param.name; });

}  // namespace

// Hostile command lines and files: a clear error (exit 2) and nothing written,
// never a crash or a silently changed value.
#include <gtest/gtest.h>

#include <fstream>

#include "run_roicast.hpp"

namespace {

TEST(Hardening, CommandLineValuesAreTakenAsTypedOrRefused) {
    const struct {
        std::string arguments, says;
    } cases[] = {
        {"run --paths 100 --seed -1", "a seed is a whole number from 0 to 18446744073709551615"},
        {"run --paths 100 --seed 18446744073709551616", "got 18446744073709551616"},
        {"run --paths 100 --target-ci nan", "expected a finite number"},
        {"run --paths 100 --target-ci inf", "expected a finite number"},
        {"run --paths 100 --json \"\"", "an empty file name"},
        {"run --paths 100 --json /dev/null", "not a regular file"},
        {"solve --vary discount_rate=0:1 --target options.custom.payback_months.p50=14 --tolerance nan",
         "expected a finite number"},
    };
    for (const auto& c : cases) {
        const auto o = test::roicast(c.arguments);
        EXPECT_EQ(o.exit_code, 2) << c.arguments << "\n" << o.err;
        EXPECT_NE(o.err.find(c.says), std::string::npos) << c.arguments << "\n" << o.err;
    }
}

TEST(Hardening, TheLargestSeedIsKeptExactly) {
    const auto dir = test::scratch_folder("largest_seed");
    const auto o = test::roicast("run --paths 50 --quiet --seed 18446744073709551615 --json " + (dir / "r.json").string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    EXPECT_NE(test::slurp(dir / "r.json").find("\"seed\": 18446744073709551615,"), std::string::npos);
}

TEST(Hardening, MoreThreadsThanCoresRunQuietlyOnTheCores) {
    const auto o = test::roicast("run --paths 200 --threads 1000");
    EXPECT_EQ(o.exit_code, 0) << o.err;
    EXPECT_EQ(o.err.find("TBB"), std::string::npos) << o.err;
}

TEST(Hardening, OneFileNamedForTwoOutputsIsRefusedBeforeRunning) {
    const auto dir = test::scratch_folder("twice");
    const auto o = test::roicast("run --paths 100 --json " + (dir / "r.json").string() + " --html " +
                                 (dir / "." / "r.json").string());
    EXPECT_EQ(o.exit_code, 2) << o.err;
    EXPECT_NE(o.err.find("named for two outputs"), std::string::npos) << o.err;
    EXPECT_TRUE(std::filesystem::is_empty(dir));
}

TEST(Hardening, AnEndlessScenarioFileIsRefusedNotReadForever) {
    const auto o = test::roicast("validate /dev/zero");
    EXPECT_EQ(o.exit_code, 2) << o.err;
    EXPECT_NE(o.err.find("larger than 16 MiB"), std::string::npos) << o.err;
}

TEST(Hardening, AStaleCsvOfAnEarlierRunIsRemovedWithTheNewSet) {
    const auto dir = test::scratch_folder("stale_csv");
    auto o = test::roicast("run --paths 100 --quiet --samples 10 --csv " + dir.string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    ASSERT_TRUE(std::filesystem::exists(dir / "samples.csv"));
    std::ofstream(dir / "notes.txt") << "mine";
    o = test::roicast("run --paths 100 --quiet --csv " + dir.string());
    ASSERT_EQ(o.exit_code, 0) << o.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "samples.csv"));  // from the earlier run: it would mislead
    EXPECT_TRUE(std::filesystem::exists(dir / "notes.txt"));     // not roicast's
    EXPECT_TRUE(std::filesystem::exists(dir / "summary.csv"));
}

}  // namespace

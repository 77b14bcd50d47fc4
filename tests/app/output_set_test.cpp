// Outputs written as one set: nothing through a link, nothing half-replaced,
// nothing left behind (tests/app/output_set_test).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/output_set.hpp"

namespace {

namespace fs = std::filesystem;

fs::path fresh_folder(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("roicast_outputs_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

// Nothing but the given names in the folder (no temporaries, no private folders).
std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 07777;
}

TEST(OutputSet, ALinkAtTheTargetIsReplacedNotWrittenThrough) {
    const fs::path dir = fresh_folder("link");
    write(dir / "victim", "secret");
    fs::permissions(dir / "victim", fs::perms::owner_read | fs::perms::owner_write);
    fs::create_symlink(dir / "victim", dir / "r.json");
    app::write_atomically(dir / "r.json", [](std::ostream& out) { out << "results"; });
    EXPECT_EQ(read(dir / "victim"), "secret");
    EXPECT_FALSE(fs::is_symlink(dir / "r.json"));
    EXPECT_EQ(read(dir / "r.json"), "results");
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{"r.json", "victim"}));
}

TEST(OutputSet, AFailureLeavesEveryExistingFileAsItWasAndNoTemporary) {
    const fs::path dir = fresh_folder("failure");
    write(dir / "a.json", "old a");
    fs::create_directories(dir / "csv");
    write(dir / "csv" / "one.csv", "old one");
    app::OutputSet set;
    set.add(dir / "a.json", [](std::ostream& out) { out << "new a"; });
    set.add_folder(dir / "csv", {{"one.csv", [](std::ostream& out) { out << "new one"; }},
                                 {"two.csv", [](std::ostream&) { throw std::runtime_error("disk full"); }}});
    EXPECT_THROW(set.commit(), std::runtime_error);
    EXPECT_EQ(read(dir / "a.json"), "old a");
    EXPECT_EQ(read(dir / "csv" / "one.csv"), "old one");
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{"a.json", "csv"}));
    EXPECT_EQ(names_in(dir / "csv"), (std::vector<std::string>{"one.csv"}));
}

TEST(OutputSet, AFolderItHadToCreateGoesAgainOnFailure) {
    const fs::path dir = fresh_folder("created");
    app::OutputSet set;
    set.add_folder(dir / "new" / "csv", {{"x.csv", [](std::ostream&) { throw std::runtime_error("no"); }}});
    EXPECT_THROW(set.commit(), std::runtime_error);
    EXPECT_TRUE(names_in(dir).empty());
}

TEST(OutputSet, ACancellationBeforeTheRenamesChangesNothing) {
    const fs::path dir = fresh_folder("cancel");
    write(dir / "a.json", "old");
    std::atomic<bool> cancel{false};
    app::OutputSet set;
    set.add(dir / "a.json", [&](std::ostream& out) {
        out << "new";
        cancel = true;  // Ctrl-C while the files are being written
    });
    EXPECT_FALSE(set.commit(&cancel));
    EXPECT_EQ(read(dir / "a.json"), "old");
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{"a.json"}));
}

TEST(OutputSet, AReplacedFileKeepsItsModeAndAFolderSetDropsStaleMembers) {
    const fs::path dir = fresh_folder("mode");
    write(dir / "r.json", "old");
    ::chmod((dir / "r.json").c_str(), 0600);
    write(dir / "samples.csv", "from an earlier run");
    write(dir / "notes.txt", "the user's own");
    app::OutputSet set;
    set.add(dir / "r.json", [](std::ostream& out) { out << "new"; });
    set.add_folder(dir, {{"summary.csv", [](std::ostream& out) { out << "s"; }}}, {"summary.csv", "samples.csv"});
    EXPECT_TRUE(set.commit());
    EXPECT_EQ(mode_of(dir / "r.json"), 0600u);
    EXPECT_EQ(read(dir / "r.json"), "new");
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{"notes.txt", "r.json", "summary.csv"}));
}

TEST(OutputSet, RefusesTargetsThatAreNotRegularFiles) {
    EXPECT_NE(app::check_writable("/dev/null").find("not a regular file"), std::string::npos);
    EXPECT_NE(app::check_writable(fs::temp_directory_path()).find("is a folder"), std::string::npos);
    EXPECT_NE(app::check_writable("").find("empty"), std::string::npos);
    EXPECT_NE(app::check_writable("/no/such/folder/r.json").find("does not exist"), std::string::npos);
    EXPECT_EQ(app::check_writable(fs::temp_directory_path() / "roicast_new_file.json"), "");
}

TEST(OutputSet, TheSameFileNamedTwiceIsFound) {
    const fs::path dir = fresh_folder("twice");
    EXPECT_EQ(app::repeated_output({dir / "a.json", dir / "b.html"}), "");
    EXPECT_EQ(app::repeated_output({dir / "a.json", dir / "." / "a.json"}), (dir / "." / "a.json").string());
    EXPECT_EQ(app::repeated_output({"", ""}), "");  // outputs not asked for
}

}  // namespace

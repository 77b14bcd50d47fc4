#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace app {

// Every file one command writes, written as one set. Each file goes first to
// a private folder that mkdtemp makes beside its target (mode 0700, a fresh
// name, so no link can be planted where roicast writes); only when every file
// is complete are they renamed into place (rename replaces a name, it never
// writes through a link). A replaced file keeps its permission bits. On any
// failure, or a cancellation before the renames, the temporaries are removed
// and every existing file is left as it was.
class OutputSet {
public:
    using StreamWriter = std::function<void(std::ostream&)>;
    using FileWriter = std::function<void(const std::filesystem::path&)>;

    OutputSet() = default;
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;

    void add(std::filesystem::path target, StreamWriter write);
    // For a library that opens the file itself (libxlsxwriter).
    void add_file(std::filesystem::path target, FileWriter write);
    // A folder of files written as one set; the folder is created if missing.
    // Files named in `family` that this set does not write (a samples.csv of
    // an earlier run) are removed when the set is renamed into place.
    void add_folder(std::filesystem::path folder, std::vector<std::pair<std::string, StreamWriter>> files,
                    std::vector<std::string> family = {});

    // Writes every file, then renames them all into place. Throws on failure
    // (std::runtime_error with the file and the reason); returns false when
    // `cancel` was set before the renames. Nothing is changed in either case.
    bool commit(const std::atomic<bool>* cancel = nullptr);

private:
    struct Entry {
        std::filesystem::path target;
        FileWriter write;
    };
    std::vector<Entry> entries_;
    std::vector<std::filesystem::path> folders_to_create_;
    std::vector<std::filesystem::path> stale_;  // family members not written this time
};

// The same for a single file.
void write_atomically(const std::filesystem::path& target, const OutputSet::StreamWriter& write);

// Empty when a file can be written at `path`; otherwise why not: an empty
// name, a missing or read-only folder, or an existing target that is not a
// regular file (a folder, a device, a pipe), which roicast never replaces.
std::string check_writable(const std::filesystem::path& path);

// Empty when no two of the paths name the same file; otherwise the path named twice.
std::string repeated_output(const std::vector<std::filesystem::path>& paths);

}  // namespace app

#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

namespace app {

// Writes a file so that readers see either the old file or the complete new
// one: the content goes to a temporary file in the same folder, which is then
// renamed over the target (rename is atomic within a file system). On any
// failure the temporary file is removed and the target is left untouched.
void write_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write);

// The same for writers that need a file name rather than a stream (a
// library that opens the file itself): write() creates the given temporary.
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(const std::filesystem::path&)>& write);

// Empty when a file could be created at path; otherwise why not.
std::string check_writable(const std::filesystem::path& path);

}  // namespace app

#include "app/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace app {

namespace fs = std::filesystem;

namespace {
fs::path folder_of(const fs::path& target) {
    return target.has_parent_path() ? target.parent_path() : fs::path(".");
}
}  // namespace

void write_file_atomically(const fs::path& target, const std::function<void(const fs::path&)>& write) {
    // Appends, not "." + string: GCC 12 flags the latter with a false -Wrestrict (bug 105329).
    std::string name = ".";
    name.append(target.filename().string()).append(".tmp-").append(std::to_string(::getpid()));
    const fs::path temporary = folder_of(target) / name;
    try {
        write(temporary);
        fs::rename(temporary, target);
    } catch (...) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw;
    }
}

void write_atomically(const fs::path& target, const std::function<void(std::ostream&)>& write) {
    write_file_atomically(target, [&](const fs::path& temporary) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot create " + temporary.string() + ": " + std::strerror(errno));
        write(out);
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + temporary.string() + ": " + std::strerror(errno));
    });
}

std::string check_writable(const fs::path& path) {
    const fs::path folder = folder_of(path);
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return "folder " + folder.string() + " does not exist";
    if (fs::is_directory(path, ec)) return path.string() + " is a folder";
    if (::access(folder.c_str(), W_OK) != 0) return "folder " + folder.string() + " is not writable";
    if (fs::exists(path, ec) && ::access(path.c_str(), W_OK) != 0) return path.string() + " is not writable";
    return {};
}

}  // namespace app

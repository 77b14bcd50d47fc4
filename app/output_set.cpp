#include "app/output_set.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <algorithm>
#include <map>
#include <stdexcept>

namespace app {

namespace fs = std::filesystem;

namespace {

fs::path folder_of(const fs::path& target) { return target.has_parent_path() ? target.parent_path() : fs::path("."); }

std::string reason() { return std::strerror(errno); }

// A fresh private folder beside the targets (same file system, so renames are atomic).
fs::path private_folder(const fs::path& folder) {
    std::string pattern = (folder / ".roicast-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot write in " + folder.string() + ": " + reason());
    return pattern;
}

// The mode a new file gets from the umask, or the mode of the file it replaces.
mode_t mode_for(const fs::path& target) {
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return st.st_mode & 07777;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

}  // namespace

void OutputSet::add(fs::path target, StreamWriter write) {
    entries_.push_back({std::move(target), [write = std::move(write)](const fs::path& temporary) {
                            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
                            if (!out) throw std::runtime_error("cannot create " + temporary.string() + ": " + reason());
                            write(out);
                            out.flush();
                            if (!out) throw std::runtime_error("cannot write " + temporary.string() + ": " + reason());
                        }});
}

void OutputSet::add_file(fs::path target, FileWriter write) { entries_.push_back({std::move(target), std::move(write)}); }

void OutputSet::add_folder(fs::path folder, std::vector<std::pair<std::string, StreamWriter>> files,
                           std::vector<std::string> family) {
    folders_to_create_.push_back(folder);
    for (auto& [name, write] : files) add(folder / name, std::move(write));
    for (const auto& name : family) {
        const bool written = std::any_of(files.begin(), files.end(), [&](const auto& f) { return f.first == name; });
        if (!written) stale_.push_back(folder / name);
    }
}

bool OutputSet::commit(const std::atomic<bool>* cancel) {
    std::map<fs::path, fs::path> privates;  // target folder → its private folder
    std::vector<fs::path> created;          // folders this commit made
    std::vector<std::pair<fs::path, fs::path>> ready;  // temporary → target
    const auto clean_up = [&] {
        std::error_code ignored;
        for (const auto& [folder, p] : privates) fs::remove_all(p, ignored);
        for (auto it = created.rbegin(); it != created.rend(); ++it) fs::remove(*it, ignored);  // only if still empty
    };
    try {
        for (const auto& folder : folders_to_create_) {
            std::error_code ec;
            if (fs::is_directory(folder, ec)) continue;
            for (fs::path f = folder; !f.empty() && !fs::exists(f, ec); f = f.parent_path()) created.insert(created.begin(), f);
            fs::create_directories(folder);
        }
        for (const Entry& e : entries_) {
            if (const std::string why = check_writable(e.target); !why.empty()) throw std::runtime_error(why);
            const fs::path folder = folder_of(e.target);
            auto it = privates.find(folder);
            if (it == privates.end()) it = privates.emplace(folder, private_folder(folder)).first;
            const fs::path temporary = it->second / e.target.filename();
            e.write(temporary);
            if (::chmod(temporary.c_str(), mode_for(e.target)) != 0)
                throw std::runtime_error("cannot set the mode of " + temporary.string() + ": " + reason());
            ready.emplace_back(temporary, e.target);
            if (cancel && cancel->load()) break;
        }
    } catch (...) {
        clean_up();
        throw;
    }
    if (cancel && cancel->load()) {
        clean_up();
        return false;
    }
    // Every file is complete: put them in place, then drop stale members of a set.
    for (const auto& [temporary, target] : ready) {
        if (::rename(temporary.c_str(), target.c_str()) != 0) {
            const std::string why = reason();
            clean_up();
            throw std::runtime_error("cannot replace " + target.string() + ": " + why);
        }
    }
    std::error_code ignored;
    for (const auto& stale : stale_) {
        struct stat st {};
        if (::lstat(stale.c_str(), &st) == 0 && S_ISREG(st.st_mode)) fs::remove(stale, ignored);
    }
    for (const auto& [folder, p] : privates) fs::remove_all(p, ignored);
    return true;
}

void write_atomically(const fs::path& target, const OutputSet::StreamWriter& write) {
    OutputSet set;
    set.add(target, write);
    set.commit();
}

std::string check_writable(const fs::path& path) {
    if (path.empty()) return "an empty file name";
    const fs::path folder = folder_of(path);
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return "folder " + folder.string() + " does not exist";
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) return path.string() + " is a folder";
        if (S_ISLNK(st.st_mode)) {
            // A link is replaced by the new file, never written through; say so if it points elsewhere.
        } else if (!S_ISREG(st.st_mode)) {
            return path.string() + " exists and is not a regular file (a device, pipe or socket); roicast only "
                                   "replaces regular files";
        } else if (::access(path.c_str(), W_OK) != 0) {
            return path.string() + " is not writable";
        }
    }
    if (::access(folder.c_str(), W_OK) != 0) return "folder " + folder.string() + " is not writable";
    return {};
}

std::string repeated_output(const std::vector<fs::path>& paths) {
    std::vector<fs::path> seen;
    for (const auto& p : paths) {
        if (p.empty()) continue;
        std::error_code ec;
        const fs::path canonical = fs::weakly_canonical(fs::absolute(p, ec), ec);
        for (const auto& s : seen)
            if (s == canonical) return p.string();
        seen.push_back(canonical);
    }
    return {};
}

}  // namespace app

#include "pipeline/input_files.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <set>

namespace fs = std::filesystem;

namespace mimeo::pipeline {
namespace {

bool is_hidden(const fs::path& p) { return p.filename().string().starts_with('.'); }

using Clock = std::chrono::steady_clock;

// The whole walk of one pattern: the folder entries it reads, bounded in number and time,
// and the tree it must stay in.
struct Walk {
    std::size_t left;
    Clock::time_point deadline;
    std::size_t taken = 0;
    fs::path tree;  // canonical
    std::vector<fs::path> left_out;
    bool spent = false;

    bool take()
    {
        // The clock is read now and then: an entry costs far less than a clock read.
        if (left == 0 || (taken++ % 1024 == 0 && Clock::now() > deadline)) spent = true;
        else --left;
        return !spent;
    }

    // A symlink is followed only when it leads to a place inside the tree.
    bool may_follow(const fs::directory_entry& entry)
    {
        std::error_code ec;
        if (!entry.is_symlink(ec)) return true;
        const fs::path target = fs::weakly_canonical(entry.path(), ec);
        auto t = target.begin();
        for (auto d = tree.begin(); d != tree.end(); ++d, ++t) {
            if (d->empty()) continue;
            if (ec || t == target.end() || *t != *d) {
                left_out.push_back(entry.path());
                return false;
            }
        }
        return true;
    }
};

// The folder a pattern's literal start names: "articles" for "articles/**/*.md".
fs::path literal_start(const fs::path& whole)
{
    fs::path start = whole.root_path();
    for (const fs::path& part : whole.relative_path()) {
        if (is_glob(part.string())) break;
        start /= part;
    }
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(start.empty() ? fs::path(".") : start, ec);
    return ec ? fs::absolute(start, ec) : canonical;
}

// `folder` and every folder below it, hidden ones left out: what `**` stands for. Symlinked
// folders are not descended into, so that ** neither leaves the tree nor loops.
std::vector<fs::path> folder_and_descendants(const fs::path& folder, Walk& walk)
{
    std::vector<fs::path> found = {folder};
    std::error_code ec;
    // A folder it may not read is passed over, not the end of the walk.
    auto it = fs::recursive_directory_iterator(folder.empty() ? "." : folder,
                                               fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator() && walk.take(); it.increment(ec)) {
        if (!it->is_directory(ec)) continue;
        if (it->is_symlink(ec)) {
            walk.may_follow(*it);  // named when it leads out; never descended into
            continue;
        }
        if (is_hidden(it->path())) {
            it.disable_recursion_pending();
            continue;
        }
        found.push_back(folder.empty() ? it->path().lexically_relative(".") : it->path());
    }
    return found;
}

std::vector<fs::path> children_matching(const fs::path& folder, const std::string& component, Walk& walk)
{
    std::vector<fs::path> found;
    std::error_code ec;
    for (auto it = fs::directory_iterator(folder.empty() ? "." : folder, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator() && walk.take(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (fnmatch(component.c_str(), name.c_str(), FNM_PERIOD) == 0 && walk.may_follow(*it))
            found.push_back(folder / name);
    }
    return found;
}

}  // namespace

bool is_glob(const std::string& pattern) { return pattern.find_first_of("*?[") != std::string::npos; }

Matches match_files(const fs::path& folder, const std::string& pattern, std::size_t max_entries,
                    std::chrono::milliseconds max_time)
{
    const fs::path whole = fs::path(pattern).is_absolute() ? fs::path(pattern) : folder / pattern;
    Walk walk{max_entries, Clock::now() + max_time, 0, literal_start(whole), {}};
    std::vector<fs::path> current = {whole.root_path()};
    if (whole.is_relative()) current = {""};
    for (const fs::path& part : whole.relative_path()) {
        const std::string component = part.string();
        std::vector<fs::path> next;
        for (const fs::path& base : current) {
            if (component == "**") {
                auto below = folder_and_descendants(base, walk);
                next.insert(next.end(), below.begin(), below.end());
            } else if (is_glob(component)) {
                auto matched = children_matching(base, component, walk);
                next.insert(next.end(), matched.begin(), matched.end());
            } else {
                next.push_back(base / component);
            }
        }
        current = std::move(next);
        if (walk.spent) return {{}, true, {}};
    }
    std::set<fs::path> files;  // sorted by name; a file reached twice through ** counts once
    for (const fs::path& candidate : current) {
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) files.insert(candidate);
    }
    return {{files.begin(), files.end()}, false, std::move(walk.left_out)};
}

}  // namespace mimeo::pipeline

#include "pipeline/input_files.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <set>

namespace fs = std::filesystem;

namespace mimeo::pipeline {
namespace {

bool is_hidden(const fs::path& p) { return p.filename().string().starts_with('.'); }

// Counts the folder entries a pattern reads, and says when they are too many.
struct Budget {
    std::size_t left;
    bool spent = false;
    bool take()
    {
        if (left == 0) spent = true;
        else --left;
        return !spent;
    }
};

// `folder` and every folder below it, hidden ones left out: what `**` stands for.
std::vector<fs::path> folder_and_descendants(const fs::path& folder, Budget& budget)
{
    std::vector<fs::path> found = {folder};
    std::error_code ec;
    // A folder it may not read is passed over, not the end of the walk.
    auto it = fs::recursive_directory_iterator(folder.empty() ? "." : folder,
                                               fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator() && budget.take(); it.increment(ec)) {
        if (!it->is_directory(ec)) continue;
        if (is_hidden(it->path())) {
            it.disable_recursion_pending();
            continue;
        }
        found.push_back(folder.empty() ? it->path().lexically_relative(".") : it->path());
    }
    return found;
}

std::vector<fs::path> children_matching(const fs::path& folder, const std::string& component, Budget& budget)
{
    std::vector<fs::path> found;
    std::error_code ec;
    for (auto it = fs::directory_iterator(folder.empty() ? "." : folder, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator() && budget.take(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (fnmatch(component.c_str(), name.c_str(), FNM_PERIOD) == 0) found.push_back(folder / name);
    }
    return found;
}

}  // namespace

bool is_glob(const std::string& pattern) { return pattern.find_first_of("*?[") != std::string::npos; }

Matches match_files(const fs::path& folder, const std::string& pattern, std::size_t max_entries)
{
    Budget budget{max_entries};
    const fs::path whole = fs::path(pattern).is_absolute() ? fs::path(pattern) : folder / pattern;
    std::vector<fs::path> current = {whole.root_path()};
    if (whole.is_relative()) current = {""};
    for (const fs::path& part : whole.relative_path()) {
        const std::string component = part.string();
        std::vector<fs::path> next;
        for (const fs::path& base : current) {
            if (component == "**") {
                auto below = folder_and_descendants(base, budget);
                next.insert(next.end(), below.begin(), below.end());
            } else if (is_glob(component)) {
                auto matched = children_matching(base, component, budget);
                next.insert(next.end(), matched.begin(), matched.end());
            } else {
                next.push_back(base / component);
            }
        }
        current = std::move(next);
        if (budget.spent) return {{}, true};
    }
    std::set<fs::path> files;  // sorted by name; a file reached twice through ** counts once
    for (const fs::path& candidate : current) {
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) files.insert(candidate);
    }
    return {{files.begin(), files.end()}, false};
}

}  // namespace mimeo::pipeline

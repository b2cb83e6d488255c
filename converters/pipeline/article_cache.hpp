// The import cache: each article's canonical XML, and the warnings its import gave,
// under a key that changes whenever the import could come out differently: an XXH3-128
// hash of the input's bytes and path, the importer and its options, and mimeo's version.
// Entries are written to a temporary file and renamed, so a reader never sees half of one,
// and carry a hash of their content, so that a changed byte is never used.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/interrupt.hpp"
#include "pipeline/pipeline.hpp"

namespace mimeo::pipeline {

enum class CacheRead {
    hit,
    miss,     // no entry, or one of another layout
    corrupt,  // an entry whose content does not match its hash, or cannot be read back
};

class ArticleCache {
public:
    // No folder: nothing is looked up or stored. `read_only`: look up, never store (dry runs).
    ArticleCache(std::optional<std::filesystem::path> folder, bool read_only);

    bool enabled() const { return folder_.has_value(); }
    const std::optional<std::filesystem::path>& folder() const { return folder_; }

    // Reads the input; throws mimeo::Error when it cannot.
    std::string key(const ArticleSource& source) const;

    // A hit fills `article` and `warnings` (located at `source_file`).
    CacheRead load(const std::string& key, const std::string& source_file, pugi::xml_document& article,
              std::vector<Diagnostic>& warnings) const;
    // Best effort: an entry that cannot be written is only a slower next run.
    void store(const std::string& key, const std::string& source_file, const pugi::xml_document& article,
               const std::vector<Diagnostic>& warnings) const;

private:
    std::filesystem::path entry_path(const std::string& key) const;
    std::optional<std::filesystem::path> folder_;
    bool read_only_;
    // Entries being written, which SIGINT or SIGTERM removes: an entry is created and listed
    // under the lock the interrupt's cleanup takes, so it finds every one.
    mutable std::mutex staging_mutex_;
    mutable std::set<std::filesystem::path> staging_;
    InterruptCleanup on_interrupt_;
};

}  // namespace mimeo::pipeline

// The DOCX file as an OPC package: a zip archive read defensively. Part names
// are checked when the archive is opened, and every read is bounded, so a
// hostile archive fails with a clear error before it can cost much.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mimeo::docx {

struct PackageLimits {
    std::uint64_t max_part_size = 256ull << 20;   // uncompressed bytes of one part
    std::uint64_t max_total_size = 1ull << 30;    // uncompressed bytes of all parts read
    std::uint64_t max_ratio = 200;                // uncompressed / compressed, for parts over 1 MiB
    std::uint64_t max_entries = 10000;
};

class Package {
public:
    // Throws mimeo::Error (docx-not-zip, docx-unsafe-path, docx-too-large) naming `file`.
    Package(const std::string& file, PackageLimits limits);
    ~Package();
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    // Part names are zip entry names, without a leading slash ("word/document.xml").
    bool has(const std::string& part) const;
    // The whole part, within the limits. Throws when absent or over a limit.
    std::string read(const std::string& part);
    const std::string& file() const { return file_; }

private:
    struct Zip;
    std::unique_ptr<Zip> zip_;
    std::string file_;
    PackageLimits limits_;
    std::uint64_t total_read_ = 0;
};

// Resolves an internal relationship target against the folder of the part that
// holds the relationship ("word/"), as OPC says: "/x" is from the package root,
// ".." climbs. Throws docx-unsafe-path when it climbs out of the package.
std::string resolve_part_name(const std::string& source_folder, const std::string& target, const std::string& file);

// The folder of a part name, with its trailing slash ("word/document.xml" -> "word/").
std::string folder_of(const std::string& part);

}  // namespace mimeo::docx

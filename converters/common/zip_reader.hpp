// The one zip reader (DOCX packages today): an archive read defensively with libzip. Entry names
// are checked when it is opened, and every read is bounded, so a hostile archive fails with a
// clear error before it can cost much.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace mimeo {

struct ZipLimits {
    std::uint64_t max_entry_size = 256ull << 20;  // uncompressed bytes of one entry
    std::uint64_t max_total_size = 1ull << 30;    // uncompressed bytes of all entries read
    std::uint64_t max_ratio = 200;                // uncompressed / compressed, for entries over 1 MiB
    std::uint64_t max_entries = 10000;
};

// The codes a reader's errors carry, so that each format names its own (docx-not-zip, ...), and
// what the archive is called in messages ("a DOCX file", "part").
struct ZipCodes {
    const char* not_zip;
    const char* damaged;
    const char* unsafe_path;
    const char* too_large;
    const char* missing;
    const char* archive_kind;  // "not <archive_kind>: it is not a zip archive"
    const char* entry_kind;    // "<entry_kind> 'word/document.xml' unpacks to more than ..."
};

class ZipReader {
public:
    // Throws mimeo::Error naming `file`: "read" when it cannot be read, else the codes'.
    ZipReader(const std::string& file, ZipLimits limits, ZipCodes codes);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    // Entry names as the archive holds them, without a leading slash ("word/document.xml").
    bool has(const std::string& entry) const;
    // The whole entry, within the limits. Throws when absent or over a limit.
    std::string read(const std::string& entry);
    const std::string& file() const { return file_; }

private:
    [[noreturn]] void fail(const char* code, const std::string& message) const;
    struct Zip;
    std::unique_ptr<Zip> zip_;
    std::string file_;
    ZipLimits limits_;
    ZipCodes codes_;
    std::uint64_t total_read_ = 0;
};

}  // namespace mimeo

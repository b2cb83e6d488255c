// The one zip writer (EPUB books, JATS deposits): an archive made in memory with libzip,
// reproducibly: entries in the order given, every one with the same timestamp, no extra fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mimeo {

struct ZipEntry {
    std::string name;
    std::string_view bytes;  // must outlive write_zip
    bool compress = true;    // deflate; false stores it (the EPUB mimetype must be stored)
};

// `timestamp` is "YYYY-MM-DDThh:mm:ssZ", written as the entries' DOS date and time (1980-01-01
// for anything else). Throws mimeo::Error(`code`: epub-zip, jats-zip) when libzip fails.
std::string write_zip(const std::vector<ZipEntry>& entries, std::string_view timestamp, const std::string& code);

}  // namespace mimeo

// The DOCX file as an OPC package: the one zip reader (common/zip_reader) with DOCX's error
// codes, after a look at what a Word file that is no zip archive is instead.
#pragma once

#include <string>

#include "common/zip_reader.hpp"

namespace mimeo::docx {

class Package {
public:
    // Throws mimeo::Error (docx-not-zip, docx-encrypted, docx-old-format, docx-damaged,
    // docx-unsafe-path, docx-too-large) naming `file`.
    Package(const std::string& file, ZipLimits limits);

    // Part names are zip entry names, without a leading slash ("word/document.xml").
    bool has(const std::string& part) const { return zip_.has(part); }
    // The whole part, within the limits. Throws when absent or over a limit.
    std::string read(const std::string& part) { return zip_.read(part); }
    const std::string& file() const { return zip_.file(); }

private:
    ZipReader zip_;
};

// Resolves an internal relationship target against the folder of the part that
// holds the relationship ("word/"), as OPC says: "/x" is from the package root,
// ".." climbs. Throws docx-unsafe-path when it climbs out of the package.
std::string resolve_part_name(const std::string& source_folder, const std::string& target, const std::string& file);

// The folder of a part name, with its trailing slash ("word/document.xml" -> "word/").
std::string folder_of(const std::string& part);

}  // namespace mimeo::docx

// Pictures inside the package are written out as files, since the model's
// <image src> names a file (resolved against article/@base).
//
// Where they go: the importer option `media-dir`, else a per-document folder in
// the user's cache ($XDG_CACHE_HOME/mimeo/docx/<content hash>/media). File names
// come from the part names, reduced to [A-Za-z0-9._-], so no name can climb out.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "docx/zip_package.hpp"

namespace mimeo::docx {

class Media {
public:
    // Images are written to `folder`; `src_prefix` leads from the article's base to it ("media/").
    Media(std::filesystem::path folder, std::string src_prefix)
        : folder_(std::move(folder)), src_prefix_(std::move(src_prefix)) {}

    // The src an image part will have once extracted.
    std::string add(const std::string& part);
    bool empty() const { return files_.empty(); }

    // Writes every image added, all or nothing. Existing identical files are kept.
    void extract(Package& package, Diagnostics& diagnostics) const;

private:
    std::filesystem::path folder_;
    std::string src_prefix_;
    std::map<std::string, std::string> names_;                // part -> file name
    std::vector<std::pair<std::string, std::string>> files_;  // in order added
};

}  // namespace mimeo::docx

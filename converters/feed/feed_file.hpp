// A feed file read back: for merging into it and for `mimeo check`.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <string>

#include "common/diagnostics.hpp"

namespace mimeo::feed {

struct FeedFile {
    std::string file;
    std::string text;
    pugi::xml_document doc;

    // The line and column of a node, for diagnostics.
    Location where(pugi::xml_node node) const;
};

// Reads and parses `path`. Throws mimeo::Error(feed-parse) naming the file, line and
// column of the first well-formedness error.
void load_feed_file(const std::filesystem::path& path, FeedFile& out);

// The root element's local name and namespace, from the first bytes of a file,
// so that the feed checkers claim feeds and nothing else.
struct RootName {
    std::string local_name;
    std::string namespace_uri;
};
RootName sniff_root(const std::filesystem::path& path);

inline constexpr const char* atom_namespace = "http://www.w3.org/2005/Atom";
inline constexpr const char* content_namespace = "http://purl.org/rss/1.0/modules/content/";
inline constexpr const char* dc_namespace = "http://purl.org/dc/elements/1.1/";

}  // namespace mimeo::feed

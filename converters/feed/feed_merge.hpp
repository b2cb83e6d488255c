// Growing a published feed: the items already in the target file are kept, those
// with the same guid (Atom: id) replaced, and the whole sorted newest first and capped.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <optional>
#include <string>

#include "common/options.hpp"
#include "common/dates.hpp"

namespace mimeo::feed {

// What differs between RSS and Atom for merging.
struct ItemSyntax {
    const char* feed_kind;  // "an RSS 2.0 feed", for messages
    const char* item_name;  // "item" or "entry"
    // Where the items live (<channel>, <feed>); null when the document is not this kind of feed.
    pugi::xml_node (*container)(const pugi::xml_document& doc);
    std::string (*key)(pugi::xml_node item);
    std::optional<Seconds> (*date)(pugi::xml_node item);  // the newest the item says it is
    // The dates by name, and how they are written.
    const char* feed_date;  // the container's own: "lastBuildDate", "updated"
    const char* published;  // an item's first appearance: "pubDate", "published"
    const char* updated;    // an item's last change; nullptr where the format has none (RSS)
    std::optional<Seconds> (*parse_date)(std::string_view text);
    std::string (*format_date)(Seconds when);
};

struct MergeOptions {
    bool merge = true;     // read the target's items
    long max_items = 50;   // 0: no limit
};

// The `merge` and `max-items` options; a negative max-items throws mimeo::Error.
MergeOptions merge_options(const FormatOptions& options);

// `feed` holds the new items. With `merge`, the target's other items join them (a target
// that cannot be read throws mimeo::Error, so it is never overwritten), and a new item that
// replaces an old one keeps its first publication date; its `updated` stays the old one when
// nothing else changed, or becomes the correction's time (SOURCE_DATE_EPOCH, else the
// clock), always later than before. Then every item is sorted newest first, the new ones
// first among equals, and the oldest beyond the cap dropped. The feed's own date never goes
// back: it is the newest of its build date, the old feed's date and every item's.
void merge_items(pugi::xml_document& feed, const ItemSyntax& syntax, const std::filesystem::path& target,
                 const MergeOptions& options);

}  // namespace mimeo::feed

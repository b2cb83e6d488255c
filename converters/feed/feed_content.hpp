// What a feed says, before RSS or Atom syntax: the channel from the publication and
// one entry per article. Both exporters read it; neither reads the model itself.
#pragma once

#include <string>
#include <vector>

#include "common/dates.hpp"
#include "format/format.hpp"

namespace mimeo::feed {

struct Person {
    std::string name;
    std::string email;
    std::string uri;  // a page about the person: their ORCID iD
};

struct Channel {
    std::string title;
    std::string link;         // the publication's URL
    std::string description;  // the tagline
    std::string language;
    std::string rights;
    std::string image;        // an absolute URL, or empty
    std::string self_url;     // the feed's own URL (`feed-url`), or empty
    std::string publisher;
    Person editor;
    Seconds updated = 0;
};

struct Entry {
    std::string title;  // plain text
    std::string link;   // absolute
    std::string id;     // the guid: the link unless the `guid` template says otherwise
    bool id_is_link = true;
    Seconds date = 0;
    Seconds updated = 0;  // the last revision (history's "updated"), else the date
    std::vector<Person> authors;
    std::vector<Person> translators;
    std::vector<std::string> tags;
    std::string summary;  // plain text: the summary, or else the first paragraph
    std::string content;  // the article's XHTML with absolute links, or empty when `content: false`
    std::string language;
    std::string rights;
};

struct FeedContent {
    Channel channel;
    std::vector<Entry> entries;  // in the order
};

// Throws mimeo::Error when the issue lacks what every feed needs (a title and a URL).
// With `max_items` above 0, only the newest that many articles become entries.
FeedContent read_feed_content(const ExportRequest& request, long max_items);

// The options both exporters share, for their Exporter entries.
std::vector<OptionSpec> feed_options();

}  // namespace mimeo::feed

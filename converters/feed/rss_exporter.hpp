// `rss`: the articles as RSS 2.0 items, merged into the feed already at the target.
#pragma once

#include "feed/feed_merge.hpp"
#include "format/format.hpp"

namespace mimeo::feed {

Exporter rss_exporter();

// Where RSS keeps its items, their guids and dates: for merging and checking.
const ItemSyntax& rss_syntax();

}  // namespace mimeo::feed

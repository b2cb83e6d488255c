// How a feed file is made, for RSS and Atom alike: the articles read as feed content, a
// document begun with its XML declaration, the format's own elements, the items of the
// feed already published merged in, and the file written through the run's OutputSet.
#pragma once

#include <pugixml.hpp>

#include <functional>

#include "feed/feed_content.hpp"
#include "feed/feed_merge.hpp"
#include "format/format.hpp"

namespace mimeo::feed {

// `fill` writes the root element and its items into the document.
void write_feed(const ExportRequest& request, const ItemSyntax& syntax,
                const std::function<void(pugi::xml_document& doc, const FeedContent& content)>& fill);

}  // namespace mimeo::feed

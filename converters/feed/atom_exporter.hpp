// `atom`: the articles as Atom 1.0 (RFC 4287) entries, merged into the feed already at the target.
#pragma once

#include "feed/feed_merge.hpp"
#include "format/format.hpp"

namespace mimeo::feed {

Exporter atom_exporter();

// Where Atom keeps its entries, their ids and dates: for merging and checking.
const ItemSyntax& atom_syntax();

}  // namespace mimeo::feed

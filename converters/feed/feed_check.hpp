// `mimeo check` for feeds: the elements RSS 2.0 and Atom 1.0 require, URLs, unique
// guids and ids, and dates (RFC 822 with four-digit years for RSS, RFC 3339 for Atom).
#pragma once

#include "format/format.hpp"

namespace mimeo::feed {

// Each claims files whose root element is its own (<rss>, Atom's <feed>), so neither
// collides with the canonical-XML or JATS checks that also read .xml files.
Checker rss_checker();
Checker atom_checker();

}  // namespace mimeo::feed

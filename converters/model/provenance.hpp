// Human-readable metadata shared by every output: dates, language names,
// bylines and the provenance note of a translation or reprint.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::model {

// "2025-02-21" -> "February 21, 2025"; "2025-02" -> "February 2025"; anything else unchanged.
std::string human_date(std::string_view iso_date);

// "fr" -> "French" (ICU's English display name); the tag itself when ICU has no name.
std::string language_name(std::string_view tag);

// The issue's volume, number and date, as much as it has: "Volume 9, Issue 418 · April 14, 2025".
std::string issue_line(pugi::xml_node issue);

// "A", "A and B", "A, B and C".
std::string join_names(const std::vector<std::string>& names);

// The authors' line: "By A and B"; without "By" when every author is an organisation
// ("Research Desk"); empty with no authors.
std::string byline(pugi::xml_node article);

// The note saying where a translation or reprint first appeared, in pieces so that
// a renderer can set the publication's name in italics and link the source.
struct ProvenanceNote {
    std::string lead;         // "Translated from the February 21, 2025, issue #2951 of "
    std::string publication;  // "Lutte Ouvrière"
    std::string tail;         // " (French)."
    std::string url;          // the original's URL, or empty
    std::string text() const { return lead + publication + tail; }
};

std::optional<ProvenanceNote> provenance_note(pugi::xml_node article);

}  // namespace mimeo::model

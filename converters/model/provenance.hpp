// Human-readable metadata shared by every output: language names, the issue line, bylines and
// the provenance note of a translation or reprint (in English: its sentence is not in the
// wording catalog yet).
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::model {

// "fr" -> "French" (ICU's English display name); the tag itself when ICU has no name.
std::string language_name(std::string_view tag);

// The issue's volume, number and date, as much as it has, in the publication's language:
// "Volume 9, Issue 418 · April 14, 2025", "Volume 9, Numéro 418 · 14 avril 2025".
std::string issue_line(pugi::xml_node issue);

// The authors' line in the article's language: "By A and B", "Par A et B"; without "By" when
// every author is an organisation ("Research Desk"); empty with no authors.
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

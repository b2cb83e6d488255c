// Embedded fonts cut down to the characters the book uses (HarfBuzz's hb-subset), so that a
// CJK or display face does not weigh megabytes for a few hundred glyphs.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace mimeo::epub {

// The characters of `text` (UTF-8), added to `into`.
void add_characters(std::string_view text, std::set<char32_t>& into);

// `font` (TrueType or OpenType) holding only the glyphs for `characters` (and what they need:
// ligatures, composites); empty when HarfBuzz cannot read or cut it.
std::string subset_font(const std::string& font, const std::set<char32_t>& characters);

}  // namespace mimeo::epub

// A cover image for an issue that brings none: the masthead, tagline, issue line and cover
// lines set with Pango on a Cairo surface, written as a PNG. Drawn from text alone, so the same
// issue gives the same bytes on the same fonts.
#pragma once

#include <string>
#include <vector>

namespace mimeo::epub {

struct CoverArt {
    std::string publication;         // the masthead, large
    std::string tagline;
    std::string issue_line;          // "Volume 9, Issue 418 · April 14, 2025"
    std::vector<std::string> lines;  // the cover lines: the lead articles' titles
    std::string logo_png;            // a PNG's bytes, or empty
    std::string color = "#1d3557";   // the background, #rrggbb or #rgb; the type is white or black, whichever reads
    std::string language;            // for Pango's choice of fonts and line breaks
};

inline constexpr int cover_width = 1600;
inline constexpr int cover_height = 2560;

// The cover as PNG bytes, cover_width × cover_height. Throws std::runtime_error when libpng fails.
std::string draw_cover(const CoverArt& art);

}  // namespace mimeo::epub

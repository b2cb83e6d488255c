// What a font file says it is, for its @font-face rule: its family, style and weight, read from
// an OpenType or TrueType font's own tables ('name' and 'OS/2'), so that Regular, Italic and
// Bold files make one family with real faces rather than three with faked ones.
#pragma once

#include <string>
#include <string_view>

namespace mimeo::epub {

struct FontFace {
    std::string family;           // empty when the font does not say (a WOFF, a font with no 'name')
    std::string style = "normal";  // or "italic"
    int weight = 400;
};

// The face `bytes` describe; for a compressed font (WOFF, WOFF2), what `file_name` says
// ("Serif-BoldItalic.woff2": italic, 700).
FontFace read_font_face(std::string_view bytes, std::string_view file_name);

}  // namespace mimeo::epub

// Media types of the files an EPUB or a pandoc writer embeds, told by their first bytes rather than
// their names: a .png that is really a JPEG must be declared as a JPEG.
#pragma once

#include <string>
#include <string_view>

namespace mimeo {

struct Sniffed {
    std::string media_type;  // empty when the bytes are none of the kinds below
    std::string extension;   // with the dot, as the packaged file is named
};

// PNG, JPEG, GIF, WebP or SVG.
Sniffed sniff_image(std::string_view bytes);
// TrueType, OpenType, WOFF or WOFF2.
Sniffed sniff_font(std::string_view bytes);

// Formats whose bytes are compressed already (PNG, JPEG, GIF, WebP, WOFF, WOFF2): a zip stores
// them, since deflating them again costs time and saves nothing.
bool is_compressed_media(std::string_view media_type);

}  // namespace mimeo

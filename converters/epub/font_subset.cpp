#include "epub/font_subset.hpp"

#include <hb-subset.h>
#include <hb.h>
#include <unicode/utf8.h>

namespace mimeo::epub {

void add_characters(std::string_view text, std::set<char32_t>& into)
{
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    for (int32_t at = 0; at < length;) {
        UChar32 c;
        U8_NEXT(bytes, at, length, c);
        if (c >= 0) into.insert(static_cast<char32_t>(c));
    }
}

std::string subset_font(const std::string& font, const std::set<char32_t>& characters)
{
    hb_blob_t* blob = hb_blob_create(font.data(), static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    std::string out;
    if (hb_face_get_glyph_count(face) > 0) {
        hb_subset_input_t* input = hb_subset_input_create_or_fail();
        if (input) {
            hb_set_t* unicodes = hb_subset_input_unicode_set(input);
            for (char32_t c : characters) hb_set_add(unicodes, c);
            if (hb_face_t* cut = hb_subset_or_fail(face, input)) {
                hb_blob_t* result = hb_face_reference_blob(cut);
                unsigned length = 0;
                const char* data = hb_blob_get_data(result, &length);
                if (data && length) out.assign(data, length);
                hb_blob_destroy(result);
                hb_face_destroy(cut);
            }
            hb_subset_input_destroy(input);
        }
    }
    hb_face_destroy(face);
    return out;
}

}  // namespace mimeo::epub

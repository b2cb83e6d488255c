#include "text/width.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace mimeo::text {

int code_point_width(UChar32 c)
{
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
    if (c < 0x7F) return 1;  // the common case, without a property lookup
    switch (u_charType(c)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR: return 0;
    default: break;
    }
    // Hangul vowel and final jamo join the preceding syllable's cell.
    const int jamo = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
    if (jamo == U_HST_VOWEL_JAMO || jamo == U_HST_TRAILING_JAMO) return 0;
    const int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

int display_width(std::string_view utf8)
{
    int width = 0;
    const int32_t length = static_cast<int32_t>(utf8.size());
    int32_t i = 0;
    while (i < length) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte < 0x80) {
            width += code_point_width(byte);
            ++i;
            continue;
        }
        UChar32 c;
        U8_NEXT(utf8.data(), i, length, c);
        width += c < 0 ? 1 : code_point_width(c);
    }
    return width;
}

}  // namespace mimeo::text

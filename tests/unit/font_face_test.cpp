#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "epub/font_face.hpp"

using mimeo::epub::read_font_face;

TEST(FontFace, ACompressedFontIsReadByItsName)
{
    const auto face = read_font_face("wOF2 and the rest", "Serif-BoldItalic.woff2");
    EXPECT_EQ(face.family, "");
    EXPECT_EQ(face.style, "italic");
    EXPECT_EQ(face.weight, 700);
    EXPECT_EQ(read_font_face("wOFF", "Serif.woff").weight, 400);
    EXPECT_EQ(read_font_face("wOFF", "Serif.woff").style, "normal");
}

TEST(FontFace, ATrueTypeFontByItsOwnTables)
{
    std::ifstream in("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", std::ios::binary);
    if (!in) GTEST_SKIP() << "fonts-dejavu-core is absent";
    std::stringstream bytes;
    bytes << in.rdbuf();
    // Named so that the file name would mislead: the tables win.
    const auto face = read_font_face(bytes.str(), "misnamed-Italic.ttf");
    EXPECT_EQ(face.family, "DejaVu Serif");
    EXPECT_EQ(face.style, "normal");
    EXPECT_EQ(face.weight, 700);
    // A truncated font is no crash: what its name says.
    EXPECT_EQ(read_font_face(bytes.str().substr(0, 40), "x-Bold.ttf").weight, 700);
}

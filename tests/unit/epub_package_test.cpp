// The EPUB's mechanics: media-type sniffing, the identifier and time, the zip.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdlib>

#include "common/media_type.hpp"
#include "epub/identity.hpp"
#include "common/zip_writer.hpp"
#include "model/model.hpp"

using namespace mimeo;
using namespace mimeo::epub;
using namespace std::string_view_literals;

TEST(EpubMediaType, ImagesByTheirBytesNotTheirNames)
{
    EXPECT_EQ(sniff_image("\x89PNG\r\n\x1a\n...."sv).media_type, "image/png");
    EXPECT_EQ(sniff_image("\xFF\xD8\xFF\xE0...."sv).media_type, "image/jpeg");
    EXPECT_EQ(sniff_image("GIF89a...."sv).media_type, "image/gif");
    EXPECT_EQ(sniff_image("RIFF\x10\0\0\0WEBPVP8 "sv).media_type, "image/webp");
    EXPECT_EQ(sniff_image("<?xml version=\"1.0\"?>\n<!-- c -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>").media_type,
              "image/svg+xml");
    EXPECT_EQ(sniff_image("<html><svg/></html>").media_type, "");
    EXPECT_EQ(sniff_image("root:x:0:0:root:/root:/bin/bash").media_type, "");
    EXPECT_EQ(sniff_image("").media_type, "");
}

TEST(EpubMediaType, Fonts)
{
    EXPECT_EQ(sniff_font("\x00\x01\x00\x00\x00\x10"sv).media_type, "font/ttf");
    EXPECT_EQ(sniff_font("OTTO\x00\x10"sv).media_type, "font/otf");
    EXPECT_EQ(sniff_font("wOFF").media_type, "font/woff");
    EXPECT_EQ(sniff_font("wOF2").media_type, "font/woff2");
    EXPECT_EQ(sniff_font("\x89PNG"sv).media_type, "");
}

TEST(EpubIdentity, UuidIsStableAndWellFormed)
{
    const std::string a = uuid_from("https://example.org/\n418");
    EXPECT_EQ(a, uuid_from("https://example.org/\n418"));
    EXPECT_NE(a, uuid_from("https://example.org/\n419"));
    ASSERT_EQ(a.size(), 9u + 36u);
    EXPECT_EQ(a.substr(0, 9), "urn:uuid:");
    EXPECT_EQ(a[9 + 14], '8');  // version 8
    EXPECT_NE(std::string("89ab").find(a[9 + 19]), std::string::npos);  // RFC variant
}

TEST(EpubIdentity, ModifiedTimeFromSourceDateEpochOrIssueDate)
{
    pugi::xml_document doc;
    pugi::xml_node issue = mimeo::model::new_issue(doc);
    mimeo::model::issue_field(issue, "date").text() = "2025-04-14";
    Book book;
    book.issue = issue;
    unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_EQ(modified_time(book), "2025-04-14T00:00:00Z");
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    EXPECT_EQ(modified_time(book), "2023-11-14T22:13:20Z");
    setenv("SOURCE_DATE_EPOCH", "not a number", 1);
    EXPECT_EQ(modified_time(book), "2025-04-14T00:00:00Z");
    unsetenv("SOURCE_DATE_EPOCH");
    issue.remove_child("date");
    EXPECT_EQ(modified_time(book), "1980-01-01T00:00:00Z");
}

TEST(EpubZip, OrderStorageAndTimesAreFixed)
{
    const std::string big(10000, 'a');
    std::vector<ZipEntry> entries = {{"mimetype", "application/epub+zip", false},
                                     {"META-INF/container.xml", "<container/>", true},
                                     {"EPUB/big.txt", big, true}};
    const std::string bytes = write_zip(entries, "2025-04-14T10:20:30Z", "epub-zip");
    EXPECT_EQ(bytes, write_zip(entries, "2025-04-14T10:20:30Z", "epub-zip"));
    // The OCF rule readers rely on: "mimetype" at offset 30, stored, right after its local header.
    EXPECT_EQ(bytes.substr(30, 8), "mimetype");
    EXPECT_EQ(bytes.substr(38, 20), "application/epub+zip");

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    ASSERT_NE(archive, nullptr);
    ASSERT_EQ(zip_get_num_entries(archive, 0), 3);
    const char* names[] = {"mimetype", "META-INF/container.xml", "EPUB/big.txt"};
    for (zip_uint64_t i = 0; i < 3; ++i) {
        zip_stat_t stat;
        ASSERT_EQ(zip_stat_index(archive, i, 0, &stat), 0);
        EXPECT_STREQ(stat.name, names[i]);
        EXPECT_EQ(stat.comp_method, i == 0 ? ZIP_CM_STORE : ZIP_CM_DEFLATE);
        EXPECT_EQ(zip_file_extra_fields_count(archive, i, ZIP_FL_LOCAL | ZIP_FL_CENTRAL), 0);
    }
    zip_stat_t stat;
    zip_stat_index(archive, 2, 0, &stat);
    EXPECT_LT(stat.comp_size, 200u);
    zip_close(archive);
}

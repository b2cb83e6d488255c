// What makes two builds of the same EPUB identical: an identifier derived from
// what the book is, never random, and one fixed time for the metadata and the zip.
#pragma once

#include <string>
#include <string_view>

#include "epub/book.hpp"

namespace mimeo::epub {

// "urn:uuid:..." from the publication URL and issue number (and the article's slug in a
// one-article book), or, when either is missing, from the bytes of the book's files.
std::string book_identifier(const Book& book);

// A UUID (RFC 9562 version 8, "custom") made from a 128-bit hash of `key`.
std::string uuid_from(std::string_view key);

// "YYYY-MM-DDThh:mm:ssZ": SOURCE_DATE_EPOCH when set, else the date, else the
// newest article date, else 1980-01-01 (the earliest time a zip can hold).
std::string modified_time(const Book& book);

}  // namespace mimeo::epub

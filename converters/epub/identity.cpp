#include "epub/identity.hpp"

#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "common/dates.hpp"
#include "model/model.hpp"

namespace mimeo::epub {
namespace {

bool iso_day(std::string_view date)
{
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (date[i] < '0' || date[i] > '9') return false;
    return true;
}

std::string from_epoch(const char* text)
{
    char* end = nullptr;
    errno = 0;
    long long seconds = std::strtoll(text, &end, 10);
    if (errno || end == text || *end || seconds < 315532800) return {};  // 1980-01-01: zip's epoch
    std::time_t time = static_cast<std::time_t>(seconds);
    std::tm utc{};
    if (!gmtime_r(&time, &utc) || utc.tm_year + 1900 > 2107) return {};  // zip's last year
    char out[64];
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                  utc.tm_hour, utc.tm_min, utc.tm_sec);
    return out;
}

}  // namespace

namespace {

std::string uuid_of_hash(XXH128_hash_t hash)
{
    unsigned char bytes[16];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<unsigned char>(hash.high64 >> (56 - 8 * i));
        bytes[8 + i] = static_cast<unsigned char>(hash.low64 >> (56 - 8 * i));
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x80);  // version 8
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC variant
    std::string out = "urn:uuid:";
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[bytes[i] >> 4];
        out += hex[bytes[i] & 0xF];
    }
    return out;
}

}  // namespace

std::string uuid_from(std::string_view key) { return uuid_of_hash(XXH3_128bits(key.data(), key.size())); }

std::string book_identifier(const Book& book)
{
    const std::string url = model::publication(book.issue).child("url").text().get();
    const std::string number = book.issue.child("number").text().get();
    if (!url.empty() && !number.empty()) {
        std::string key = "mimeo-epub\n" + url + "\n" + number;
        if (!book.whole_issue && !book.articles.empty()) key += "\n" + model::slug(book.articles.front());
        return uuid_from(key);
    }
    XXH3_state_t* state = XXH3_createState();
    XXH3_128bits_reset(state);
    for (const Item& item : book.items) {
        const std::string head = item.href + '\n' + std::to_string(item.bytes.size()) + '\n';
        XXH3_128bits_update(state, head.data(), head.size());
        XXH3_128bits_update(state, item.bytes.data(), item.bytes.size());
    }
    XXH128_hash_t hash = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    return uuid_of_hash(hash);
}

std::string modified_time(const Book& book)
{
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        if (std::string time = from_epoch(epoch); !time.empty()) return time;
    }
    std::string day = book.issue.child("date").text().get();
    if (!book.whole_issue || !iso_day(day)) {
        // A one-article book is as new as its article; the issue's date is the fallback.
        std::string newest;
        for (pugi::xml_node article : book.articles) {
            std::string date = model::meta_text(article, "date");
            if (iso_day(date) && date > newest) newest = date;
        }
        if (!newest.empty()) day = newest;
    }
    if (!iso_day(day) || day < "1980-01-01" || day > "2107-12-31") day = "1980-01-01";
    std::string modified = day + "T00:00:00Z";
    // A correction after the issue (an article's history date "updated") makes the book newer.
    for (pugi::xml_node article : book.articles) {
        const pugi::xml_node revised = model::revision(article);
        const auto when = model_instant(revised.text().get(), revised.attribute("time").value());
        if (when && when->when > 0 && rfc3339(when->when) > modified) modified = rfc3339(when->when);
    }
    return modified;
}

}  // namespace mimeo::epub

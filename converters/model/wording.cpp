#include "model/wording.hpp"

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <memory>

#include "common/dates.hpp"

namespace mimeo::model {
namespace {

using Catalog = std::map<std::string, std::string, std::less<>>;

const std::map<std::string, Catalog, std::less<>>& catalogs()
{
    static const auto parsed = [] {
        std::map<std::string, Catalog, std::less<>> all;
        for (const auto& [language, text] : wording_catalogs()) {
            Catalog& words = all[std::string(language)];
            for (const auto& entry : YAML::Load(std::string(text))) words[entry.first.Scalar()] = entry.second.Scalar();
        }
        return all;
    }();
    return parsed;
}

// "pt-BR" -> "pt".
std::string primary(std::string_view language)
{
    std::string tag(language.substr(0, language.find_first_of("-_")));
    for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return tag;
}

icu::Locale locale_of(std::string_view language)
{
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(std::string(language.empty() ? "en" : language).c_str(), status);
    return U_FAILURE(status) ? icu::Locale::getEnglish() : locale;
}

std::string utf8(const icu::UnicodeString& text)
{
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace

std::string say(std::string_view language, std::string_view key, std::string_view value)
{
    const auto& all = catalogs();
    std::string words(key);
    for (const std::string& tag : {primary(language), std::string("en")}) {
        auto catalog = all.find(tag);
        if (catalog == all.end()) continue;
        if (auto found = catalog->second.find(key); found != catalog->second.end()) {
            words = found->second;
            break;
        }
    }
    if (const std::size_t slot = words.find("{}"); slot != std::string::npos) words.replace(slot, 2, value);
    return words;
}

std::string local_date(std::string_view iso_date, std::string_view language)
{
    const bool whole = iso_date.size() == 10;
    if (!(whole || iso_date.size() == 7)) return std::string(iso_date);
    const auto seconds = iso_date_seconds(iso_date);
    if (!seconds) return std::string(iso_date);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = locale_of(language);
    std::unique_ptr<icu::DateFormat> format;
    if (whole) {
        format.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
    } else {  // a month: "April 2025", "avril 2025", "2025年4月"
        std::unique_ptr<icu::DateTimePatternGenerator> patterns(
            icu::DateTimePatternGenerator::createInstance(locale, status));
        if (U_SUCCESS(status))
            format = std::make_unique<icu::SimpleDateFormat>(patterns->getBestPattern("yMMMM", status), locale, status);
    }
    if (!format || U_FAILURE(status)) return std::string(iso_date);
    format->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    icu::UnicodeString out;
    format->format(static_cast<UDate>(*seconds) * 1000.0, out);
    return utf8(out);
}

std::string local_list(const std::vector<std::string>& names, std::string_view language)
{
    if (names.empty()) return "";
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::ListFormatter> format(icu::ListFormatter::createInstance(locale_of(language), status));
    if (U_FAILURE(status)) {
        std::string out;
        for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
        return out;
    }
    std::vector<icu::UnicodeString> items;
    for (const std::string& name : names) items.push_back(icu::UnicodeString::fromUTF8(name));
    icu::UnicodeString out;
    format->format(items.data(), static_cast<int32_t>(items.size()), out, status);
    return utf8(out);
}

}  // namespace mimeo::model

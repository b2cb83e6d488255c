#include "model/provenance.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "model/model.hpp"
#include "model/wording.hpp"

namespace mimeo::model {

std::string language_name(std::string_view tag)
{
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(std::string(tag).c_str(), status);
    if (U_FAILURE(status)) return std::string(tag);
    icu::UnicodeString name;
    locale.getDisplayLanguage(icu::Locale::getEnglish(), name);
    std::string result;
    name.toUTF8String(result);
    if (result.empty() || result == locale.getLanguage()) return std::string(tag);
    return result;
}

std::string issue_line(pugi::xml_node issue)
{
    const std::string lang = issue.child("publication").child_value("language");
    std::string line;
    if (pugi::xml_node volume = issue.child("volume")) line += say(lang, "volume", volume.text().get());
    if (pugi::xml_node number = issue.child("number"))
        line += (line.empty() ? "" : ", ") + say(lang, "issue", number.text().get());
    if (pugi::xml_node date = issue.child("date"))
        line += (line.empty() ? "" : " \u00B7 ") + local_date(date.text().get(), lang);
    return line;
}

std::string byline(pugi::xml_node article)
{
    const auto authors = contributors(article, "author");
    if (authors.empty()) return "";
    bool people = false;
    for (pugi::xml_node c : meta(article).children("contributor"))
        if (std::string_view(c.attribute("role").value()) == "author" && !c.attribute("collective").as_bool()) people = true;
    const std::string lang = language(article, "");
    const std::string names = local_list(authors, lang);
    return people ? say(lang, "by", names) : names;
}

std::optional<ProvenanceNote> provenance_note(pugi::xml_node article)
{
    pugi::xml_node source = meta(article).child("source");
    if (!source) return std::nullopt;
    const std::string title = text_of(source.child("title"));
    const std::string publication = source.child("publication").text().get();
    const std::string issue = source.child("issue").text().get();
    const std::string date = source.child("date").text().get();
    const std::string source_language = source.child("language").text().get();
    const bool translated = !source_language.empty() && source_language != language(article, "");

    ProvenanceNote note;
    note.url = source.child("url").text().get();
    note.lead = translated ? "Translated from " : "Reprinted from ";
    if (!title.empty()) note.lead += publication.empty() ? "\u201C" + title + "\u201D" : "\u201C" + title + ",\u201D in ";
    if (!publication.empty()) {
        if (!date.empty() && !issue.empty()) note.lead += "the " + local_date(date, "en") + ", issue #" + issue + " of ";
        else if (!date.empty()) note.lead += "the " + local_date(date, "en") + " issue of ";
        else if (!issue.empty()) note.lead += "issue #" + issue + " of ";
        note.publication = publication;
    } else if (title.empty()) {
        note.lead += note.url.empty() ? "another publication" : note.url;
    }
    if (translated) note.tail = " (" + language_name(source_language) + ")";
    note.tail += ".";
    return note;
}

}  // namespace mimeo::model

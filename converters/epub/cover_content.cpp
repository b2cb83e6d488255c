#include "epub/cover_content.hpp"

#include "common/files.hpp"
#include "common/media_type.hpp"
#include "model/model.hpp"
#include "model/provenance.hpp"

namespace mimeo::epub {
namespace {

constexpr std::size_t lead_articles = 3;

std::string logo_png(const std::string& logo, Diagnostics& diagnostics)
{
    if (logo.empty()) return "";
    std::string bytes;
    try {
        bytes = read_file(logo);
    } catch (const Error& e) {
        diagnostics.warn({logo, 0, 0}, "epub-logo", "the logo cannot be read (" + e.diagnostic().message +
                                                        "): left off the drawn cover");
        return "";
    }
    if (sniff_image(bytes).media_type != "image/png") {
        diagnostics.warn({logo, 0, 0}, "epub-logo", "the logo is not a PNG, the one kind the drawn cover takes: left off it");
        return "";
    }
    return bytes;
}

}  // namespace

CoverArt cover_art(const Book& book, const Settings& settings, Diagnostics& diagnostics)
{
    CoverArt art;
    art.language = book.language;
    if (!settings.cover_color.empty()) art.color = settings.cover_color;
    pugi::xml_node publication = model::publication(book.issue);
    if (publication) {
        art.publication = model::text_of(publication.child("title"));
        art.tagline = model::text_of(publication.child("tagline"));
        art.issue_line = model::issue_line(book.issue);
        art.logo_png = logo_png(publication.child("logo").text().get(), diagnostics);
    }
    if (!settings.cover_lines.empty()) {
        art.lines = settings.cover_lines;
    } else {
        for (std::size_t i = 0; i < book.articles.size() && i < lead_articles; ++i)
            art.lines.push_back(model::title(book.articles[i]));
    }
    // With no publication, the first article stands at the top.
    if (art.publication.empty() && !art.lines.empty()) {
        art.publication = art.lines.front();
        art.lines.erase(art.lines.begin());
    }
    return art;
}

}  // namespace mimeo::epub

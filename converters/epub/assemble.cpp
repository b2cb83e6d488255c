#include "epub/assemble.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/media_type.hpp"
#include "common/url.hpp"
#include "common/zip_writer.hpp"
#include "epub/cover_art.hpp"
#include "epub/cover_content.hpp"
#include "epub/font_obfuscation.hpp"
#include "epub/font_subset.hpp"
#include "epub/identity.hpp"
#include "epub/images.hpp"
#include "epub/navigation.hpp"
#include "epub/package_document.hpp"
#include "epub/pages.hpp"
#include "epub/stylesheet.hpp"
#include "html/raw_html.hpp"
#include "html/safe_html.hpp"
#include "html/renderer.hpp"
#include "model/model.hpp"
#include "model/wording.hpp"

namespace mimeo::epub {
namespace {

constexpr const char* container_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" version=\"1.0\">\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\" />\n"
    "  </rootfiles>\n"
    "</container>\n";

std::string book_language(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, bool whole_issue)
{
    std::string lang = whole_issue ? model::publication(issue).child("language").text().get() : "";
    if (lang.empty() && !articles.empty()) lang = model::language(articles.front(), "");
    return lang.empty() ? "en" : lang;
}

// Content files are named by slug when the slug is plain ASCII, and by position otherwise.
std::string page_name(pugi::xml_node article, std::size_t position, std::map<std::string, int>& used)
{
    std::string name = model::slug(article);
    bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!plain || name == "cover" || name == "masthead") name = "article-" + std::to_string(position);
    if (int seen = ++used[name]; seen > 1) name += "-" + std::to_string(seen);
    return "text/" + name + ".xhtml";
}

// Raw HTML kept as it is may hold scripts or event handlers, which the manifest must declare.
bool scripted(const std::string& page)
{
    if (page.find("<script") != std::string::npos) return true;
    for (std::size_t at = page.find(" on"); at != std::string::npos; at = page.find(" on", at + 1)) {
        std::size_t end = at + 3;
        while (end < page.size() && page[end] >= 'a' && page[end] <= 'z') ++end;
        if (end > at + 3 && page.compare(end, 2, "=\"") == 0) return true;
    }
    return false;
}

class Assembler {
public:
    Assembler(const Settings& settings, Diagnostics& diagnostics)
        : settings_(settings), diagnostics_(diagnostics), images_(book_, settings, diagnostics) {}

    std::string build(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, bool whole_issue)
    {
        // The articles are copied: images that are left out are taken out of the copies.
        pugi::xml_node copies = work_.append_child("articles");
        book_.issue = issue;
        book_.whole_issue = whole_issue;
        for (pugi::xml_node article : articles) book_.articles.push_back(copies.append_copy(article));
        if (book_.articles.empty()) throw Error({}, "epub-empty", "an EPUB needs at least one article");
        book_.language = book_language(issue, book_.articles, whole_issue);
        book_.modified = modified_time(book_);
        const std::string title = book_title(book_);

        add_stylesheet(book_, settings_);
        add_cover(title);
        if (whole_issue && model::publication(issue)) add_page("masthead", "text/masthead.xhtml", masthead_page(book_, title, options(book_.articles.front())));
        book_.spine.push_back("nav");
        std::map<std::string, int> names_used;
        for (std::size_t i = 0; i < book_.articles.size(); ++i) {
            pugi::xml_node article = book_.articles[i];
            images_.pack_article(article);
            const std::string href = page_name(article, i + 1, names_used);
            add_page("article-" + std::to_string(i + 1), href, article_page(book_, article, options(article)));
            Item& page = book_.items.back();
            // The manifest declares what a page holds that a reading system must be ready for.
            std::string properties;
            if (settings_.raw_html == html::RawHtml::keep && scripted(page.bytes)) properties = "scripted";
            if (page.bytes.find("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"") != std::string::npos)
                properties += (properties.empty() ? "" : " ") + std::string("mathml");
            page.properties = properties;
            book_.toc.push_back(article_entry(article, href, settings_.toc_depth));
            if (book_.bodymatter_href.empty()) book_.bodymatter_href = href;
        }

        if (settings_.font_subset) subset_fonts(nav_document(book_, title));
        // The identifier may hash the content, so it comes after every content file.
        book_.identifier = book_identifier(book_);
        book_.items.push_back({"nav", nav_href, "application/xhtml+xml", "nav", nav_document(book_, title)});
        book_.items.push_back({"ncx", ncx_href, "application/x-dtbncx+xml", "", ncx_document(book_, title)});
        const std::string package = package_document(book_, title);

        std::vector<ZipEntry> entries = {{"mimetype", "application/epub+zip", false},
                                         {"META-INF/container.xml", container_xml, true},
                                         {package_path, package, true}};
        std::vector<std::string> obfuscated;
        for (Item& item : book_.items) {
            if (settings_.font_obfuscation && is_font(item)) {
                obfuscate_font(item.bytes, book_.identifier);
                obfuscated.push_back("EPUB/" + item.href);
            }
            entries.push_back({"EPUB/" + item.href, item.bytes, !is_compressed_media(item.media_type)});
        }
        const std::string encryption = obfuscated.empty() ? "" : encryption_xml(obfuscated);  // outlives write_zip
        if (!obfuscated.empty()) entries.insert(entries.begin() + 2, {"META-INF/encryption.xml", encryption, true});
        return write_zip(entries, book_.modified, "epub-zip");
    }

private:
    static bool is_font(const Item& item) { return item.href.rfind("fonts/", 0) == 0; }

    // Each font cut to the characters of the pages and of the contents (`nav`, made after).
    void subset_fonts(const std::string& nav)
    {
        std::set<char32_t> characters;
        for (char32_t c = 0x20; c < 0x7F; ++c) characters.insert(c);  // ASCII always, for what the reader adds
        add_characters(nav, characters);
        for (const Item& item : book_.items)
            if (item.media_type == "application/xhtml+xml") add_characters(item.bytes, characters);
        for (Item& item : book_.items) {
            if (!is_font(item)) continue;
            std::string cut = subset_font(item.bytes, characters);
            if (cut.empty())
                diagnostics_.warn({item.href, 0, 0}, "epub-font-subset",
                                  "HarfBuzz cannot cut this font (a WOFF or WOFF2 it does not read): embedded whole");
            else
                item.bytes = std::move(cut);
        }
    }

    void add_page(const std::string& id, const std::string& href, std::string bytes)
    {
        book_.items.push_back({id, href, "application/xhtml+xml", "", std::move(bytes)});
        book_.spine.push_back(id);
    }

    void add_cover(const std::string& title)
    {
        std::string page;
        if (!settings_.cover.empty()) {
            page = image_cover_page(book_, title, "../" + images_.pack_cover(settings_.cover),
                                    model::say(book_.language, "cover_of", title));
        } else if (settings_.cover_art) {
            const CoverArt art = cover_art(book_, settings_, diagnostics_);
            // The drawn cover is text: its alt text is that text.
            std::string alt = art.publication;
            for (const std::string& part : {art.tagline, art.issue_line}) if (!part.empty()) alt += ". " + part;
            for (const std::string& line : art.lines) alt += ". " + line;
            page = image_cover_page(book_, title, "../" + images_.pack_cover_png(draw_cover(art)),
                                    model::say(book_.language, "cover_of", alt));
        } else {
            page = text_cover_page(book_, title, options(book_.articles.front()));
        }
        add_page("cover", "text/cover.xhtml", std::move(page));
        book_.cover_href = "text/cover.xhtml";
    }

    // Links inside the book keep working; relative links to other files cannot, since
    // those files are not in the book: they are resolved against the article's URL.
    std::string link(std::string_view url, pugi::xml_node article)
    {
        if (url.empty() || url.front() == '#' || is_absolute_url(url)) return std::string(url);
        std::string base = model::meta_text(article, "url");
        if (base.empty()) base = model::publication(book_.issue).child("url").text().get();
        if (!base.empty()) return resolve_url(url, base);
        diagnostics_.warn({}, "epub-link", "article '" + model::slug(article) + "': link '" + std::string(url) +
                                               "' points to a local file that the EPUB does not hold; the link is left empty");
        return "";
    }

    html::RenderOptions options(pugi::xml_node article)
    {
        html::RenderOptions options;
        options.notes = html::NoteStyle::epub;
        options.rewrite_url = [this, article](std::string_view url, bool is_image) -> std::string {
            if (!is_image) return link(url, article);
            if (url.substr(0, 5) == "data:") return std::string(url);
            auto href = images_.pack(url, article);
            return href ? "../" + *href : std::string();
        };
        html::apply_raw_html_policy(options, settings_.raw_html, true);
        return options;
    }

    const Settings& settings_;
    Diagnostics& diagnostics_;
    pugi::xml_document work_;
    Book book_;
    ImagePacker images_;
};

}  // namespace

std::string make_epub(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, bool whole_issue,
                      const Settings& settings, Diagnostics& diagnostics)
{
    Assembler assembler(settings, diagnostics);
    return assembler.build(issue, articles, whole_issue);
}

}  // namespace mimeo::epub

#include "html/renderer.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "html/escape.hpp"
#include "model/affiliations.hpp"
#include "model/model.hpp"
#include "model/named_address.hpp"
#include "model/provenance.hpp"
#include "model/wording.hpp"

namespace mimeo::html {
namespace {

bool named(pugi::xml_node node, std::string_view name) { return name == node.name(); }

class Renderer {
public:
    Renderer(const RenderOptions& options, pugi::xml_node article) : options_(options), article_(article)
    {
        int number = 0;
        for (pugi::xml_node note : model::notes(article).children("note"))
            note_numbers_[note.attribute("id").value()] = ++number;
    }

    std::string take() { return std::move(out_); }

    void blocks(pugi::xml_node container, bool tight = false)
    {
        if (options_.filter_raw_html && holds_raw_html(container) &&
            as_one_fragment(container, [&](pugi::xml_node child) {
                if (child.type() == pugi::node_element) block(child, tight);
            }))
            return;
        for (pugi::xml_node child : container.children()) {
            if (child.type() == pugi::node_element) block(child, tight);
        }
    }

    void inlines(pugi::xml_node element)
    {
        if (options_.filter_raw_html && holds_raw_html(element) &&
            as_one_fragment(element, [&](pugi::xml_node child) { inline_node(child); }))
            return;
        for (pugi::xml_node child : element.children()) inline_node(child);
    }

    static bool is_raw_html(pugi::xml_node node)
    {
        return named(node, "raw") && std::string_view(node.attribute("format").value()) == "html";
    }

    static bool holds_raw_html(pugi::xml_node element)
    {
        return std::any_of(element.children().begin(), element.children().end(), is_raw_html);
    }

    // cmark hands `<b>`, the text and `</b>` over as three nodes (and an HTML block, the
    // paragraphs inside it and its end tag as three blocks), which a filter would see as an
    // empty <b> and a stray end tag. So the raw HTML among an element's children is filtered
    // as one fragment, with the rendered model content between its tags held in slots
    // (private-use characters, which the filter keeps as text). False, and nothing
    // written, when the content already holds such characters.
    template <typename RenderChild>
    bool as_one_fragment(pugi::xml_node element, const RenderChild& render_child)
    {
        static constexpr std::string_view slot_open = "\uE000", slot_close = "\uE001";
        std::string fragment;
        std::vector<std::string> slots;
        std::string outer;
        outer.swap(out_);  // swapped back, never copied: an article's output so far may be large
        for (pugi::xml_node child : element.children()) {
            if (is_raw_html(child)) {
                fragment += child.text().get();
                continue;
            }
            out_.clear();
            render_child(child);
            fragment += std::string(slot_open) + std::to_string(slots.size()) + std::string(slot_close);
            slots.push_back(std::move(out_));
        }
        out_.swap(outer);
        std::size_t opens = 0;
        for (std::size_t at = fragment.find(slot_open); at != std::string::npos; at = fragment.find(slot_open, at + 1)) ++opens;
        if (opens != slots.size()) return false;
        const std::string filtered = options_.filter_raw_html(fragment);
        std::size_t i = 0;
        while (i < filtered.size()) {
            const std::size_t open = filtered.find(slot_open, i);
            const std::size_t close = open == std::string::npos ? open : filtered.find(slot_close, open);
            if (close == std::string::npos) {
                out_.append(filtered, i);
                break;
            }
            out_.append(filtered, i, open - i);
            const std::size_t index = std::stoul(filtered.substr(open + slot_open.size(), close - open - slot_open.size()));
            if (index < slots.size()) out_ += slots[index];
            i = close + slot_close.size();
        }
        return true;
    }

    void article_header()
    {
        // Writers often open with `##` under a title from front matter; under a rendered
        // title the shallowest section is one level down, so that no heading level is skipped.
        int shallowest = 0;
        for (pugi::xpath_node section : article_.select_nodes(".//*[local-name()='section'][@level]")) {
            const int level = section.node().attribute("level").as_int(1);
            if (shallowest == 0 || level < shallowest) shallowest = level;
        }
        level_shift_ = options_.heading_offset - std::max(0, shallowest - 1);
        pugi::xml_node meta = model::meta(article_);
        out_ += "<header>\n";
        // The title sits one level above the article's first-level sections.
        const int title_level = std::max(1, options_.heading_offset);
        out_ += "<h" + std::to_string(title_level) + ">";
        inlines(meta.child("title"));
        out_ += "</h" + std::to_string(title_level) + ">\n";
        if (pugi::xml_node subtitle = meta.child("subtitle")) {
            out_ += "<p class=\"subtitle\"" + style("font-size: 1.2em; font-style: italic") + ">";
            inlines(subtitle);
            out_ += "</p>\n";
        }
        std::string date = meta.child("date").text().get();
        const std::string authors = model::byline(article_);
        if (!authors.empty() || !date.empty()) {
            out_ += "<p class=\"byline\">";
            escape(authors, out_);
            if (!authors.empty() && !date.empty()) out_ += " \u00B7 ";
            if (!date.empty()) {
                // A time of day makes it a global date and time string: HTML's "2013-05-06T02:12:52+02:00".
                const std::string time = meta.child("date").attribute("time").value();
                out_ += "<time datetime=\"" + html::escape(time.empty() ? date : date + "T" + time) + "\">";
                escape(model::local_date(date, words_), out_);
                out_ += "</time>";
            }
            out_ += "</p>\n";
        }
        if (const auto places = model::author_places(article_); !places.empty()) {
            out_ += "<ul class=\"affiliations\"" + style("list-style: none; padding: 0") + ">\n";
            for (const auto& author : places) {
                out_ += "<li>";
                escape(author.name + (author.places.empty() ? "" : ": " + author.places), out_);
                if (!author.orcid.empty()) out_ += " <a href=\"" + url(author.orcid, false) + "\">ORCID</a>";
                out_ += "</li>\n";
            }
            out_ += "</ul>\n";
        }
        auto translators = model::contributors(article_, "translator");
        if (!translators.empty()) {
            out_ += "<p class=\"translator\">";
            escape(model::say(words_, "translated_by", model::local_list(translators, words_)), out_);
            out_ += "</p>\n";
        }
        if (auto note = model::provenance_note(article_)) {
            out_ += "<p class=\"provenance\"" + style("font-style: italic") + ">";
            escape(note->lead, out_);
            if (!note->publication.empty()) {
                out_ += "<cite>";
                escape(note->publication, out_);
                out_ += "</cite>";
            }
            escape(note->tail, out_);
            if (!note->url.empty()) {
                out_ += " <a href=\"" + url(note->url, false) + "\">Original</a>";
            }
            out_ += "</p>\n";
        }
        out_ += "</header>\n";
        // Abstracts beyond the summary, each a section under the title.
        const std::string level = std::to_string(std::min(6, title_level + 1));
        for (pugi::xml_node abstract : meta.children("abstract")) {
            out_ += "<section class=\"abstract\"";
            if (const std::string lang = abstract.attribute("language").value(); !lang.empty())
                out_ += " lang=\"" + html::escape(lang) + "\" xml:lang=\"" + html::escape(lang) + "\"";
            out_ += ">\n<h" + level + ">";
            if (pugi::xml_node title = abstract.child("title")) inlines(title);
            else escape(model::say(words_, "abstract"), out_);
            out_ += "</h" + level + ">\n";
            blocks(abstract);
            out_ += "</section>\n";
        }
    }

    // The works cited, each with links back to where the text cites it.
    void references()
    {
        pugi::xml_node references = article_.child("references");
        if (!references) return;
        const std::string level = std::to_string(std::min(6, std::max(1, options_.heading_offset) + 1));
        out_ += "<section class=\"references\" role=\"doc-bibliography\">\n<h" + level + ">";
        if (pugi::xml_node title = references.child("title")) inlines(title);
        else escape(model::say(words_, "references"), out_);
        out_ += "</h" + level + ">\n<ul" + style("list-style: none; padding: 0") + ">\n";
        for (pugi::xml_node reference : references.children("reference")) {
            const std::string id = reference.attribute("id").value();
            out_ += "<li id=\"" + html::escape(note_anchor(id)) + "\">";
            if (pugi::xml_node label = reference.child("label")) {
                out_ += "<span class=\"label\">";
                escape(label.text().get(), out_);
                out_ += "</span> ";
            }
            inlines(reference.child("citation"));
            for (int n = 1; n <= citations_seen_[id]; ++n)
                out_ += " <a class=\"cite-back\" href=\"" + note_href(note_anchor("cite-" + id + "-" + std::to_string(n))) +
                        "\" role=\"doc-backlink\">\u21A9" + (n > 1 ? "<sup>" + std::to_string(n) + "</sup>" : std::string()) +
                        "</a>";
            out_ += "</li>\n";
        }
        out_ += "</ul>\n</section>\n";
    }

    void notes()
    {
        pugi::xml_node notes = model::notes(article_);
        if (!notes) return;
        if (options_.notes == NoteStyle::epub) {
            for (pugi::xml_node note : notes.children("note")) epub_note(note);
            return;
        }
        for (const char* kind : {"footnote", "endnote"}) {
            bool any = std::any_of(notes.children("note").begin(), notes.children("note").end(),
                                   [&](pugi::xml_node n) { return kind == std::string_view(n.attribute("kind").value()); });
            if (!any) continue;
            // DPUB-ARIA has no doc-footnotes: notes gathered after the text are endnotes. A <div>,
            // which may take the role, since a <section> wants a heading the notes have none of.
            out_ += std::string("<div class=\"") + kind + "s\" role=\"doc-endnotes\">\n<hr />\n<ol>\n";
            for (pugi::xml_node note : notes.children("note")) {
                if (kind != std::string_view(note.attribute("kind").value())) continue;
                const std::string id = note.attribute("id").value();
                out_ += "<li id=\"" + html::escape(note_anchor(id)) + "\" value=\"" + std::to_string(note_numbers_[id]) + "\">\n";
                note_body(note);
                out_ += "</li>\n";
            }
            out_ += "</ol>\n</div>\n";
        }
    }

    void masthead(pugi::xml_node issue)
    {
        pugi::xml_node publication = model::publication(issue);
        // A <div>, not a <header>: the epigraph's attribution is a <footer>, which no <header> may hold.
        out_ += "<div class=\"masthead\"" + style("text-align: center") + ">\n";
        // The page's first heading, so that its outline starts with the publication.
        out_ += "<h1 class=\"publication\"" + style("font-size: 2em; font-weight: bold; margin: 0") + ">";
        inlines(publication.child("title"));
        out_ += "</h1>\n";
        if (pugi::xml_node tagline = publication.child("tagline")) {
            out_ += "<p class=\"tagline\"" + style("font-style: italic; margin: 0") + ">";
            inlines(tagline);
            out_ += "</p>\n";
        }
        if (pugi::xml_node epigraph = publication.child("epigraph")) block(epigraph, false);
        if (std::string line = model::issue_line(issue); !line.empty()) {
            out_ += "<p class=\"issue\">";
            escape(line, out_);
            out_ += "</p>\n";
        }
        if (pugi::xml_node title = issue.child("title")) {
            out_ += "<p class=\"issue-title\">";
            inlines(title);
            out_ += "</p>\n";
        }
        out_ += "</div>\n";
    }

    // Who publishes the issue and on what terms: publisher, ISSNs, the editor's address, rights
    // and the licence the articles share, each named in the publication's language.
    void imprint(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles)
    {
        pugi::xml_node publication = model::publication(issue);
        const std::string lang = publication.child("language").text().get();
        std::string items;
        auto item = [&](const char* key, const std::string& value_html) {
            if (value_html.empty()) return;
            items += "<dt>" + html::escape(model::say(lang, key)) + "</dt>\n<dd>" + value_html + "</dd>\n";
        };
        item("publisher", html::escape(publication.child("publisher").text().get()));
        std::string issns;
        for (pugi::xml_node issn : publication.children("issn")) {
            const bool print = std::string_view(issn.attribute("medium").value()) == "print";
            issns += (issns.empty() ? "" : "<br />") + html::escape(model::say(lang, print ? "issn_print" : "issn_electronic",
                                                                                  issn.text().get()));
        }
        item("issn", issns);
        item("editor", editor_html(publication.child("editor").text().get()));
        item("rights", html::escape(publication.child("rights").text().get()));
        // The licence when every article has the same one.
        pugi::xml_node license;
        bool shared = !articles.empty();
        for (pugi::xml_node article : articles) {
            pugi::xml_node own = model::meta(article).child("license");
            if (!own || (license && (std::string_view(own.text().get()) != license.text().get() ||
                                     std::string_view(own.attribute("url").value()) != license.attribute("url").value())))
                shared = false;
            if (!license) license = own;
        }
        if (shared && license) {
            const std::string text = html::escape(license.text().get());
            const std::string url = license.attribute("url").value();
            item("license", url.empty() ? text : "<a href=\"" + this->url(url, false) + "\">" + text + "</a>");
        }
        if (items.empty()) return;
        out_ += "<section class=\"imprint\">\n<h2>" + html::escape(model::say(lang, "imprint")) + "</h2>\n<dl>\n" + items +
                "</dl>\n</section>\n";
    }

private:
    // "desk@paper.example (The Editors)", as feeds write an address: the name, then the address linked.
    std::string editor_html(const std::string& editor) const
    {
        const model::NamedAddress who = model::parse_named_address(editor);
        if (who.email.empty()) return html::escape(who.name);
        return (who.name.empty() ? "" : html::escape(who.name) + ", ") + "<a href=\"" + url("mailto:" + who.email, false) +
               "\">" + html::escape(who.email) + "</a>";
    }

    std::string style(const char* css) const
    {
        return options_.inline_styles ? std::string(" style=\"") + css + "\"" : std::string();
    }

    std::string prefixed(std::string_view id) const { return options_.id_prefix + std::string(id); }

    // Notes are named by their article's slug wherever the article goes: an issue page, a
    // book or a feed that holds several articles never holds two #fn1.
    std::string note_anchor(std::string_view id) const { return note_prefix_ + std::string(id); }

    // Through rewrite_url, so that a feed item's note links carry the item's URL: a feed
    // reader resolves a bare #fragment against the feed.
    std::string note_href(std::string_view anchor) const { return url("#" + std::string(anchor), false); }

    std::string url(std::string_view value, bool is_image) const
    {
        std::string out;
        escape_url(options_.rewrite_url ? options_.rewrite_url(value, is_image) : std::string(value), out);
        return out;
    }

    void heading_open(int level, const char* id = nullptr)
    {
        level = std::clamp(level + level_shift_, 1, 6);
        out_ += "<h" + std::to_string(level);
        if (id && *id) out_ += " id=\"" + html::escape(prefixed(id)) + "\"";
        out_ += ">";
    }

    void heading_close(int level) { out_ += "</h" + std::to_string(std::clamp(level + level_shift_, 1, 6)) + ">\n"; }

    void block(pugi::xml_node node, bool tight)
    {
        std::string_view name = node.name();
        if (name == "p") {
            if (tight) {
                inlines(node);
                out_ += "\n";
                return;
            }
            out_ += "<p>";
            inlines(node);
            out_ += "</p>\n";
        } else if (name == "section") {
            int level = node.attribute("level").as_int(1);
            heading_open(level, node.attribute("id").value());
            if (pugi::xml_attribute number = node.attribute("number")) {
                out_ += "<span class=\"section-number\">";
                escape(number.value(), out_);
                out_ += "</span> ";
            }
            inlines(node.child("heading"));
            heading_close(level);
            blocks(node, tight);
        } else if (name == "quote" || name == "epigraph") {
            out_ += name == "quote" ? "<blockquote>\n" : "<blockquote class=\"epigraph\" role=\"doc-epigraph\">\n";
            blocks(node);
            if (pugi::xml_node attribution = node.child("attribution")) {
                out_ += "<footer class=\"attribution\"" + style("text-align: right") + ">\u2014\u2009";
                inlines(attribution);
                out_ += "</footer>\n";
            }
            out_ += "</blockquote>\n";
        } else if (name == "list") {
            list(node);
        } else if (name == "deflist") {
            out_ += "<dl>\n";
            for (pugi::xml_node child : node.children()) {
                if (named(child, "term")) {
                    out_ += "<dt>";
                    inlines(child);
                    out_ += "</dt>\n";
                } else if (named(child, "definition")) {
                    out_ += "<dd>\n";
                    blocks(child);
                    out_ += "</dd>\n";
                }
            }
            out_ += "</dl>\n";
        } else if (name == "table") {
            table(node);
        } else if (name == "figure") {
            out_ += "<figure";
            if (pugi::xml_attribute id = node.attribute("id")) out_ += " id=\"" + html::escape(prefixed(id.value())) + "\"";
            out_ += ">\n";
            for (pugi::xml_node panel : node.children("image")) {
                image(panel);
                out_ += "\n";
            }
            if (node.attribute("label") || node.child("title") || node.child("caption")) {
                out_ += "<figcaption>";
                caption_content(node);
                out_ += "</figcaption>\n";
            }
            out_ += "</figure>\n";
        } else if (name == "code-block") {
            out_ += "<pre><code";
            if (pugi::xml_attribute language = node.attribute("language"))
                out_ += " class=\"language-" + html::escape(language.value()) + "\"";
            out_ += ">";
            escape(node.text().get(), out_);
            out_ += "</code></pre>\n";
        } else if (name == "break") {
            out_ += "<hr />\n";
        } else if (name == "raw") {
            raw(node);
        }
    }

    // A task's words: its first paragraph's text, in one line.
    static std::string task_name(pugi::xml_node item)
    {
        pugi::xml_node first = item.child("p") ? item.child("p") : item;
        std::string name;
        for (char c : model::text_of(first)) {
            const bool space = c == ' ' || c == '\n' || c == '\t';
            if (space && (name.empty() || name.back() == ' ')) continue;
            name += space ? ' ' : c;
        }
        while (!name.empty() && name.back() == ' ') name.pop_back();
        return name;
    }

    void list(pugi::xml_node node)
    {
        const bool ordered = std::string_view(node.attribute("kind").value()) == "ordered";
        const bool tight = node.attribute("tight").as_bool();
        out_ += ordered ? "<ol" : "<ul";
        if (ordered && node.attribute("start")) out_ += " start=\"" + std::to_string(node.attribute("start").as_llong()) + "\"";
        // A task list shows its boxes, not bullets as well.
        if (!ordered && std::any_of(node.children("item").begin(), node.children("item").end(),
                                    [](pugi::xml_node item) { return item.attribute("checked"); }))
            out_ += " class=\"task-list\"";
        out_ += ">\n";
        for (pugi::xml_node item : node.children("item")) {
            out_ += "<li>";
            // The box is named by its task, for a screen reader that meets the box first.
            if (pugi::xml_attribute checked = item.attribute("checked"))
                out_ += std::string("<input type=\"checkbox\"") + (checked.as_bool() ? " checked=\"checked\"" : "") +
                        " disabled=\"disabled\" aria-label=\"" + html::escape(task_name(item)) + "\" /> ";
            pugi::xml_node first = item.first_child();
            if (!(tight && first && named(first, "p")) && first) out_ += "\n";
            blocks(item, tight);
            out_ += "</li>\n";
        }
        out_ += ordered ? "</ol>\n" : "</ul>\n";
    }

    void table(pugi::xml_node node)
    {
        std::vector<std::string> alignments;
        for (pugi::xml_node column : node.children("column")) alignments.push_back(column.attribute("align").value());
        out_ += "<table";
        if (pugi::xml_attribute id = node.attribute("id")) out_ += " id=\"" + html::escape(prefixed(id.value())) + "\"";
        out_ += ">\n";
        if (node.attribute("label") || node.child("title") || node.child("caption")) {
            out_ += "<caption>";
            caption_content(node);
            out_ += "</caption>\n";
        }
        auto rows = [&](pugi::xml_node group, const char* tag, const char* cell_tag) {
            if (!group || !group.child("row")) return;
            out_ += std::string("<") + tag + ">\n";
            for (pugi::xml_node row : group.children("row")) {
                out_ += "<tr>\n";
                std::size_t column = 0;
                for (pugi::xml_node cell : row.children("cell")) {
                    std::string align = cell.attribute("align").value();
                    if (align.empty() && column < alignments.size()) align = alignments[column];
                    out_ += std::string("<") + cell_tag;
                    if (!align.empty()) out_ += " style=\"text-align: " + align + "\"";
                    if (int span = cell.attribute("colspan").as_int(1); span > 1) out_ += " colspan=\"" + std::to_string(span) + "\"";
                    if (int span = cell.attribute("rowspan").as_int(1); span > 1) out_ += " rowspan=\"" + std::to_string(span) + "\"";
                    out_ += ">";
                    if (cell.find_child([](pugi::xml_node c) { return is_block(c); })) blocks(cell);
                    else inlines(cell);
                    out_ += std::string("</") + cell_tag + ">\n";
                    column += static_cast<std::size_t>(cell.attribute("colspan").as_int(1));
                }
                out_ += "</tr>\n";
            }
            out_ += std::string("</") + tag + ">\n";
        };
        rows(node.child("head"), "thead", "th");
        rows(node.child("rows"), "tbody", "td");
        out_ += "</table>\n";
    }

    static bool is_block(pugi::xml_node node)
    {
        static const std::vector<std::string_view> names = {"p", "section", "quote", "epigraph", "list", "deflist",
                                                            "table", "figure", "code-block", "break"};
        return std::find(names.begin(), names.end(), node.name()) != names.end();
    }

    void image(pugi::xml_node node)
    {
        out_ += "<img src=\"" + url(node.attribute("src").value(), true) + "\" alt=\"";
        // Alt text that only repeats the figure's caption would be read twice: the caption says it.
        const std::string alt = node.attribute("alt").value();
        const pugi::xml_node figure = named(node.parent(), "figure") ? node.parent() : pugi::xml_node();
        const bool repeated = figure && !alt.empty() &&
                              (alt == model::text_of(figure.child("caption")) || alt == model::text_of(figure.child("title")));
        if (!repeated) escape(alt, out_);
        out_ += "\"";
        if (pugi::xml_attribute title = node.attribute("title")) {
            out_ += " title=\"";
            escape(title.value(), out_);
            out_ += "\"";
        }
        out_ += " />";
    }

    void raw(pugi::xml_node node)
    {
        if (std::string_view(node.attribute("format").value()) != "html") return;
        out_ += options_.filter_raw_html ? options_.filter_raw_html(node.text().get()) : std::string(node.text().get());
    }

    void wrap(const char* tag, pugi::xml_node node, const std::string& attributes = "")
    {
        out_ += std::string("<") + tag + attributes + ">";
        inlines(node);
        out_ += std::string("</") + tag + ">";
    }

    void inline_node(pugi::xml_node node)
    {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            escape(node.value(), out_);
            return;
        }
        std::string_view name = node.name();
        if (name == "em") wrap("em", node);
        else if (name == "strong") wrap("strong", node);
        else if (name == "strike") wrap("del", node);
        else if (name == "underline") wrap("u", node);
        else if (name == "sup") wrap("sup", node);
        else if (name == "sub") wrap("sub", node);
        else if (name == "smallcaps") wrap("span", node, " class=\"smallcaps\"" + style("font-variant: small-caps"));
        else if (name == "q") wrap("q", node);
        else if (name == "code") {
            out_ += "<code>";
            escape(node.text().get(), out_);
            out_ += "</code>";
        } else if (name == "math") {
            math(node);
        } else if (name == "span") {
            std::string attributes;
            if (pugi::xml_attribute lang = node.attribute("lang")) {
                std::string value = html::escape(lang.value());
                attributes = " lang=\"" + value + "\" xml:lang=\"" + value + "\"";
            }
            wrap("span", node, attributes);
        } else if (name == "link") {
            std::string attributes = " href=\"" + url(node.attribute("href").value(), false) + "\"";
            if (pugi::xml_attribute title = node.attribute("title")) attributes += " title=\"" + html::escape(title.value()) + "\"";
            wrap("a", node, attributes);
        } else if (name == "anchor") {
            out_ += "<span id=\"" + html::escape(prefixed(node.attribute("id").value())) + "\"></span>";
        } else if (name == "line-break") {
            out_ += "<br />\n";
        } else if (name == "image") {
            image(node);
        } else if (name == "note-ref") {
            note_ref(node.attribute("note").value());
        } else if (name == "xref") {
            xref(node);
        } else if (name == "raw") {
            raw(node);
        }
    }

    // A figure's or table's label and title before its caption: "Figure 1. The wall. Its caption".
    void caption_content(pugi::xml_node node)
    {
        if (const char* label = node.attribute("label").value(); *label) {
            out_ += "<span class=\"label\">";
            escape(label, out_);
            out_ += "</span> ";
        }
        if (pugi::xml_node title = node.child("title")) {
            out_ += "<strong class=\"title\">";
            inlines(title);
            out_ += "</strong> ";
        }
        if (pugi::xml_node caption = node.child("caption")) inlines(caption);
    }

    // MathML as MathML, which browsers and reading systems show; TeX alone as its text.
    void math(pugi::xml_node node)
    {
        const std::string_view display = node.attribute("display").value();
        const char* id = node.attribute("id").value();
        const std::string id_attribute = *id ? " id=\"" + html::escape(prefixed(id)) + "\"" : "";
        if (pugi::xml_node mathml = node.child("mml:math")) {
            out_ += "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"" + id_attribute +
                    (display == "block" ? " display=\"block\"" : "") + ">";
            for (pugi::xml_node child : mathml.children()) mathml_node(child);
            out_ += "</math>";
        } else {
            out_ += "<span class=\"math " + std::string(display) + "\"" + id_attribute + ">";
            escape(node.text().get(), out_);
            out_ += "</span>";
        }
        // An equation's number, beside it as the article prints it.
        if (const char* label = node.attribute("label").value(); *label) {
            out_ += " <span class=\"equation-label\">";
            escape(label, out_);
            out_ += "</span>";
        }
    }

    void mathml_node(pugi::xml_node node)
    {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            escape(node.value(), out_);
            return;
        }
        if (node.type() != pugi::node_element) return;
        std::string name = node.name();
        if (name.rfind("mml:", 0) == 0) name.erase(0, 4);
        out_ += "<" + name;
        for (pugi::xml_attribute a : node.attributes()) {
            const std::string_view attribute = a.name();
            if (attribute.rfind("xmlns", 0) == 0) continue;
            out_ += " " + std::string(attribute) + "=\"" + html::escape(a.value()) + "\"";
        }
        out_ += ">";
        for (pugi::xml_node child : node.children()) mathml_node(child);
        out_ += "</" + name + ">";
    }

    // A citation links to its reference (and is what the reference links back to); any other
    // cross-reference to the figure, table or section, whose id the page gives as it is.
    void xref(pugi::xml_node node)
    {
        const std::string target = node.attribute("target").value();
        std::string attributes = " class=\"xref\"";
        if (std::string_view(node.attribute("kind").value()) == "reference") {
            const int seen = ++citations_seen_[target];
            attributes += " href=\"" + note_href(note_anchor(target)) + "\" id=\"" +
                          html::escape(note_anchor("cite-" + target + "-" + std::to_string(seen))) + "\" role=\"doc-biblioref\"";
        } else {
            attributes += " href=\"" + note_href(prefixed(target)) + "\"";
        }
        wrap("a", node, attributes);
    }

    void note_ref(const std::string& id)
    {
        const int number = note_numbers_[id];
        const int seen = ++references_seen_[id];
        const std::string ref_id = note_anchor("ref-" + id) + (seen > 1 ? "-" + std::to_string(seen) : "");
        out_ += "<a class=\"note-ref\" href=\"" + note_href(note_anchor(id)) + "\" id=\"" + html::escape(ref_id) + "\"";
        out_ += options_.notes == NoteStyle::epub ? " epub:type=\"noteref\"" : "";
        out_ += " role=\"doc-noteref\"><sup>" + std::to_string(number) + "</sup></a>";
    }

    // The note's blocks with a link back to its first reference.
    void note_body(pugi::xml_node note)
    {
        const std::string id = note.attribute("id").value();
        const std::string backlink = "<a class=\"note-back\" href=\"" + note_href(note_anchor("ref-" + id)) +
                                     "\" role=\"doc-backlink\" title=\"" + html::escape(model::say(words_, "back")) +
                                     "\">\u21A9\uFE0E</a>";
        std::size_t mark = out_.size();
        blocks(note);
        if (references_seen_[id] == 0) return;  // a note nothing in the text refers to (a table's foot)
        // Inside the closing paragraph when there is one, as readers expect.
        if (pugi::xml_node last = note.last_child(); last && named(last, "p") && out_.size() >= mark + 5 &&
                                                      out_.compare(out_.size() - 5, 5, "</p>\n") == 0) {
            out_.insert(out_.size() - 5, " " + backlink);
        } else {
            out_ += "<p>" + backlink + "</p>\n";
        }
    }

    void epub_note(pugi::xml_node note)
    {
        const std::string id = note.attribute("id").value();
        const std::string kind = note.attribute("kind").value();
        // ARIA allows doc-footnote on an <aside> but not doc-endnote, so endnotes carry only epub:type.
        out_ += "<aside epub:type=\"" + kind + "\"" + (kind == "footnote" ? " role=\"doc-footnote\"" : "") +
                " id=\"" + html::escape(note_anchor(id)) + "\">\n";
        // The number opens the note's first paragraph, as a printed note's does.
        const std::string number = std::to_string(note_numbers_[id]);
        const std::size_t mark = out_.size();
        note_body(note);
        if (out_.compare(mark, 3, "<p>") == 0)
            out_.insert(mark + 3, "<span class=\"note-number\">" + number + "</span> ");
        else
            out_.insert(mark, "<p class=\"note-number\">" + number + "</p>\n");
        out_ += "</aside>\n";
    }

    const RenderOptions& options_;
    pugi::xml_node article_;
    std::map<std::string, int> note_numbers_;
    int level_shift_ = options_.heading_offset;  // added to a section's level to give its heading's
    const std::string note_prefix_ = article_ ? model::slug(article_) + "-" : "";
    // The language of the fixed words: the article's.
    const std::string words_ = article_ ? model::language(article_, "en") : "en";
    std::map<std::string, int> references_seen_;
    std::map<std::string, int> citations_seen_;  // by reference id: how often the text cites it
    std::string out_;
};

// The <article> a node belongs to, for note numbers.
pugi::xml_node enclosing_article(pugi::xml_node node)
{
    while (node && !named(node, "article")) node = node.parent();
    return node;
}

}  // namespace

std::string render_blocks(pugi::xml_node container, const RenderOptions& options)
{
    Renderer renderer(options, enclosing_article(container));
    renderer.blocks(container);
    return renderer.take();
}

std::string render_inlines(pugi::xml_node element, const RenderOptions& options)
{
    Renderer renderer(options, enclosing_article(element));
    renderer.inlines(element);
    return renderer.take();
}

namespace {

// One renderer for the header and what follows, which share its note numbers.
std::string render_whole(pugi::xml_node article, const RenderOptions& options, bool with_header)
{
    Renderer renderer(options, article);
    if (with_header) renderer.article_header();
    renderer.blocks(model::body(article));
    renderer.notes();
    renderer.references();
    return renderer.take();
}

}  // namespace

std::string render_article(pugi::xml_node article, const RenderOptions& options)
{
    return render_whole(article, options, true);
}

std::string render_article_body(pugi::xml_node article, const RenderOptions& options)
{
    return render_whole(article, options, false);
}

std::string render_masthead(pugi::xml_node issue, const RenderOptions& options)
{
    Renderer renderer(options, {});
    renderer.masthead(issue);
    return renderer.take();
}

std::string render_imprint(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, const RenderOptions& options)
{
    Renderer renderer(options, {});
    renderer.imprint(issue, articles);
    return renderer.take();
}

}  // namespace mimeo::html

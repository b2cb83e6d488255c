#include "docx/to_model.hpp"

#include <map>
#include <set>
#include <span>
#include <utility>

#include "common/standard_forms.hpp"
#include "docx/citations.hpp"
#include "docx/html_chunk.hpp"
#include "docx/lists.hpp"
#include "model/builders.hpp"
#include "model/ids.hpp"
#include "model/model.hpp"
#include "model/references.hpp"
#include "model/xml_text.hpp"

namespace mimeo::docx {
namespace {

std::string trimmed(std::string_view text)
{
    const std::size_t start = text.find_first_not_of(" \t\n\r");
    if (start == std::string_view::npos) return "";
    const std::size_t end = text.find_last_not_of(" \t\n\r");
    return std::string(text.substr(start, end - start + 1));
}

std::vector<std::string> split(const std::string& text, std::string_view separators)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(separators, start);
        if (end == std::string::npos) end = text.size();
        std::string part = trimmed(std::string_view(text).substr(start, end - start));
        if (!part.empty()) parts.push_back(std::move(part));
        start = end + 1;
    }
    return parts;
}

// Formatting wrappers, outermost first; `code` is applied last, to text alone.
constexpr int wrapper_count = 7;
constexpr const char* wrapper_names[wrapper_count] = {"strong", "em", "underline", "strike", "smallcaps", "sup", "sub"};

bool wrapper(const RunFormat& f, int k)
{
    switch (k) {
    case 0: return f.bold;
    case 1: return f.italic;
    case 2: return f.underline;
    case 3: return f.strike;
    case 4: return f.smallcaps;
    case 5: return f.vertical > 0;
    default: return f.vertical < 0;
    }
}

void set_wrapper(RunFormat& f, int k)
{
    switch (k) {
    case 0: f.bold = true; break;
    case 1: f.italic = true; break;
    case 2: f.underline = true; break;
    case 3: f.strike = true; break;
    case 4: f.smallcaps = true; break;
    case 5: f.vertical = 1; break;
    default: f.vertical = -1; break;
    }
}

// Pieces that carry no formatting of their own join the group around them.
bool neutral(const Inline& x)
{
    switch (x.kind) {
    case InlineKind::text: return blank(x.text);
    case InlineKind::tab:
    case InlineKind::line_break:
    case InlineKind::footnote_ref:
    case InlineKind::endnote_ref:
    case InlineKind::comment_ref:
    case InlineKind::bookmark:
    case InlineKind::image:
    case InlineKind::math:
    case InlineKind::citation:
    case InlineKind::link: return true;
    default: return false;
    }
}

class Mapper {
public:
    Mapper(const WordDocument& doc, pugi::xml_node article, Media& media, const MapOptions& options,
           Diagnostics& diagnostics, const std::string& file)
        : doc_(doc), article_(article), media_(media), options_(options), diagnostics_(diagnostics), file_(file)
    {
    }

    void run()
    {
        // Bookmarks keep their names; heading and note ids are made around them.
        reserve_bookmarks(doc_.body);
        for (const auto* notes : {&doc_.footnotes, &doc_.endnotes, &doc_.comments})
            for (const auto& [id, note] : *notes) reserve_bookmarks(note.blocks);
        blocks(doc_.body, model::body(article_), true);
        notes();
        citations_.add_references(article_, file_, diagnostics_);
        model::unwrap_dangling_xrefs(article_);  // when the works could not be read
        metadata();
        report();
    }

private:
    // ----- blocks -----

    void reserve_bookmarks(const std::vector<Inline>& in)
    {
        for (const Inline& x : in) {
            if (x.kind == InlineKind::bookmark) ids_.reserve(model::as_id(x.target));
            reserve_bookmarks(x.content);
        }
    }

    void reserve_bookmarks(const std::vector<Block>& in)
    {
        for (const Block& b : in) {
            if (const Paragraph* p = std::get_if<Paragraph>(&b.value)) {
                reserve_bookmarks(p->inlines);
                reserve_bookmarks(p->text_boxes);
                continue;
            }
            if (const Table* t = std::get_if<Table>(&b.value))
                for (const Row& row : t->rows)
                    for (const Cell& cell : row.cells) reserve_bookmarks(cell.blocks);
        }
    }

    const Paragraph* paragraph_at(const std::vector<Block>& in, std::size_t i) const
    {
        return i < in.size() ? std::get_if<Paragraph>(&in[i].value) : nullptr;
    }

    StyleRole role_of(const Paragraph& p, int& level) const
    {
        StyleRole role = doc_.styles.role(p.style_id, &level);
        if (p.outline_level && *p.outline_level < 9 && role == StyleRole::none) {
            level = *p.outline_level + 1;
            return StyleRole::heading;
        }
        return role;
    }

    bool is_caption(const Paragraph* p) const
    {
        int level = 0;
        return p && role_of(*p, level) == StyleRole::caption;
    }

    // An image alone in its paragraph (bookmarks and spaces aside) is a figure.
    const Inline* sole_image(const Paragraph& p) const
    {
        const Inline* image = nullptr;
        for (const Inline& x : p.inlines) {
            if (x.kind == InlineKind::bookmark || (x.kind == InlineKind::text && blank(x.text))) continue;
            if (x.kind != InlineKind::image || image) return nullptr;
            image = &x;
        }
        return image;
    }

    bool is_blank(const Paragraph& p) const
    {
        if (!p.text_boxes.empty()) return false;
        for (const Inline& x : p.inlines) {
            if (x.kind == InlineKind::bookmark || (x.kind == InlineKind::text && blank(x.text))) continue;
            return false;
        }
        return true;
    }

    void blocks(const std::vector<Block>& in, pugi::xml_node container, bool top_level)
    {
        ListBuilder lists(doc_.numbering, counters_);
        model::SectionNesting sections(container);
        auto here = [&] { return sections.here(); };
        const Paragraph* pending_caption = nullptr;  // a caption above the table or figure it names
        auto take_caption = [&](std::size_t& i) -> const Paragraph* {
            if (pending_caption) return std::exchange(pending_caption, nullptr);
            if (is_caption(paragraph_at(in, i + 1))) return paragraph_at(in, ++i);
            return nullptr;
        };

        for (std::size_t i = 0; i < in.size(); ++i) {
            if (const Table* t = std::get_if<Table>(&in[i].value)) {
                lists.close();
                table(*t, here(), take_caption(i));
                continue;
            }
            if (const Chunk* chunk = std::get_if<Chunk>(&in[i].value)) {
                lists.close();
                alt_chunk(*chunk, here());
                continue;
            }
            const Paragraph& p = std::get<Paragraph>(in[i].value);
            if (is_blank(p)) continue;
            int level = 0;
            StyleRole role = role_of(p, level);

            if (role == StyleRole::caption) {
                const Paragraph* next = paragraph_at(in, i + 1);
                const bool names_next = (i + 1 < in.size() && std::holds_alternative<Table>(in[i + 1].value)) ||
                                        (next && sole_image(*next));
                if (names_next) {
                    pending_caption = &p;
                    continue;
                }
                pugi::xml_node last = here().last_child();
                std::string_view last_name = last.name();
                if ((last_name == "table" || last_name == "figure") && !last.child("caption")) {
                    pugi::xml_node caption = last_name == "table" ? last.prepend_child("caption") : last.append_child("caption");
                    inlines(p.inlines, caption);
                    continue;
                }
            }
            // Title, Author ... paragraphs are metadata only before the text begins.
            if (top_level && !container.first_child() && meta_paragraph(p, role)) continue;

            if (!p.numbering.num_id.empty()) {
                if (pugi::xml_node item = lists.item_for(here(), p.numbering.num_id, p.numbering.level)) {
                    paragraph(p, item, sole_image(p) ? take_caption(i) : nullptr);
                    text_boxes(p, item);
                    continue;
                }
            }
            if (role == StyleRole::list_paragraph && lists.last_item()) {
                paragraph(p, lists.last_item(), sole_image(p) ? take_caption(i) : nullptr);
                text_boxes(p, lists.last_item());
                continue;
            }
            lists.close();

            if (role == StyleRole::heading && top_level) {
                pugi::xml_node heading = sections.open(level);
                inlines(p.inlines, heading);
                heading.parent().append_attribute("id") = ids_.for_text(model::text_of(heading), "section").c_str();
                text_boxes(p, heading.parent());
                continue;
            }
            if (role == StyleRole::quote) {
                pugi::xml_node last = here().last_child();
                pugi::xml_node quote = std::string_view(last.name()) == "quote" && quote_run_ == last
                                           ? last
                                           : here().append_child("quote");
                quote_run_ = quote;
                paragraph(p, quote, nullptr);
                text_boxes(p, here());
                continue;
            }
            if (role == StyleRole::code) {
                pugi::xml_node last = here().last_child();
                const std::string text = clean(plain_text(p.inlines, true));
                if (std::string_view(last.name()) == "code-block" && code_run_ == last) {
                    last.text().set((std::string(last.text().get()) + "\n" + text).c_str());
                } else {
                    code_run_ = here().append_child("code-block");
                    code_run_.text().set(text.c_str());
                }
                text_boxes(p, here());
                continue;
            }
            paragraph(p, here(), sole_image(p) ? take_caption(i) : nullptr);
            text_boxes(p, here());
        }
    }

    void text_boxes(const Paragraph& p, pugi::xml_node container)
    {
        if (!p.text_boxes.empty()) blocks(p.text_boxes, container, false);
    }

    // A paragraph as <p>, or as <figure> when it holds one image.
    void paragraph(const Paragraph& p, pugi::xml_node parent, const Paragraph* caption)
    {
        if (const Inline* image = sole_image(p)) {
            pugi::xml_node figure = parent.append_child("figure");
            pugi::xml_node img = this->image(*image, figure);
            if (caption) {
                pugi::xml_node c = figure.append_child("caption");
                inlines(caption->inlines, c);
                if (!img.attribute("alt")) img.append_attribute("alt") = model::text_of(c).c_str();
            }
            for (const Inline& x : p.inlines)
                if (x.kind == InlineKind::bookmark) anchor_into(x, figure.child("caption") ? figure.child("caption") : pugi::xml_node());
            return;
        }
        inlines(p.inlines, parent.append_child("p"));
    }

    // Title, Subtitle, Author, Date and Abstract paragraphs at the top level are metadata.
    bool meta_paragraph(const Paragraph& p, StyleRole role)
    {
        switch (role) {
        case StyleRole::title:
            if (title_set_) return false;
            title_set_ = true;
            inlines(p.inlines, model::meta_field(article_, "title"));
            return true;
        case StyleRole::subtitle:
            if (subtitle_set_) return false;
            subtitle_set_ = true;
            inlines(p.inlines, model::meta_field(article_, "subtitle"));
            return true;
        case StyleRole::author: {
            const std::string name = clean(trimmed(plain_text(p.inlines, false)));
            if (name.empty()) return false;
            pugi::xml_node c = model::append_meta_field(article_, "contributor");
            c.append_attribute("role") = "author";
            c.text().set(name.c_str());
            authors_set_ = true;
            return true;
        }
        case StyleRole::date: {
            const std::string date = trimmed(plain_text(p.inlines, false));
            if (date_set_ || !is_iso_date(date)) return false;
            model::meta_field(article_, "date").text().set(date.c_str());
            date_set_ = true;
            return true;
        }
        case StyleRole::abstract: {
            pugi::xml_node summary = model::meta_field(article_, "summary");
            if (summary.first_child()) summary.append_child(pugi::node_pcdata).set_value(" ");
            inlines(p.inlines, summary);
            return true;
        }
        default: return false;
        }
    }

    void table(const Table& t, pugi::xml_node parent, const Paragraph* caption)
    {
        model::TableWriter table(parent);
        if (caption) inlines(caption->inlines, table.caption());
        for (int c = 0; c < t.columns; ++c) table.column();

        const std::size_t row_count = t.rows.size();
        std::size_t header_rows = 0;
        while (header_rows < row_count && t.rows[header_rows].header) ++header_rows;
        if (header_rows == 0 && t.first_row_look && row_count > 1) header_rows = 1;
        for (std::size_t r = 0; r < row_count; ++r) {
            pugi::xml_node row = table.row(r < header_rows);
            for (const Cell& cell : t.rows[r].cells)
                if (!cell.covered) cell_content(cell, model::TableWriter::cell(row, cell.grid_span, cell.row_span));
        }
    }

    // A cell that is one plain paragraph holds its inlines directly.
    void cell_content(const Cell& cell, pugi::xml_node out)
    {
        std::vector<const Paragraph*> shown;
        bool only_paragraphs = true;
        for (const Block& b : cell.blocks) {
            const Paragraph* p = std::get_if<Paragraph>(&b.value);
            if (!p) only_paragraphs = false;
            else if (!is_blank(*p)) shown.push_back(p);
        }
        int level = 0;
        if (only_paragraphs && shown.size() == 1 && shown[0]->numbering.num_id.empty() &&
            shown[0]->text_boxes.empty() && !sole_image(*shown[0]) &&
            role_of(*shown[0], level) != StyleRole::code && role_of(*shown[0], level) != StyleRole::quote) {
            inlines(shown[0]->inlines, out);
            return;
        }
        blocks(cell.blocks, out, false);
    }

    // ----- inlines -----

    // Fields were resolved and edge spacing taken off in stage one.
    void inlines(const std::vector<Inline>& in, pugi::xml_node parent, RunFormat active = {}, bool in_link = false)
    {
        wrap(pieces(in), 0, parent, active, in_link);
    }

    static std::vector<const Inline*> pieces(const std::vector<Inline>& in)
    {
        std::vector<const Inline*> out;
        out.reserve(in.size());
        for (const Inline& x : in) out.push_back(&x);
        return out;
    }

    // Nests the pieces' formats as the model's wrappers: neighbouring pieces that share one
    // go into one element, outermost wrapper first, so that "bold, then bold italic" reads
    // <strong>a <em>b</em></strong>.
    void wrap(std::span<const Inline* const> items, int k, pugi::xml_node parent, const RunFormat& active, bool in_link)
    {
        if (k == wrapper_count) {
            leaves(items, parent, active);
            return;
        }
        std::vector<int> value(items.size(), -1);
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (neutral(*items[i])) continue;
            bool on = wrapper(items[i]->format, k) && !wrapper(active, k);
            if (k == 2 && in_link) on = false;  // links are underlined by their style, not by meaning
            value[i] = on;
        }
        int last = -1;
        for (int& v : value) v = v < 0 ? last : (last = v);
        int next = 0;
        for (auto it = value.rbegin(); it != value.rend(); ++it) *it = *it < 0 ? next : (next = *it);
        std::size_t i = 0;
        while (i < items.size()) {
            std::size_t j = i;
            while (j < items.size() && value[j] == value[i]) ++j;
            auto group = items.subspan(i, j - i);
            if (value[i] > 0) {
                RunFormat inner = active;
                set_wrapper(inner, k);
                wrap(group, k + 1, parent.append_child(wrapper_names[k]), inner, in_link);
            } else {
                wrap(group, k + 1, parent, active, in_link);
            }
            i = j;
        }
    }

    void append_text(pugi::xml_node parent, const std::string& text)
    {
        if (text.empty()) return;
        pugi::xml_node last = parent.last_child();
        if (last.type() == pugi::node_pcdata) last.set_value((std::string(last.value()) + text).c_str());
        else parent.append_child(pugi::node_pcdata).set_value(text.c_str());
    }

    void leaves(std::span<const Inline* const> items, pugi::xml_node parent, const RunFormat& active)
    {
        pugi::xml_node code;  // the <code> the previous piece went to, to join the next
        for (const Inline* x : items) {
            pugi::xml_node current_code;
            switch (x->kind) {
            case InlineKind::text:
            case InlineKind::tab: {
                const std::string text = x->kind == InlineKind::tab ? "\t" : clean(x->text);
                if (x->format.code && !active.code) {
                    current_code = code ? code : parent.append_child("code");
                    append_text(current_code, text);
                } else {
                    append_text(parent, text);
                }
                break;
            }
            case InlineKind::line_break: parent.append_child("line-break"); break;
            case InlineKind::bookmark: anchor_into(*x, parent); break;
            case InlineKind::footnote_ref: note_ref(parent, "footnote", x->target); break;
            case InlineKind::endnote_ref: note_ref(parent, "endnote", x->target); break;
            case InlineKind::comment_ref: comment_ref(parent, x->target); break;
            case InlineKind::image: image(*x, parent); break;
            case InlineKind::math: {
                pugi::xml_node math = parent.append_child("math");
                math.append_attribute("display") = x->target == "block" ? "block" : "inline";
                math.text().set(clean(x->text).c_str());
                if (!x->mathml.empty()) math.append_buffer(x->mathml.data(), x->mathml.size());
                break;
            }
            case InlineKind::link: link(*x, parent, active); break;
            case InlineKind::citation: citation(*x, parent, active); break;
            case InlineKind::field: break;  // resolved in stage one (resolve_fields)
            }
            code = current_code;
        }
    }

    void link(const Inline& x, pugi::xml_node parent, const RunFormat& active)
    {
        pugi::xml_node link = parent.append_child("link");
        std::string href = x.target;
        if (!href.empty() && href.front() == '#') href = "#" + model::as_id(href.substr(1));
        link.append_attribute("href") = clean(href).c_str();
        if (!x.title.empty()) link.append_attribute("title") = clean(x.title).c_str();
        wrap(pieces(x.content), 0, link, active, true);
    }

    void citation(const Inline& x, pugi::xml_node parent, const RunFormat& active)
    {
        const std::string id = citations_.cite(x.target);
        if (id.empty()) return wrap(pieces(x.content), 0, parent, active, false);
        pugi::xml_node xref = parent.append_child("xref");
        xref.append_attribute("target") = id.c_str();
        xref.append_attribute("kind") = "reference";
        wrap(pieces(x.content), 0, xref, active, false);
    }

    void anchor_into(const Inline& bookmark, pugi::xml_node parent)
    {
        if (!parent) return;
        const std::string id = model::as_id(bookmark.target);
        if (id.empty() || !anchors_.insert(id).second) return;
        parent.append_child("anchor").append_attribute("id") = id.c_str();
    }

    pugi::xml_node image(const Inline& x, pugi::xml_node parent)
    {
        pugi::xml_node img = parent.append_child("image");
        img.append_attribute("src") = (x.external ? clean(x.target) : media_.add(x.target)).c_str();
        if (!blank(x.alt)) img.append_attribute("alt") = clean(trimmed(x.alt)).c_str();
        if (!blank(x.title)) img.append_attribute("title") = clean(trimmed(x.title)).c_str();
        return img;
    }

    // ----- notes -----

    struct NoteRef {
        const Note* note;
        const char* kind;
        std::string id;
        bool comment;
    };

    void note_ref(pugi::xml_node parent, const char* kind, const std::string& word_id)
    {
        const auto& notes = std::string_view(kind) == "footnote" ? doc_.footnotes : doc_.endnotes;
        auto found = notes.find(word_id);
        if (found == notes.end()) {
            ++missing_notes_;
            return;
        }
        parent.append_child("note-ref").append_attribute("note") = note_id(&found->second, kind, false).c_str();
    }

    void comment_ref(pugi::xml_node parent, const std::string& word_id)
    {
        auto found = doc_.comments.find(word_id);
        if (found == doc_.comments.end()) return;
        if (!options_.comments_as_notes) {
            dropped_comments_.insert(word_id);
            return;
        }
        parent.append_child("note-ref").append_attribute("note") = note_id(&found->second, "footnote", true).c_str();
    }

    std::string note_id(const Note* note, const char* kind, bool comment)
    {
        for (const NoteRef& ref : note_refs_)
            if (ref.note == note) return ref.id;
        const char* prefix = comment ? "comment" : std::string_view(kind) == "footnote" ? "fn" : "en";
        int& count = note_counts_[prefix];
        std::string id = prefix + std::to_string(++count);
        while (!ids_.reserve(id)) id = prefix + std::to_string(++count);
        note_refs_.push_back({note, kind, id, comment});
        return id;
    }

    void notes()
    {
        // Notes may refer to notes, so the list can grow while it is written.
        for (std::size_t i = 0; i < note_refs_.size(); ++i) {
            const NoteRef ref = note_refs_[i];
            pugi::xml_node note = model::append_note(article_, ref.id, ref.kind);
            blocks(ref.note->blocks, note, false);
            if (ref.comment && !ref.note->author.empty()) {
                pugi::xml_node first = note.child("p");
                if (!first) first = note.prepend_child("p");
                first.prepend_child(pugi::node_pcdata).set_value((clean(ref.note->author) + ": ").c_str());
            }
        }
    }

    // ----- metadata -----

    void metadata()
    {
        const Properties& p = doc_.properties;
        if (!title_set_ && !blank(p.title)) model::meta_field(article_, "title").text().set(clean(trimmed(p.title)).c_str());
        if (!subtitle_set_ && !blank(p.subject))
            model::meta_field(article_, "subtitle").text().set(clean(trimmed(p.subject)).c_str());
        if (!authors_set_)
            for (const std::string& name : split(p.creator, ";")) contributor("author", name);
        for (const std::string& name : split(p.manager, ";")) contributor("editor", name);
        if (!date_set_ && p.created.size() >= 10 && is_iso_date(p.created.substr(0, 10)))
            model::meta_field(article_, "date").text().set(p.created.substr(0, 10).c_str());
        const std::string language = doc_.styles.default_language();
        if (is_language_tag(language)) model::meta_field(article_, "language").text().set(language.c_str());
        for (const std::string& tag : split(p.keywords, ",;"))
            model::append_meta_field(article_, "tag").text().set(clean(tag).c_str());
        if (!model::meta(article_).child("summary") && !blank(p.description))
            model::meta_field(article_, "summary").text().set(clean(trimmed(p.description)).c_str());
    }

    void contributor(const char* role, const std::string& name)
    {
        pugi::xml_node c = model::append_meta_field(article_, "contributor");
        c.append_attribute("role") = role;
        c.text().set(clean(name).c_str());
    }

    // HTML (and plain text) chunks come into the model; other kinds are named in a warning.
    void alt_chunk(const Chunk& chunk, pugi::xml_node container)
    {
        std::string type = chunk.content_type.substr(0, chunk.content_type.find(';'));
        const std::string extension = chunk.part.substr(chunk.part.rfind('.') + 1);
        if (type.empty() && (extension == "htm" || extension == "html")) type = "text/html";
        if (type == "text/html" || type == "application/xhtml+xml") {
            html_chunk_to_model(chunk.bytes, container, chunk_losses_);
        } else if (type == "text/plain") {
            std::size_t start = 0;
            while (start <= chunk.bytes.size()) {
                std::size_t end = chunk.bytes.find('\n', start);
                if (end == std::string::npos) end = chunk.bytes.size();
                std::string line = chunk.bytes.substr(start, end - start);
                if (!line.empty() && line.back() == '\r') line.pop_back();
                if (!blank(line)) container.append_child("p").text().set(clean(line).c_str());
                start = end + 1;
            }
        } else {
            ++unread_chunks_[(type.empty() ? "of unknown type" : type) + " (" + chunk.part + ")"];
        }
    }

    void report()
    {
        const Location where{file_, 0, 0};
        for (const auto& [kind, count] : chunk_losses_.skipped)
            diagnostics_.warn(where, "docx-skip",
                              std::to_string(count) + " " + kind + (count == 1 ? " element" : " elements") +
                                  " in embedded HTML (w:altChunk) skipped");
        if (chunk_losses_.too_deep)
            diagnostics_.warn(where, "docx-skip",
                              std::to_string(chunk_losses_.too_deep) + " embedded HTML document" +
                                  (chunk_losses_.too_deep == 1 ? " (w:altChunk) nests" : "s (w:altChunk) nest") +
                                  " past 256 levels: what lies deeper is skipped");
        for (const auto& [kind, count] : unread_chunks_)
            diagnostics_.warn(where, "docx-chunk",
                              std::to_string(count) + " embedded document" + (count == 1 ? " " : "s ") + kind +
                                  " (w:altChunk) not imported: mimeo reads HTML and plain-text chunks");
        if (!dropped_comments_.empty())
            diagnostics_.warn(where, "docx-comments",
                              std::to_string(dropped_comments_.size()) +
                                  (dropped_comments_.size() == 1 ? " comment" : " comments") +
                                  " dropped (-I comments=notes keeps them as notes)");
        if (missing_notes_)
            diagnostics_.warn(where, "docx-skip", std::to_string(missing_notes_) + " references to missing notes skipped");
        if (replaced_)
            diagnostics_.warn(where, "control-char",
                              std::to_string(replaced_) + " characters XML cannot hold replaced with U+FFFD");
    }

    // ----- text -----

    std::string clean(std::string text)
    {
        replaced_ += model::clean_text(text);
        return text;
    }

    // Text alone: for code blocks (line breaks kept) and metadata (line breaks as spaces).
    std::string plain_text(const std::vector<Inline>& in, bool keep_breaks)
    {
        std::string out;
        for (const Inline& x : in) {
            switch (x.kind) {
            case InlineKind::text: out += x.text; break;
            case InlineKind::tab: out += keep_breaks ? "\t" : " "; break;
            case InlineKind::line_break: out += keep_breaks ? "\n" : " "; break;
            case InlineKind::link:
            case InlineKind::citation: out += plain_text(x.content, keep_breaks); break;
            case InlineKind::math: out += x.text; break;
            default: break;
            }
        }
        return out;
    }

    const WordDocument& doc_;
    ChunkLosses chunk_losses_;                  // what altChunks' HTML had that the model cannot hold
    std::map<std::string, int> unread_chunks_;  // altChunks of other kinds, by content type and part
    pugi::xml_node article_;
    Media& media_;
    const MapOptions& options_;
    Diagnostics& diagnostics_;
    const std::string& file_;
    ListCounters counters_;
    model::IdMaker ids_;  // every id given out or reserved for a bookmark
    std::set<std::string> anchors_;   // bookmarks already placed
    CitationFields citations_;
    std::vector<NoteRef> note_refs_;
    std::map<std::string, int> note_counts_;
    std::set<std::string> dropped_comments_;
    int missing_notes_ = 0;
    int replaced_ = 0;
    bool title_set_ = false, subtitle_set_ = false, authors_set_ = false, date_set_ = false;
    pugi::xml_node quote_run_, code_run_;  // the quote and code block the last paragraphs joined
};

}  // namespace

void map_to_model(const WordDocument& doc, pugi::xml_node article, Media& media, const MapOptions& options,
                  Diagnostics& diagnostics, const std::string& file)
{
    Mapper(doc, article, media, options, diagnostics, file).run();
}

}  // namespace mimeo::docx

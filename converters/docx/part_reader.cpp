#include "docx/part_reader.hpp"

#include <array>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "common/diagnostics.hpp"
#include "docx/edge_spacing.hpp"
#include "docx/fields.hpp"
#include "docx/math.hpp"
#include "docx/split_runs.hpp"
#include "docx/symbols.hpp"
#include "docx/table_grid.hpp"

namespace mimeo::docx {
namespace {

bool ends_with(std::string_view s, std::string_view end)
{
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// Markup that carries no content of its own: properties, range marks, proofing.
bool ignorable(std::string_view name)
{
    static const std::array<std::string_view, 20> names = {
        "w:pPr", "w:rPr", "w:tblPr", "w:tblGrid", "w:trPr", "w:tcPr", "w:sectPr", "w:sdtPr", "w:sdtEndPr",
        "w:bookmarkEnd", "w:proofErr", "w:permStart", "w:permEnd", "w:lastRenderedPageBreak", "w:tblPrEx",
        "w:customXmlPr", "w:smartTagPr", "w:footnoteRef", "w:endnoteRef", "w:annotationRef"};
    for (std::string_view n : names)
        if (n == name) return true;
    return ends_with(name, "RangeStart") || ends_with(name, "RangeEnd");
}

// Namespaces an mc:Choice may require for us to take it rather than its fallback.
bool understood(std::string_view required)
{
    static const std::array<std::string_view, 14> known = {"wps", "wpg", "wpc", "w14", "w15", "wp14", "a14",
                                                           "v",   "o",   "m",   "w",   "a",   "pic",  "wp"};
    std::size_t start = 0;
    while (start < required.size()) {
        std::size_t end = required.find(' ', start);
        if (end == std::string_view::npos) end = required.size();
        std::string_view prefix = required.substr(start, end - start);
        bool ok = prefix.empty();
        for (std::string_view k : known) ok = ok || k == prefix;
        if (!ok) return false;
        start = end + 1;
    }
    return true;
}

// mc:AlternateContent holds one content in several forms; one is read, never two.
pugi::xml_node choose(pugi::xml_node alternate)
{
    for (pugi::xml_node choice : alternate.children("mc:Choice"))
        if (understood(choice.attribute("Requires").value())) return choice;
    return alternate.child("mc:Fallback");
}

bool on(pugi::xml_node element)
{
    if (!element) return false;
    std::string_view v = element.attribute("w:val").value();
    return !(v == "0" || v == "false" || v == "off");
}

bool web_url(std::string_view url)
{
    return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

class Reader {
public:
    explicit Reader(PartContext& context) : c_(context) {}

    std::vector<Block> blocks(pugi::xml_node container)
    {
        std::vector<Block> out;
        block_children(container, out);
        return out;
    }

private:
    struct OpenField {
        std::string instruction;
        bool in_result = false;
        std::vector<Inline> result;
    };

    void skip(std::string_view name) { ++c_.losses.skipped[std::string(name)]; }

    bool keep_insertions() const { return !c_.reject_changes; }

    // ----- blocks -----

    void block_children(pugi::xml_node node, std::vector<Block>& out)
    {
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == "w:p") {
                Paragraph para = paragraph(child);
                std::string_view drop = child.child("w:pPr").child("w:framePr").attribute("w:dropCap").value();
                if (drop == "drop" || drop == "margin") {
                    for (Inline& x : para.inlines) drop_cap_.push_back(std::move(x));
                    continue;
                }
                if (!drop_cap_.empty()) {
                    para.inlines.insert(para.inlines.begin(), std::make_move_iterator(drop_cap_.begin()),
                                        std::make_move_iterator(drop_cap_.end()));
                    drop_cap_.clear();
                }
                out.push_back({std::move(para)});
            }
            else if (name == "w:tbl") out.push_back({table(child)});
            else if (name == "w:altChunk") alt_chunk(child, out);
            else if (name == "w:sdt") block_children(child.child("w:sdtContent"), out);
            else if (name == "w:customXml") block_children(child, out);
            else if (name == "w:ins" || name == "w:moveTo") {
                if (keep_insertions()) block_children(child, out);
            } else if (name == "w:del" || name == "w:moveFrom") {
                if (!keep_insertions()) block_children(child, out);
            } else if (name == "w:bookmarkStart") bookmark_between(child);
            else if (name == "mc:AlternateContent") block_children(choose(child), out);
            else if (name == "m:oMathPara") {
                Paragraph para;
                math_paragraph(child, para.inlines);
                out.push_back({std::move(para)});
            } else if (!ignorable(name)) skip(name);
        }
    }

    void alt_chunk(pugi::xml_node node, std::vector<Block>& out)
    {
        auto found = c_.relationships.find(node.attribute("r:id").value());
        if (!c_.read_chunk || found == c_.relationships.end() || found->second.external || !found->second.present) {
            skip("w:altChunk (its part is missing)");
            return;
        }
        out.push_back({c_.read_chunk(found->second.target)});
    }

    Paragraph paragraph(pugi::xml_node p)
    {
        Paragraph para;
        pugi::xml_node ppr = p.child("w:pPr");
        para.style_id = ppr.child("w:pStyle").attribute("w:val").value();
        if (pugi::xml_node num = ppr.child("w:numPr"); num.child("w:numId")) {
            para.numbering.num_id = num.child("w:numId").attribute("w:val").value();
            para.numbering.level = num.child("w:ilvl").attribute("w:val").as_int(0);
        } else {
            para.numbering = c_.styles.numbering(para.style_id);
            if (pugi::xml_node ilvl = num.child("w:ilvl")) para.numbering.level = ilvl.attribute("w:val").as_int(0);
        }
        if (pugi::xml_node outline = ppr.child("w:outlineLvl")) para.outline_level = outline.attribute("w:val").as_int(9);
        for (std::string& name : pending_bookmarks_) para.inlines.push_back(make_inline(InlineKind::bookmark, "", std::move(name)));
        pending_bookmarks_.clear();

        Paragraph* outer = paragraph_;
        paragraph_ = &para;
        inline_children(p, para.inlines);
        paragraph_ = outer;
        split_open_fields(para.inlines);
        resolve_fields(para.inlines);
        join_split_runs(para.inlines);
        int level = 0;
        if (c_.styles.role(para.style_id, &level) != StyleRole::code) trim_edges(para.inlines);  // code keeps its indent
        return para;
    }

    // A field still open at the end of a paragraph (a table of contents, say) gives
    // this paragraph what it has so far, and goes on in the next one.
    void split_open_fields(std::vector<Inline>& out)
    {
        if (fields_.empty()) return;
        std::vector<OpenField> open = std::move(fields_);
        fields_.clear();
        for (OpenField& field : open) {
            if (!field.in_result) break;  // still in its instruction: nothing shown yet
            Inline done = make_inline(InlineKind::field);
            done.target = field.instruction;
            done.content = std::move(field.result);
            emit(std::move(done), out);
            fields_.push_back({field.instruction, true, {}});
        }
        for (std::size_t i = fields_.size(); i < open.size(); ++i) fields_.push_back(std::move(open[i]));
    }

    Table table(pugi::xml_node tbl)
    {
        Table t;
        t.style_id = tbl.child("w:tblPr").child("w:tblStyle").attribute("w:val").value();
        for (pugi::xml_node col : tbl.child("w:tblGrid").children("w:gridCol")) {
            (void)col;
            ++t.grid_columns;
        }
        pugi::xml_node look = tbl.child("w:tblPr").child("w:tblLook");
        if (pugi::xml_attribute first = look.attribute("w:firstRow")) t.first_row_look = first.as_bool();
        else t.first_row_look = (std::strtoul(look.attribute("w:val").value(), nullptr, 16) & 0x20) != 0;
        rows(tbl, t.rows);
        resolve_grid(t);
        return t;
    }

    void rows(pugi::xml_node node, std::vector<Row>& out)
    {
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == "w:tr") {
                pugi::xml_node trpr = child.child("w:trPr");
                // A row inserted or deleted under tracked changes.
                if (trpr.child(keep_insertions() ? "w:del" : "w:ins")) continue;
                Row row;
                row.header = on(trpr.child("w:tblHeader"));
                row.grid_before = trpr.child("w:gridBefore").attribute("w:val").as_int(0);
                cells(child, row.cells);
                out.push_back(std::move(row));
            } else if (name == "w:sdt") rows(child.child("w:sdtContent"), out);
            else if (name == "w:customXml") rows(child, out);
            else if (name == "w:bookmarkStart") bookmark_between(child);
            else if (!ignorable(name)) skip(name);
        }
    }

    void cells(pugi::xml_node node, std::vector<Cell>& out)
    {
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == "w:tc") {
                Cell cell;
                pugi::xml_node tcpr = child.child("w:tcPr");
                cell.grid_span = std::max(1, tcpr.child("w:gridSpan").attribute("w:val").as_int(1));
                if (pugi::xml_node merge = tcpr.child("w:vMerge"))
                    cell.merge = std::string_view(merge.attribute("w:val").value()) == "restart" ? VerticalMerge::restart
                                                                                               : VerticalMerge::next;
                cell.blocks = blocks(child);
                out.push_back(std::move(cell));
            } else if (name == "w:sdt") cells(child.child("w:sdtContent"), out);
            else if (name == "w:customXml") cells(child, out);
            else if (!ignorable(name)) skip(name);
        }
    }

    // ----- inlines -----

    // Inlines go to the innermost open field's result, are dropped while in a
    // field's instruction, and otherwise go to `out`.
    void emit(Inline item, std::vector<Inline>& out)
    {
        if (fields_.empty()) out.push_back(std::move(item));
        else if (fields_.back().in_result) fields_.back().result.push_back(std::move(item));
    }

    void inline_children(pugi::xml_node node, std::vector<Inline>& out)
    {
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == "w:r") run(child, out);
            else if (name == "w:hyperlink") hyperlink(child, out);
            else if (name == "w:fldSimple") {
                Inline field = make_inline(InlineKind::field);
                field.target = child.attribute("w:instr").value();
                std::vector<OpenField> outer = std::move(fields_);
                fields_.clear();
                inline_children(child, field.content);
                fields_ = std::move(outer);
                emit(std::move(field), out);
            } else if (name == "w:smartTag" || name == "w:customXml" || name == "w:dir" || name == "w:bdo")
                inline_children(child, out);
            else if (name == "w:sdt") inline_children(child.child("w:sdtContent"), out);
            else if (name == "w:ins" || name == "w:moveTo") {
                if (keep_insertions()) inline_children(child, out);
            } else if (name == "w:del" || name == "w:moveFrom") {
                if (!keep_insertions()) inline_children(child, out);
            } else if (name == "w:bookmarkStart") {
                if (!cursor_mark(child)) emit(make_inline(InlineKind::bookmark, "", child.attribute("w:name").value()), out);
            } else if (name == "m:oMath") {
                emit(math(child, false), out);
            } else if (name == "m:oMathPara") math_paragraph(child, out);
            else if (name == "mc:AlternateContent") inline_children(choose(child), out);
            else if (!ignorable(name)) skip(name);
        }
    }

    void math_paragraph(pugi::xml_node para, std::vector<Inline>& out)
    {
        for (pugi::xml_node formula : para.children("m:oMath")) emit(math(formula, true), out);
    }

    static Inline math(pugi::xml_node formula, bool display)
    {
        Inline item = make_inline(InlineKind::math, omml_to_tex(formula), display ? "block" : "inline");
        pugi::xml_document mathml;
        omml_to_mathml(formula, display, mathml);
        std::ostringstream written;
        mathml.first_child().print(written, "", pugi::format_raw);
        item.mathml = written.str();
        return item;
    }

    void hyperlink(pugi::xml_node link, std::vector<Inline>& out)
    {
        Inline item = make_inline(InlineKind::link);
        if (const char* id = link.attribute("r:id").value(); *id) {
            auto rel = c_.relationships.find(id);
            if (rel != c_.relationships.end()) item.target = rel->second.target;
        }
        if (const char* anchor = link.attribute("w:anchor").value(); *anchor) item.target += std::string("#") + anchor;
        if (item.target.empty()) {
            inline_children(link, out);
            return;
        }
        // A link's text belongs to the link even when the link sits inside a field result.
        std::vector<OpenField> outer = std::move(fields_);
        fields_.clear();
        inline_children(link, item.content);
        fields_ = std::move(outer);
        emit(std::move(item), out);
    }

    void run(pugi::xml_node r, std::vector<Inline>& out)
    {
        pugi::xml_node rpr = r.child("w:rPr");
        RunProperties direct;
        read_run_properties(rpr, direct);
        RunFormat format = c_.styles.run_format(rpr.child("w:rStyle").attribute("w:val").value(), direct);
        const std::string font = rpr.child("w:rFonts").attribute("w:ascii").value();
        symbol_font_ = is_symbol_font(font) ? font : "";
        run_content(r, format, out);
        symbol_font_.clear();
    }

    void text(std::string value, const RunFormat& format, std::vector<Inline>& out)
    {
        if (value.empty()) return;
        if (!symbol_font_.empty()) value = symbol_font_text(symbol_font_, value, c_.losses.unmapped_symbols);
        emit(make_inline(InlineKind::text, std::move(value), "", format), out);
    }

    void run_content(pugi::xml_node node, const RunFormat& format, std::vector<Inline>& out)
    {
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == "w:t" || name == "w:delText") text(child.text().get(), format, out);
            else if (name == "w:instrText" || name == "w:delInstrText") {
                if (!fields_.empty() && !fields_.back().in_result) fields_.back().instruction += child.text().get();
            } else if (name == "w:fldChar") field_char(child, out);
            else if (name == "w:tab" || name == "w:ptab") emit(make_inline(InlineKind::tab, "", "", format), out);
            else if (name == "w:br") {
                std::string_view type = child.attribute("w:type").value();
                if (type != "page" && type != "column") emit(make_inline(InlineKind::line_break, "", "", format), out);
            } else if (name == "w:cr") emit(make_inline(InlineKind::line_break, "", "", format), out);
            else if (name == "w:sym") {
                std::string symbol = symbol_text(child.attribute("w:font").value(), child.attribute("w:char").value(),
                                                 c_.losses.unmapped_symbols);
                if (symbol.empty()) skip("w:sym");
                text(symbol, format, out);
            } else if (name == "w:noBreakHyphen") text("\u2011", format, out);
            else if (name == "w:softHyphen") text("\u00AD", format, out);
            else if (name == "w:footnoteReference") emit(make_inline(InlineKind::footnote_ref, "", child.attribute("w:id").value()), out);
            else if (name == "w:endnoteReference") emit(make_inline(InlineKind::endnote_ref, "", child.attribute("w:id").value()), out);
            else if (name == "w:commentReference") emit(make_inline(InlineKind::comment_ref, "", child.attribute("w:id").value()), out);
            else if (name == "w:drawing") drawing(child, out);
            else if (name == "w:pict" || name == "w:object") vml(child, out);
            else if (name == "mc:AlternateContent") run_content(choose(child), format, out);
            else if (name == "w:ruby") inline_children(child.child("w:rubyBase"), out);
            else if (name == "w:separator" || name == "w:continuationSeparator" || name == "w:pgNum" ||
                     name.rfind("w:day", 0) == 0 || name.rfind("w:month", 0) == 0 || name.rfind("w:year", 0) == 0)
                continue;  // note separators and date/page placeholders: layout, not content
            else if (!ignorable(name)) skip(name);
        }
    }

    void field_char(pugi::xml_node fld, std::vector<Inline>& out)
    {
        std::string_view type = fld.attribute("w:fldCharType").value();
        if (type == "begin") {
            // A field inside another's instruction (IF, INCLUDETEXT ...) only shapes that
            // instruction; it is tracked so that its end is matched.
            fields_.push_back({});
        } else if (type == "separate") {
            if (!fields_.empty()) fields_.back().in_result = true;
        } else if (type == "end") {
            if (fields_.empty()) return;
            OpenField field = std::move(fields_.back());
            fields_.pop_back();
            Inline done = make_inline(InlineKind::field);
            done.target = std::move(field.instruction);
            done.content = std::move(field.result);
            emit(std::move(done), out);
        }
    }

    // ----- pictures and text boxes -----

    void drawing(pugi::xml_node d, std::vector<Inline>& out)
    {
        for (pugi::xml_node frame : d.children()) {
            pugi::xml_node doc_pr = frame.child("wp:docPr");
            graphic(frame.child("a:graphic").child("a:graphicData"), doc_pr.attribute("descr").value(),
                    doc_pr.attribute("title").value(), out);
        }
    }

    void graphic(pugi::xml_node node, const std::string& alt, const std::string& title, std::vector<Inline>& out)
    {
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == "pic:pic") {
                pugi::xml_node blip = child.child("pic:blipFill").child("a:blip");
                const char* id = blip.attribute("r:embed").value();
                if (!*id) id = blip.attribute("r:link").value();
                image(id, alt, title, out);
            } else if (name == "wps:wsp") {
                if (pugi::xml_node box = child.child("wps:txbx").child("w:txbxContent")) text_box(box);
            } else if (name == "wpg:wgp" || name == "wpg:grpSp" || name == "wpc:wpc") graphic(child, alt, title, out);
            else if (name == "mc:AlternateContent") graphic(choose(child), alt, title, out);
            else if (name == "c:chart") skip("c:chart");
            else if (name == "dgm:relIds") skip("dgm:relIds (SmartArt)");
            else if (!ends_with(name, "Pr") && !ends_with(name, "SpPr")) skip(name);
        }
    }

    // VML, as in w:pict and the preview of an embedded object (w:object).
    void vml(pugi::xml_node node, std::vector<Inline>& out)
    {
        bool found = false;
        vml_content(node, "", out, found);
        if (!found && std::string_view(node.name()) == "w:object") skip("w:object");
    }

    void vml_content(pugi::xml_node node, const std::string& alt, std::vector<Inline>& out, bool& found)
    {
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == "v:imagedata") {
                const char* id = child.attribute("r:id").value();
                if (!*id) id = child.attribute("o:relid").value();
                if (*id) {
                    image(id, alt, child.attribute("o:title").value(), out);
                    found = true;
                }
            } else if (name == "w:txbxContent") {
                text_box(child);
                found = true;
            } else if (name == "w:drawing") {
                drawing(child, out);
                found = true;
            } else {
                const char* shape_alt = child.attribute("alt").value();
                vml_content(child, *shape_alt ? shape_alt : alt, out, found);
            }
        }
    }

    void image(const std::string& id, const std::string& alt, const std::string& title, std::vector<Inline>& out)
    {
        auto rel = c_.relationships.find(id);
        if (id.empty() || rel == c_.relationships.end()) {
            skip("image without a relationship");
            return;
        }
        // A picture linked to a file: its path could point anywhere on the machine, so it is
        // named in a warning and never read. Only a web address may stand in the model.
        if (rel->second.external && !web_url(rel->second.target)) {
            c_.losses.linked_images.push_back(rel->second.target);
            return;
        }
        if (!rel->second.external && !rel->second.present) {
            skip("image whose part is missing");
            return;
        }
        Inline item = make_inline(InlineKind::image);
        item.target = rel->second.target;
        item.external = rel->second.external;
        item.alt = alt;
        item.title = title;
        emit(std::move(item), out);
    }

    void text_box(pugi::xml_node content)
    {
        if (!paragraph_) return;
        Paragraph* anchor = paragraph_;
        std::vector<OpenField> outer = std::move(fields_);
        fields_.clear();
        std::vector<Block> box = blocks(content);
        fields_ = std::move(outer);
        paragraph_ = anchor;
        for (Block& b : box) anchor->text_boxes.push_back(std::move(b));
    }

    PartContext& c_;
    std::vector<OpenField> fields_;
    std::vector<std::string> pending_bookmarks_;  // bookmarks between paragraphs: they mark the next one

    // _GoBack marks where Word's cursor last was, not a place anyone links to.
    static bool cursor_mark(pugi::xml_node bookmark) { return std::string_view(bookmark.attribute("w:name").value()) == "_GoBack"; }

    void bookmark_between(pugi::xml_node bookmark)
    {
        if (!cursor_mark(bookmark)) pending_bookmarks_.push_back(bookmark.attribute("w:name").value());
    }
    Paragraph* paragraph_ = nullptr;              // the paragraph being read: text boxes attach to it
    std::string symbol_font_;                     // the run's font, when it is a symbol font
    std::vector<Inline> drop_cap_;                // a drop cap is a paragraph of its own, read into the next
};

}  // namespace

std::vector<Block> read_blocks(pugi::xml_node container, PartContext& context)
{
    return Reader(context).blocks(container);
}

}  // namespace mimeo::docx

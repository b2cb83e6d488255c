// Stage one's result: a faithful model of the Word document, close to OOXML.
// Word's quirks (fields spread over runs, tracked changes, alternate content,
// style inheritance) are settled while building it; what the content *means*
// (sections, lists, figures, metadata) is decided later, in to_model.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mimeo::docx {

// A run's formatting after its character style and direct formatting are combined.
struct RunFormat {
    bool bold = false, italic = false, underline = false, strike = false, smallcaps = false, code = false;
    int vertical = 0;  // 1 superscript, -1 subscript
    bool operator==(const RunFormat&) const = default;
};

enum class InlineKind {
    text,          // `text`
    tab,
    line_break,
    footnote_ref,  // `target`: Word's note id
    endnote_ref,
    comment_ref,   // `target`: Word's comment id
    image,         // `target`: a part name, or the URL of a linked image when `external`
    link,          // `target`: URL, or "#bookmark"; `content`: the link text
    bookmark,      // `target`: the bookmark's name
    field,         // `target`: the field instruction; `content`: its result
    math,          // `text`: TeX; `mathml`: the same as MathML
    citation,      // `target`: a citation field's instruction (docx/citations.hpp); `content`: its result
};

struct Inline {
    InlineKind kind = InlineKind::text;
    RunFormat format;
    std::string text;
    std::string target;
    bool external = false;
    std::string alt, title;  // images
    std::string mathml;      // math: its <mml:math>, written out
    std::vector<Inline> content;
};

// Only spacing (no-break spaces too): Word's layout rather than text.
inline bool blank(std::string_view text) { return text.find_first_not_of(" \t\n\r\u00A0") == std::string_view::npos; }

inline Inline make_inline(InlineKind kind, std::string text = {}, std::string target = {}, RunFormat format = {})
{
    Inline item;
    item.kind = kind;
    item.text = std::move(text);
    item.target = std::move(target);
    item.format = format;
    return item;
}

struct Block;

struct NumberingRef {
    std::string num_id;  // empty: not numbered
    int level = 0;
};

struct Paragraph {
    std::string style_id;
    std::optional<int> outline_level;  // direct w:outlineLvl, 0-based
    NumberingRef numbering;            // direct w:numPr, or inherited from the style
    std::vector<Inline> inlines;
    // Text boxes anchored in this paragraph, in order; they read after it.
    std::vector<Block> text_boxes;
};

enum class VerticalMerge { none, restart, next };

struct Cell {
    int grid_span = 1;
    VerticalMerge merge = VerticalMerge::none;
    int row_span = 1;      // resolve_grid: the rows a restarted vMerge run covers
    bool covered = false;  // resolve_grid: a continued cell under another's span, not a cell of its own
    std::vector<Block> blocks;
};

struct Row {
    bool header = false;  // w:tblHeader: repeats on every page, so it heads the table
    int grid_before = 0;
    std::vector<Cell> cells;
};

struct Table {
    std::string style_id;
    int grid_columns = 0;  // from w:tblGrid; 0 when it has none
    int columns = 0;       // resolve_grid: the widest of the grid and the rows
    bool first_row_look = false;  // w:tblLook firstRow: the table style sets the first row apart
    std::vector<Row> rows;
};

// w:altChunk: another document embedded as it was (HTML, RTF, plain text, a .docx ...).
struct Chunk {
    std::string part;          // its part name, for messages
    std::string content_type;  // from [Content_Types].xml
    std::string bytes;
};

struct Block {
    std::variant<Paragraph, Table, Chunk> value;
};

// Document properties from docProps/core.xml and docProps/app.xml, as written.
struct Properties {
    std::string title, subject, creator, keywords, description, created, manager;
};

}  // namespace mimeo::docx

#include "text/table_text.hpp"

#include <algorithm>
#include <numeric>
#include <string_view>

#include "model/model.hpp"
#include "text/width.hpp"

namespace mimeo::text {
namespace {

constexpr int gap = 2;  // spaces between columns

struct Cell {
    std::string text;
    std::size_t column = 0;
    std::size_t span = 1;
    std::string align;
};

struct Grid {
    std::vector<std::vector<Cell>> rows;
    std::size_t header_rows = 0;
    std::size_t columns = 0;
};

std::string cell_text(pugi::xml_node cell, References& references)
{
    bool has_blocks = false;
    for (pugi::xml_node child : cell.children())
        if (child.type() == pugi::node_element && std::string_view(child.name()) == "p") has_blocks = true;
    if (!has_blocks) return inline_text(cell, references);
    std::string text;
    for (pugi::xml_node child : cell.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string part = std::string_view(child.name()) == "p" ? inline_text(child, references)
                                                                 : collapse_spaces(model::text_of(child));
        if (!part.empty()) text += (text.empty() ? "" : "\n") + part;
    }
    return text;
}

// Places cells on a grid, skipping the columns that cells above span into.
Grid read_grid(pugi::xml_node table, References& references)
{
    Grid grid;
    std::vector<std::string> column_align;
    for (pugi::xml_node column : table.children("column")) column_align.push_back(column.attribute("align").value());
    std::vector<int> rows_left;  // per column: rows still covered by a rowspan from above
    auto add_rows = [&](pugi::xml_node group) {
        for (pugi::xml_node row : group.children("row")) {
            std::vector<Cell> cells;
            std::size_t column = 0;
            for (pugi::xml_node cell : row.children("cell")) {
                while (column < rows_left.size() && rows_left[column] > 0) ++column;
                Cell c;
                c.text = cell_text(cell, references);
                c.column = column;
                c.span = static_cast<std::size_t>(std::max(1, cell.attribute("colspan").as_int(1)));
                c.align = cell.attribute("align").value();
                if (c.align.empty() && column < column_align.size()) c.align = column_align[column];
                const int rowspan = std::max(1, cell.attribute("rowspan").as_int(1));
                if (rows_left.size() < column + c.span) rows_left.resize(column + c.span, 0);
                for (std::size_t i = column; i < column + c.span; ++i) rows_left[i] = rowspan;
                column += c.span;
                cells.push_back(std::move(c));
            }
            for (int& left : rows_left) left = std::max(0, left - 1);
            grid.columns = std::max(grid.columns, column);
            grid.rows.push_back(std::move(cells));
        }
    };
    add_rows(table.child("head"));
    grid.header_rows = grid.rows.size();
    add_rows(table.child("rows"));
    grid.columns = std::max({grid.columns, column_align.size(), std::size_t{1}});
    return grid;
}

int widest_line(const std::vector<WrappedLine>& lines)
{
    int widest = 0;
    for (const auto& line : lines) widest = std::max(widest, display_width(line.text));
    return widest;
}

int span_width(const std::vector<int>& widths, const Cell& cell)
{
    int total = 0;
    for (std::size_t i = cell.column; i < cell.column + cell.span && i < widths.size(); ++i) total += widths[i];
    return total + gap * static_cast<int>(cell.span - 1);
}

// Natural column widths, then the widest columns narrowed (no further than their
// longest word) until the table fits.
std::vector<int> column_widths(const Grid& grid, int room)
{
    std::vector<int> natural(grid.columns, 1), minimum(grid.columns, 1);
    for (int pass = 0; pass < 2; ++pass) {  // single cells first, then spans widen their last column
        for (const auto& row : grid.rows) {
            for (const Cell& cell : row) {
                if ((cell.span == 1) != (pass == 0) || cell.column >= grid.columns) continue;
                const int want = widest_line(wrap(cell.text, 1 << 20));
                const int word = widest_line(wrap(cell.text, 1));
                const std::size_t last = std::min(cell.column + cell.span, grid.columns) - 1;
                if (cell.span == 1) {
                    natural[last] = std::max(natural[last], want);
                    minimum[last] = std::max(minimum[last], word);
                } else if (int have = span_width(natural, cell); have < want) {
                    natural[last] += want - have;
                }
            }
        }
    }
    std::vector<int> widths = natural;
    int total = std::accumulate(widths.begin(), widths.end(), 0) + gap * static_cast<int>(grid.columns - 1);
    while (total > room) {
        std::size_t widest = grid.columns;
        for (std::size_t i = 0; i < grid.columns; ++i)
            if (widths[i] > minimum[i] && (widest == grid.columns || widths[i] > widths[widest])) widest = i;
        if (widest == grid.columns) break;  // every column at its longest word: the table stays wide
        --widths[widest];
        --total;
    }
    return widths;
}

std::string aligned(const std::string& text, int width, std::string_view align)
{
    const int pad = std::max(0, width - display_width(text));
    int left = align == "right" ? pad : align == "center" ? pad / 2 : 0;
    return std::string(static_cast<std::size_t>(left), ' ') + text + std::string(static_cast<std::size_t>(pad - left), ' ');
}

void write_row(Layout& out, const std::vector<Cell>& row, const std::vector<int>& widths)
{
    std::vector<std::vector<WrappedLine>> wrapped;
    std::size_t height = 1;
    for (const Cell& cell : row) {
        wrapped.push_back(wrap(cell.text, span_width(widths, cell)));
        height = std::max(height, wrapped.back().size());
    }
    for (std::size_t line = 0; line < height; ++line) {
        std::string text;
        std::size_t column = 0;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const Cell& cell = row[i];
            for (; column < cell.column; ++column) text += std::string(static_cast<std::size_t>(widths[column] + gap), ' ');
            const std::string& words = line < wrapped[i].size() ? wrapped[i][line].text : std::string();
            text += aligned(words, span_width(widths, cell), cell.align) + std::string(gap, ' ');
            column = cell.column + cell.span;
        }
        out.literal(text);
    }
}

}  // namespace

void write_table(Layout& out, pugi::xml_node table, References& references)
{
    const Grid grid = read_grid(table, references);
    const std::string lead = model::caption_lead(table), words = inline_text(table.child("caption"), references);
    if (!lead.empty() || !words.empty()) {
        out.paragraph(lead.empty() || words.empty() ? lead + words : lead + " " + words);
        out.blank_line();
    }
    const std::vector<int> widths = column_widths(grid, out.available());
    for (std::size_t r = 0; r < grid.rows.size(); ++r) {
        write_row(out, grid.rows[r], widths);
        if (r + 1 == grid.header_rows) {
            std::string rule;
            for (int w : widths) rule += std::string(static_cast<std::size_t>(w), '-') + std::string(gap, ' ');
            out.literal(rule);
        }
    }
}

}  // namespace mimeo::text

#include "docx/table_grid.hpp"

#include <algorithm>
#include <vector>

namespace mimeo::docx {

void resolve_grid(Table& t)
{
    // Each cell's first grid column, so that a vMerge run can be followed down its column.
    const std::size_t row_count = t.rows.size();
    std::vector<std::vector<int>> starts(row_count);
    int columns = t.grid_columns;
    for (std::size_t r = 0; r < row_count; ++r) {
        int col = t.rows[r].grid_before;
        for (const Cell& cell : t.rows[r].cells) {
            starts[r].push_back(col);
            col += cell.grid_span;
        }
        columns = std::max(columns, col);
    }
    t.columns = columns;
    auto merge_at = [&](std::size_t r, int col) {
        for (std::size_t k = 0; k < starts[r].size(); ++k)
            if (starts[r][k] == col) return t.rows[r].cells[k].merge;
        return VerticalMerge::none;
    };
    for (std::size_t r = 0; r < row_count; ++r)
        for (std::size_t k = 0; k < t.rows[r].cells.size(); ++k) {
            Cell& cell = t.rows[r].cells[k];
            const int col = starts[r][k];
            // A continued cell is covered by the cell above it, unless nothing there starts or
            // continues a run: then it stands as a cell of its own.
            if (cell.merge == VerticalMerge::next && r > 0 && merge_at(r - 1, col) != VerticalMerge::none) {
                cell.covered = true;
                continue;
            }
            if (cell.merge == VerticalMerge::restart)
                while (r + cell.row_span < row_count && merge_at(r + cell.row_span, col) == VerticalMerge::next)
                    ++cell.row_span;
        }
}

}  // namespace mimeo::docx

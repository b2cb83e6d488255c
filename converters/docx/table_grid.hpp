// Stage one: Word's table grid resolved. Word says how far a cell spans across (gridSpan)
// but a vertical span only as a run of cells each marked "continue" (vMerge) below one
// marked "restart"; after resolve_grid, each cell says its own row span, the cells a span
// covers say so, and the table knows its width, so stage two only maps meaning.
#pragma once

#include "docx/document.hpp"

namespace mimeo::docx {

void resolve_grid(Table& table);

}  // namespace mimeo::docx

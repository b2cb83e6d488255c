// `pandoc` (or `--to pandoc:FORMAT`): the issue through pandoc's writer for `to`
// (odt, docx, latex, rst, ...), as canonical model -> pandoc JSON -> `pandoc -f json`.
#pragma once

#include "format/format.hpp"

namespace mimeo::pandoc {

Exporter exporter();

}  // namespace mimeo::pandoc

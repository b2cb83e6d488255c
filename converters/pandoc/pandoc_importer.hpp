// `pandoc`: every format pandoc reads (ODT, HTML, LaTeX, reStructuredText, Org,
// DocBook, EPUB, RTF, ...), through `pandoc -f FORMAT -t json` as an external tool.
#pragma once

#include "format/format.hpp"

namespace mimeo::pandoc {

// Claims every extension pandoc_formats knows; the registry leaves to native importers
// the ones they claim.
Importer importer();

}  // namespace mimeo::pandoc

// `epub`: the issue as one EPUB 3 (masthead, every article, pop-up notes), or with
// `per-article: true` one EPUB per article in the target folder.
#pragma once

#include "format/format.hpp"

namespace mimeo::epub {

Exporter exporter();

}  // namespace mimeo::epub

// Stage one: the package's parts, read into a WordDocument.
#pragma once

#include "docx/word_document.hpp"
#include "docx/zip_package.hpp"

namespace mimeo::docx {

struct ReadOptions {
    bool reject_changes = false;
};

// Throws mimeo::Error when the package holds no readable main document.
WordDocument read_word_document(Package& package, const ReadOptions& options);

}  // namespace mimeo::docx

// Stage two: what the Word document means, in the canonical model. Styles become
// sections, quotes, captions and code; numbered paragraphs become lists; an image
// alone in its paragraph becomes a figure; properties become metadata.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "common/diagnostics.hpp"
#include "docx/media.hpp"
#include "docx/word_document.hpp"

namespace mimeo::docx {

struct MapOptions {
    bool comments_as_notes = false;
};

// Fills `article` (from model::new_article) and registers its pictures with `media`.
// Warns, naming `file`, about what it had to leave out.
void map_to_model(const WordDocument& doc, pugi::xml_node article, Media& media, const MapOptions& options,
                  Diagnostics& diagnostics, const std::string& file);

}  // namespace mimeo::docx

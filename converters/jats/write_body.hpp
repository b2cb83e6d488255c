// The canonical model's blocks and inlines as JATS body elements.
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <map>
#include <string>

#include "common/diagnostics.hpp"

namespace mimeo::jats {

struct BodyWriter {
    Diagnostics& diagnostics;
    Location where;  // the JATS file being written, for warnings
    // The xlink:href an image's src becomes (the exporter copies the image beside the article).
    std::function<std::string(const std::string& src)> image_href;
    std::map<std::string, std::string> note_labels;  // note id -> its number, shown in <xref> and <fn>
    int raw_count = 0;  // raw fragments kept as processing instructions, for one warning per article
    std::map<std::string, int> made_ids;  // ids given to figures and tables that had none, by prefix
};

// Appends the JATS of the blocks of `container` (a <body>, <note>, <cell>, ...) to `parent`,
// wrapping what `parent` may not hold directly in a <p>.
void write_blocks(pugi::xml_node container, pugi::xml_node parent, BodyWriter& writer);

// Appends the JATS of the inline content of `element` (a <p>, <title>, <caption>, ...) to `parent`.
void write_inlines(pugi::xml_node element, pugi::xml_node parent, BodyWriter& writer);

}  // namespace mimeo::jats

// JATS 1.3 Archiving and Interchange: `jats` exports one file per article (with its
// images, or zipped), imports JATS back into the model, and `mimeo check` validates it.
#pragma once

#include "format/format.hpp"

namespace mimeo::jats {

Exporter exporter();
Importer importer();
Checker checker();

// True for the start of a JATS file: an <article> root outside mimeo's namespace.
bool looks_like_jats(std::string_view head);

}  // namespace mimeo::jats

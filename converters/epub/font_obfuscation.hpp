// IDPF font obfuscation (EPUB Open Container Format, "Resource Obfuscation"): the first 1040
// bytes of an embedded font XORed with the SHA-1 of the book's unique identifier, so that a
// font licensed for embedding cannot be lifted from the book as it is. Reading systems undo it.
#pragma once

#include <string>
#include <vector>

namespace mimeo::epub {

// Obfuscates `font` in place under `identifier` (the package's unique identifier); applying it
// twice gives the font back.
void obfuscate_font(std::string& font, const std::string& identifier);

// META-INF/encryption.xml naming each obfuscated file by its path in the container.
std::string encryption_xml(const std::vector<std::string>& paths);

}  // namespace mimeo::epub

// Unicode 7.0's mapping of the symbol fonts Symbol, Wingdings, Wingdings 2, Wingdings 3 and
// Webdings (the fonts' codes 0x20-0xFF to Unicode scalar values), as npm's well-kept
// dingbat-to-unicode package holds it; generated into C++ when the build is configured.
#pragma once

#include <map>
#include <string>
#include <unordered_map>

namespace mimeo::docx {

// By upper-case font name: "SYMBOL", "WINGDINGS", "WINGDINGS 2", "WINGDINGS 3", "WEBDINGS".
const std::map<std::string, std::unordered_map<unsigned, char32_t>>& dingbat_tables();

}  // namespace mimeo::docx

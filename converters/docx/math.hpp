// Office Math (m:oMath) as TeX, for the model's <math>: fractions, scripts,
// radicals, n-ary operators, delimiters, functions, accents and matrices.
// Anything else contributes its text, so no symbol is lost.
#pragma once

#include <pugixml.hpp>

#include <string>

namespace mimeo::docx {

std::string omml_to_tex(pugi::xml_node math);

}  // namespace mimeo::docx

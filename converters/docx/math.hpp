// Office Math (m:oMath) for the model's <math>, as TeX and as MathML: fractions, scripts,
// radicals, n-ary operators, delimiters, functions, accents, bars, limits, group characters,
// boxes, matrices and equation arrays. Anything else contributes its text, so no symbol is lost.
#pragma once

#include <pugixml.hpp>

#include <string>

namespace mimeo::docx {

std::string omml_to_tex(pugi::xml_node math);

// Appends the <mml:math> (display="block" for a math paragraph's) to `out`.
void omml_to_mathml(pugi::xml_node math, bool display, pugi::xml_node out);

}  // namespace mimeo::docx

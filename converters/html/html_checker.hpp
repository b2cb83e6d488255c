// The `html` check: the W3C Nu Html Checker (vnu.jar, installed by npm from the vnu-jar
// package), the validator behind validator.w3.org/nu.
#pragma once

#include "format/format.hpp"

namespace mimeo::html {

Checker checker();

}  // namespace mimeo::html

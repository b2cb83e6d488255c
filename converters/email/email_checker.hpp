// `mimeo check x.eml`: the header fields a list message needs, its MIME structure,
// its encodings, and its line lengths.
#pragma once

#include "format/format.hpp"

namespace mimeo::email {

Checker checker();

}  // namespace mimeo::email

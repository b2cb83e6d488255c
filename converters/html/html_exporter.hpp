// `html`: the whole issue as one page (masthead, contents, every article), or with
// `fragment: true` only the articles' body content.
#pragma once

#include "format/format.hpp"

namespace mimeo::html {

Exporter exporter();

}  // namespace mimeo::html

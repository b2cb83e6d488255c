// The default stylesheet of the HTML page.
#pragma once

namespace mimeo::html {

extern const char* const page_stylesheet;

}  // namespace mimeo::html

// format=flowed (RFC 3676): laid-out lines as a text/plain body whose soft breaks
// end in a space, so that mail readers can reflow paragraphs to their window.
#pragma once

#include <string>
#include <vector>

#include "text/layout.hpp"

namespace mimeo::email {

struct FlowedBody {
    std::string text;    // '\n' line ends
    bool delsp = false;  // DelSp=yes: some soft breaks fall between characters with no space
};

// Quote marks ">" per depth, then a space; space-stuffing for lines that start with
// a space, ">" or "From "; soft breaks as a trailing space (two at a space break
// under DelSp=yes: the kept space and the one readers delete). "-- " stays as it is.
FlowedBody flowed(const std::vector<text::Line>& lines);

}  // namespace mimeo::email

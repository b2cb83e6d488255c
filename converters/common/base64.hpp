// Base64 (RFC 4648, section 4) of bytes: MIME bodies and header words, and the data: URIs
// in which images reach pandoc's writers.
#pragma once

#include <string>
#include <string_view>

namespace mimeo {

// Plain base64, padded, without line breaks.
std::string base64(std::string_view bytes);

}  // namespace mimeo

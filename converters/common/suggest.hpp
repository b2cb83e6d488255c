// "Did you mean ...?" for a name mimeo does not know: a command, a format, an option, a key.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mimeo {

// " (did you mean 'epub'?)" when one known name is within a couple of edits of `given`
// (case aside), else "".
std::string did_you_mean(std::string_view given, const std::vector<std::string>& known);

}  // namespace mimeo

// A person or desk as a publication's `editor` names them, in the forms mail and feeds use.
#pragma once

#include <string>
#include <string_view>

namespace mimeo::model {

struct NamedAddress {
    std::string name;
    std::string email;
};

// "editors@x.org (The Editors)", "The Editors <editors@x.org>", "editors@x.org" or a bare name
// ("The Editors (weekdays)", with no address, is a name).
NamedAddress parse_named_address(std::string_view text);

}  // namespace mimeo::model

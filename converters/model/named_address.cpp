#include "model/named_address.hpp"

namespace mimeo::model {
namespace {

std::string trim(std::string_view text)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

}  // namespace

NamedAddress parse_named_address(std::string_view text)
{
    std::string value = trim(text);
    NamedAddress person;
    if (value.empty()) return person;
    if (auto open = value.find('('); open != std::string::npos && value.back() == ')') {
        person.email = trim(value.substr(0, open));
        person.name = trim(value.substr(open + 1, value.size() - open - 2));
    } else if (auto lt = value.find('<'); lt != std::string::npos && value.back() == '>') {
        person.name = trim(value.substr(0, lt));
        person.email = trim(value.substr(lt + 1, value.size() - lt - 2));
    } else if (value.find('@') != std::string::npos && value.find(' ') == std::string::npos) {
        person.email = value;
    } else {
        person.name = value;
    }
    // "Name (note)" without an address is a name.
    if (!person.email.empty() && person.email.find('@') == std::string::npos) {
        person.name = value;
        person.email.clear();
    }
    return person;
}

}  // namespace mimeo::model

#include "model/ids.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "model/model.hpp"

namespace mimeo::model {
namespace {

bool ascii_ncname(std::string_view id)
{
    auto letter = [](unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    if (id.empty() || !(letter(static_cast<unsigned char>(id[0])) || id[0] == '_')) return false;
    return std::all_of(id.begin(), id.end(), [&](char c) {
        const unsigned char u = static_cast<unsigned char>(c);
        return letter(u) || (u >= '0' && u <= '9') || c == '-' || c == '_' || c == '.';
    });
}

// A slug begins with a letter or digit of any script; an NCName must begin with a letter.
std::string begin_as_name(std::string slug)
{
    if (slug.empty()) return slug;
    UChar32 first;
    int32_t at = 0;
    U8_NEXT(slug.data(), at, static_cast<int32_t>(slug.size()), first);
    return first >= 0 && u_isalpha(first) ? slug : "s-" + slug;
}

}  // namespace

std::string as_id(std::string_view name)
{
    if (ascii_ncname(name)) return std::string(name);
    return begin_as_name(slugify(name));
}

std::string IdMaker::for_text(std::string_view text, std::string_view fallback)
{
    std::string base = begin_as_name(slugify(text));
    return unique(base.empty() ? std::string(fallback) : base);
}

std::string IdMaker::for_name(std::string_view name)
{
    std::string base = as_id(name);
    return base.empty() ? base : unique(base);
}

std::string IdMaker::unique(std::string base)
{
    std::string id = base;
    for (int n = 2; !used_.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    return id;
}

}  // namespace mimeo::model

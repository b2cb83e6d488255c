// The article's ids (xs:ID, so NCNames), made one way by every importer, each given out once.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace mimeo::model {

class IdMaker {
public:
    // An id for what a heading says: the slug of `text`, or `fallback` when it has none.
    std::string for_text(std::string_view text, std::string_view fallback);
    // An id for a name the document gives (pandoc's ids, Word's bookmarks): see as_id. Empty for
    // a name that gives none.
    std::string for_name(std::string_view name);
    // Takes `id` out of what later ids may be; false when it was already given out.
    bool reserve(const std::string& id) { return used_.insert(id).second; }

private:
    std::string unique(std::string base);
    std::set<std::string> used_;
};

// `name` as an NCName, not reserved: itself when it is an ASCII NCName, else its slug; an id that
// cannot begin an NCName gets "s-" in front. A link to a name and the anchor of that name agree.
std::string as_id(std::string_view name);

}  // namespace mimeo::model

// Inline content as plain text: emphasis as _em_ and *strong*, links as numbered
// references [1] collected for the list after the article, notes as [^1],
// images as [Image: alt], forced line breaks as '\n', spaces collapsed.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::text {

// The numbered links and notes of one article.
class References {
public:
    // Numbers the article's notes in document order, as the HTML renderer does.
    explicit References(pugi::xml_node article);

    // The number of `url`, the same for every link to it.
    int link(const std::string& url);
    const std::vector<std::string>& urls() const { return urls_; }
    int note(std::string_view id) const;

private:
    std::vector<std::string> urls_;
    std::map<std::string, int, std::less<>> notes_;
};

std::string inline_text(pugi::xml_node element, References& references);

// "[Image: alt]", with `fallback` (a figure's caption) when the alt text is empty,
// and a link reference when the image has an absolute URL.
std::string image_text(pugi::xml_node image, References& references, const std::string& fallback = "");

// Runs of spaces, tabs and newlines as one space, without leading or trailing space;
// '\v' (a forced break from inline_text) becomes '\n'.
std::string collapse_spaces(std::string_view text);

}  // namespace mimeo::text

// word/styles.xml: paragraph and character styles with their basedOn chains, and
// what each paragraph style is for (a heading, a quote, ...), whatever language
// its name is in.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <unordered_map>

#include "docx/document.hpp"

namespace mimeo::docx {

enum class StyleRole { none, title, subtitle, heading, quote, caption, code, list_paragraph, author, date, abstract };

// Run properties as written: unset means "inherit".
struct RunProperties {
    std::optional<bool> bold, italic, underline, strike, smallcaps, code;
    std::optional<int> vertical;
};

struct Style {
    std::string id, name, based_on;
    bool character = false;
    std::optional<int> outline_level;
    NumberingRef numbering;
    RunProperties run;
};

// Reads w:rPr into `into`, leaving unset what it does not mention.
void read_run_properties(pugi::xml_node rpr, RunProperties& into);

class Styles {
public:
    Styles() = default;
    explicit Styles(pugi::xml_node styles_root);

    // The role of a paragraph style, through its basedOn chain; `level` is set for headings.
    StyleRole role(const std::string& style_id, int* level) const;
    // Numbering a paragraph style gives its paragraphs.
    NumberingRef numbering(const std::string& style_id) const;
    // A run's format: its character style chain, then its direct properties.
    RunFormat run_format(const std::string& char_style_id, const RunProperties& direct) const;
    const std::string& default_language() const { return default_language_; }

private:
    const Style* find(const std::string& id) const;
    std::unordered_map<std::string, Style> styles_;
    std::string default_paragraph_;
    std::string default_language_;
};

}  // namespace mimeo::docx

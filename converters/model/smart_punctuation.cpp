#include "model/smart_punctuation.hpp"

#include <initializer_list>
#include <string>
#include <string_view>

#include "model/model.hpp"

namespace mimeo::model {
namespace {

// What stands before the next character: it decides whether a quote opens or closes.
enum class Before { boundary, space, opening, word };

bool one_of(std::string_view name, std::initializer_list<std::string_view> names)
{
    for (std::string_view n : names)
        if (n == name) return true;
    return false;
}

// Inline wrappers: text runs on through them, so a quote before <em> can close after it.
bool is_inline_wrapper(std::string_view name)
{
    return one_of(name, {"em", "strong", "strike", "underline", "sup", "sub", "smallcaps", "q", "span", "link"});
}

bool is_verbatim(std::string_view name) { return one_of(name, {"code", "code-block", "raw", "math"}); }

// The class of the code point ending at `text`'s end (UTF-8).
Before class_of_last(std::string_view text)
{
    if (text.empty()) return Before::boundary;
    std::size_t start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::string_view last = text.substr(start);
    if (last.size() == 1) {
        char c = last[0];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return Before::space;
        if (c == '(' || c == '[' || c == '{' || c == '/') return Before::opening;
        return Before::word;
    }
    // No-break and thin spaces; opening quotes, guillemets and dashes.
    for (std::string_view space : {"\u00A0", "\u2009", "\u202F", "\u2002", "\u2003"})
        if (last == space) return Before::space;
    for (std::string_view open : {"\u201C", "\u2018", "\u00AB", "\u2014", "\u2013"})
        if (last == open) return Before::opening;
    return Before::word;
}

// A run of n hyphens as dashes: all em when n divides by 3, all en when by 2, otherwise
// em dashes with one or two en dashes to make up the count.
std::string dashes(std::size_t n)
{
    std::size_t em = 0, en = 0;
    if (n % 3 == 0) em = n / 3;
    else if (n % 2 == 0) en = n / 2;
    else if (n % 3 == 2) em = (n - 2) / 3, en = 1;
    else em = (n - 4) / 3, en = 2;
    std::string out;
    for (std::size_t i = 0; i < em; ++i) out += "\u2014";
    for (std::size_t i = 0; i < en; ++i) out += "\u2013";
    return out;
}

struct Typographer {
    Before before = Before::boundary;

    std::string text(std::string_view in)
    {
        std::string out;
        out.reserve(in.size() + 8);
        for (std::size_t i = 0; i < in.size(); ++i) {
            const char c = in[i];
            const Before prior = out.empty() ? before : class_of_last(out);
            const bool opens = prior != Before::word;
            if (c == '"') {
                out += opens ? "\u201C" : "\u201D";
            } else if (c == '\'') {
                // '90s: an apostrophe, though it stands where an opening quote would.
                const bool digit_next = i + 1 < in.size() && in[i + 1] >= '0' && in[i + 1] <= '9';
                out += opens && !digit_next ? "\u2018" : "\u2019";
            } else if (c == '-' && i + 1 < in.size() && in[i + 1] == '-') {
                std::size_t n = 0;
                while (i + n < in.size() && in[i + n] == '-') ++n;
                out += dashes(n);
                i += n - 1;
            } else if (c == '.' && in.substr(i, 3) == "...") {
                out += "\u2026";
                i += 2;
            } else {
                out += c;
            }
        }
        if (!out.empty()) before = class_of_last(out);
        return out;
    }

    void walk(pugi::xml_node node)
    {
        for (pugi::xml_node child : node.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                std::string changed = text(child.value());
                if (changed != child.value()) child.set_value(changed.c_str());
                continue;
            }
            if (child.type() != pugi::node_element) continue;
            const std::string_view name = child.name();
            if (is_verbatim(name) || name == "image" || name == "note-ref") {
                before = Before::word;
            } else if (name == "line-break") {
                before = Before::space;
            } else if (is_inline_wrapper(name)) {
                walk(child);
            } else if (name != "anchor") {
                // A block, heading or cell: its text starts afresh, and so does what follows it.
                before = Before::boundary;
                walk(child);
                before = Before::boundary;
            }
        }
    }

};

}  // namespace

void smarten(pugi::xml_node element)
{
    if (!element) return;
    Typographer typographer;
    typographer.walk(element);
}

void smarten_article(pugi::xml_node article)
{
    pugi::xml_node meta = model::meta(article);
    for (const char* field : {"title", "subtitle", "summary"}) smarten(meta.child(field));
    smarten(meta.child("source").child("title"));
    smarten(body(article));
    smarten(notes(article));
}

}  // namespace mimeo::model

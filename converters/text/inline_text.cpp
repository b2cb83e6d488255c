#include "text/inline_text.hpp"

#include <cctype>

#include "model/model.hpp"

namespace mimeo::text {
namespace {

// A forced break survives space collapsing as '\v', then becomes '\n'.
constexpr char forced_break = '\v';

bool absolute_url(std::string_view url)
{
    const auto colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    for (char c : url.substr(0, colon))
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
    return true;
}

class InlineWriter {
public:
    explicit InlineWriter(References& references) : references_(references) {}

    void children(pugi::xml_node element)
    {
        for (pugi::xml_node child : element.children()) node(child);
    }

    std::string take() { return std::move(out_); }

private:
    void node(pugi::xml_node node)
    {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            out_ += node.value();
            return;
        }
        std::string_view name = node.name();
        if (name == "em") around(node, "_", "_");
        else if (name == "strong") around(node, "*", "*");
        else if (name == "q") {
            ++quote_depth_;
            around(node, quote_depth_ % 2 ? "\u201C" : "\u2018", quote_depth_ % 2 ? "\u201D" : "\u2019");
            --quote_depth_;
        } else if (name == "code") out_ += node.text().get();
        else if (name == "math") out_ += model::math_text(node);
        else if (name == "link") link(node);
        else if (name == "line-break") out_ += forced_break;
        else if (name == "image") out_ += image_text(node, references_);
        else if (name == "note-ref") out_ += "[^" + std::to_string(references_.note(node.attribute("note").value())) + "]";
        else if (name == "raw") {
            std::string_view format = node.attribute("format").value();
            if (format == "text" || format == "plain") out_ += node.text().get();
        } else if (name == "anchor") {
        } else children(node);  // strike, underline, sup, sub, smallcaps, span: the words alone
    }

    void around(pugi::xml_node node, const char* open, const char* close)
    {
        out_ += open;
        children(node);
        out_ += close;
    }

    void link(pugi::xml_node node)
    {
        const std::string href = node.attribute("href").value();
        const std::size_t start = out_.size();
        children(node);
        std::string shown = collapse_spaces(std::string_view(out_).substr(start));
        if (href.empty() || href[0] == '#') return;  // a place in the same page means nothing in a mail
        if (shown.empty()) {
            out_ += href;
            return;
        }
        // An autolink already shows its URL (or its address, for mailto:).
        if (shown == href || "mailto:" + shown == href) return;
        out_ += " [" + std::to_string(references_.link(href)) + "]";
    }

    References& references_;
    std::string out_;
    int quote_depth_ = 0;
};

}  // namespace

References::References(pugi::xml_node article)
{
    int number = 0;
    for (pugi::xml_node note : model::notes(article).children("note")) notes_.emplace(note.attribute("id").value(), ++number);
}

int References::link(const std::string& url)
{
    for (std::size_t i = 0; i < urls_.size(); ++i)
        if (urls_[i] == url) return static_cast<int>(i + 1);
    urls_.push_back(url);
    return static_cast<int>(urls_.size());
}

int References::note(std::string_view id) const
{
    auto found = notes_.find(id);
    return found == notes_.end() ? 0 : found->second;
}

std::string inline_text(pugi::xml_node element, References& references)
{
    InlineWriter writer(references);
    writer.children(element);
    return collapse_spaces(writer.take());
}

std::string image_text(pugi::xml_node image, References& references, const std::string& fallback)
{
    std::string alt = collapse_spaces(image.attribute("alt").value());
    if (alt.empty()) alt = fallback;
    std::string out = alt.empty() ? "[Image]" : "[Image: " + alt + "]";
    const std::string src = image.attribute("src").value();
    if (absolute_url(src)) out += " [" + std::to_string(references.link(src)) + "]";
    return out;
}

std::string collapse_spaces(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (c == forced_break) {
            out += '\n';
            space = false;
            continue;
        }
        if (space && !out.empty() && out.back() != '\n') out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace mimeo::text

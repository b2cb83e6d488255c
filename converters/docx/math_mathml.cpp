// Office Math (ECMA-376 part 1, 22.1) as Presentation MathML, element by element.
#include <cctype>
#include <string_view>
#include <unordered_map>

#include "docx/math.hpp"
#include "model/model.hpp"

namespace mimeo::docx {
namespace {

void content(pugi::xml_node omml, pugi::xml_node out);

pugi::xml_node element(pugi::xml_node out, const char* name) { return out.append_child((std::string("mml:") + name).c_str()); }

// One argument (m:e, m:num, m:sub ...) as one MathML child: its content, in an mrow when it
// has several parts (or none: MathML's scripts and fractions want every argument).
void argument(pugi::xml_node omml, pugi::xml_node out)
{
    pugi::xml_node row = element(out, "mrow");
    content(omml, row);
    if (pugi::xml_node only = row.first_child(); only && !only.next_sibling()) {
        out.insert_copy_before(only, row);
        out.remove_child(row);
    }
}

bool on(pugi::xml_node node, const char* pr, const char* name)
{
    pugi::xml_node flag = node.child(pr).child(name);
    if (!flag) return false;
    const std::string_view value = flag.attribute("m:val").value();
    return value.empty() || value == "1" || value == "on" || value == "true";
}

void operator_(pugi::xml_node out, const std::string& text, bool stretchy = false)
{
    pugi::xml_node mo = element(out, "mo");
    if (stretchy) mo.append_attribute("stretchy") = "true";
    mo.text().set(text.c_str());
}

// The spacing form of a combining accent, as MathML's <mover accent> shows it.
std::string spacing_accent(const std::string& c)
{
    static const std::unordered_map<std::string, std::string> forms = {
        {"\u0302", "^"},      {"\u0303", "~"},      {"\u0307", "\u02D9"}, {"\u0308", "\u00A8"}, {"\u20D7", "\u2192"},
        {"\u0304", "\u00AF"}, {"\u0305", "\u00AF"}, {"\u030C", "\u02C7"}, {"\u0306", "\u02D8"}, {"\u0301", "\u00B4"},
        {"\u0300", "`"},
    };
    auto found = forms.find(c);
    return found == forms.end() ? c : found->second;
}

std::size_t utf8_length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

bool is_letter(const std::string& c)
{
    if (c.size() == 1) return std::isalpha(static_cast<unsigned char>(c[0]));
    // Greek, and the mathematical alphanumerics, are identifiers; other non-ASCII signs operators.
    const unsigned char a = c[0], b = c[1];
    return (a == 0xCE && b >= 0x91) || (a == 0xCF && b <= 0x89) || (a == 0xF0 && b == 0x9D) || c == "\u210F" ||
           c == "\u2113";
}

// A run's text as tokens: numbers (with their decimal points) mn, letters mi, one each unless
// the run is upright (m:sty p), where a word is one mi; the rest mo. Normal text is mtext.
void run(pugi::xml_node r, pugi::xml_node out)
{
    std::string text;
    for (pugi::xml_node t : r.children("m:t")) text += t.text().get();
    if (text.empty()) return;
    pugi::xml_node properties = r.child("m:rPr");
    if (properties.child("m:nor")) {
        element(out, "mtext").text().set(text.c_str());
        return;
    }
    const std::string style = properties.child("m:sty").attribute("m:val").value();
    const bool upright = style == "p" || style == "b";
    const char* variant = style == "b" ? "bold" : style == "bi" ? "bold-italic" : nullptr;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t n = utf8_length(static_cast<unsigned char>(text[i]));
        const std::string c = text.substr(i, n);
        if (c == " ") {
            ++i;
        } else if (std::isdigit(static_cast<unsigned char>(c[0]))) {
            std::size_t end = i;
            while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) ||
                                         (text[end] == '.' && end + 1 < text.size() &&
                                          std::isdigit(static_cast<unsigned char>(text[end + 1])))))
                ++end;
            element(out, "mn").text().set(text.substr(i, end - i).c_str());
            i = end;
        } else if (is_letter(c)) {
            std::size_t end = i + n;
            if (upright)
                while (end < text.size() && is_letter(text.substr(end, utf8_length(static_cast<unsigned char>(text[end])))))
                    end += utf8_length(static_cast<unsigned char>(text[end]));
            pugi::xml_node mi = element(out, "mi");
            const std::string word = text.substr(i, end - i);
            if (variant) mi.append_attribute("mathvariant") = variant;
            else if (upright && word.size() == n) mi.append_attribute("mathvariant") = "normal";
            mi.text().set(word.c_str());
            i = end;
        } else {
            operator_(out, c);
            i += n;
        }
    }
}

// A delimiter's character: its property, the default when absent, none when empty.
std::string fence(pugi::xml_node d, const char* name, const char* fallback)
{
    pugi::xml_node chr = d.child("m:dPr").child(name);
    return chr ? chr.attribute("m:val").value() : fallback;
}

void structure(pugi::xml_node node, pugi::xml_node out)
{
    const std::string_view name = node.name();
    if (name == "m:r") {
        run(node, out);
    } else if (name == "m:f") {
        const std::string type = node.child("m:fPr").child("m:type").attribute("m:val").value();
        if (type == "lin") {  // a/b, on one line
            pugi::xml_node row = element(out, "mrow");
            argument(node.child("m:num"), row);
            operator_(row, "/");
            argument(node.child("m:den"), row);
            return;
        }
        pugi::xml_node frac = element(out, "mfrac");
        if (type == "noBar") frac.append_attribute("linethickness") = "0";
        if (type == "skw") frac.append_attribute("bevelled") = "true";
        argument(node.child("m:num"), frac);
        argument(node.child("m:den"), frac);
    } else if (name == "m:sSup" || name == "m:sSub" || name == "m:sSubSup") {
        pugi::xml_node s = element(out, name == "m:sSup" ? "msup" : name == "m:sSub" ? "msub" : "msubsup");
        argument(node.child("m:e"), s);
        if (name != "m:sSup") argument(node.child("m:sub"), s);
        if (name != "m:sSub") argument(node.child("m:sup"), s);
    } else if (name == "m:sPre") {
        pugi::xml_node s = element(out, "mmultiscripts");
        argument(node.child("m:e"), s);
        element(s, "mprescripts");
        argument(node.child("m:sub"), s);
        argument(node.child("m:sup"), s);
    } else if (name == "m:rad") {
        const bool hidden = on(node, "m:radPr", "m:degHide") || !node.child("m:deg").first_child();
        pugi::xml_node root = element(out, hidden ? "msqrt" : "mroot");
        if (hidden) {
            content(node.child("m:e"), root);
        } else {
            argument(node.child("m:e"), root);
            argument(node.child("m:deg"), root);
        }
    } else if (name == "m:nary") {
        pugi::xml_node pr = node.child("m:naryPr");
        pugi::xml_node chr_property = pr.child("m:chr");
        const std::string chr = chr_property ? chr_property.attribute("m:val").value() : "\u222B";
        // Where the limits go: m:limLoc, else Word's own default, beside integrals, above and below the rest.
        std::string location = pr.child("m:limLoc").attribute("m:val").value();
        const bool integral = chr >= "\u222B" && chr <= "\u2233";
        if (location.empty()) location = integral ? "subSup" : "undOvr";
        const bool sub = !on(node, "m:naryPr", "m:subHide") && node.child("m:sub").first_child();
        const bool sup = !on(node, "m:naryPr", "m:supHide") && node.child("m:sup").first_child();
        pugi::xml_node row = element(out, "mrow");
        pugi::xml_node op = row;
        if (sub || sup) {
            const bool under = location == "undOvr";
            op = element(row, sub && sup ? (under ? "munderover" : "msubsup") : sub ? (under ? "munder" : "msub")
                                                                                    : (under ? "mover" : "msup"));
        }
        operator_(op, chr);
        if (sub) argument(node.child("m:sub"), op);
        if (sup) argument(node.child("m:sup"), op);
        argument(node.child("m:e"), row);
    } else if (name == "m:d") {
        pugi::xml_node row = element(out, "mrow");
        const std::string open = fence(node, "m:begChr", "("), close = fence(node, "m:endChr", ")"),
                          separator = fence(node, "m:sepChr", "|");
        if (!open.empty()) operator_(row, open, true);
        bool first = true;
        for (pugi::xml_node e : node.children("m:e")) {
            if (!first && !separator.empty()) operator_(row, separator, true);
            argument(e, row);
            first = false;
        }
        if (!close.empty()) operator_(row, close, true);
    } else if (name == "m:func") {
        pugi::xml_node row = element(out, "mrow");
        argument(node.child("m:fName"), row);
        operator_(row, "\u2061");  // function application
        argument(node.child("m:e"), row);
    } else if (name == "m:acc") {
        pugi::xml_node chr = node.child("m:accPr").child("m:chr");
        pugi::xml_node over = element(out, "mover");
        over.append_attribute("accent") = "true";
        argument(node.child("m:e"), over);
        operator_(over, spacing_accent(chr ? chr.attribute("m:val").value() : "\u0302"));
    } else if (name == "m:bar") {
        const bool top = std::string_view(node.child("m:barPr").child("m:pos").attribute("m:val").value()) == "top";
        pugi::xml_node bar = element(out, top ? "mover" : "munder");
        bar.append_attribute(top ? "accent" : "accentunder") = "true";
        argument(node.child("m:e"), bar);
        operator_(bar, top ? "\u00AF" : "_");
    } else if (name == "m:groupChr") {
        pugi::xml_node pr = node.child("m:groupChrPr");
        const bool top = std::string_view(pr.child("m:pos").attribute("m:val").value()) == "top";
        pugi::xml_node chr = pr.child("m:chr");
        pugi::xml_node group = element(out, top ? "mover" : "munder");
        argument(node.child("m:e"), group);
        operator_(group, chr ? chr.attribute("m:val").value() : "\u23DF", true);
    } else if (name == "m:limLow" || name == "m:limUpp") {
        pugi::xml_node limit = element(out, name == "m:limLow" ? "munder" : "mover");
        argument(node.child("m:e"), limit);
        argument(node.child("m:lim"), limit);
    } else if (name == "m:m") {
        pugi::xml_node table = element(out, "mtable");
        for (pugi::xml_node row : node.children("m:mr")) {
            pugi::xml_node tr = element(table, "mtr");
            for (pugi::xml_node cell : row.children("m:e")) content(cell, element(tr, "mtd"));
        }
    } else if (name == "m:eqArr") {
        pugi::xml_node table = element(out, "mtable");
        for (pugi::xml_node row : node.children("m:e")) content(row, element(element(table, "mtr"), "mtd"));
    } else if (name == "m:borderBox") {
        pugi::xml_node box = element(out, "menclose");
        box.append_attribute("notation") = "box";
        content(node.child("m:e"), box);
    } else if (name == "m:phant") {
        const bool shown = std::string_view(node.child("m:phantPr").child("m:show").attribute("m:val").value()) != "0";
        content(node.child("m:e"), shown ? element(out, "mrow") : element(out, "mphantom"));
    } else if (name.size() > 2 && name.substr(name.size() - 2) == "Pr") {
        // properties, not content
    } else if (name == "w:rPr" || name == "m:ctrlPr") {
        // Word's run formatting
    } else {
        content(node, out);  // m:box, m:e and other wrappers: their content
    }
}

void content(pugi::xml_node omml, pugi::xml_node out)
{
    for (pugi::xml_node child : omml.children())
        if (child.type() == pugi::node_element) structure(child, out);
}

}  // namespace

void omml_to_mathml(pugi::xml_node math, bool display, pugi::xml_node out)
{
    pugi::xml_node root = out.append_child("mml:math");
    root.append_attribute("xmlns:mml") = model::mathml_namespace;
    if (display) root.append_attribute("display") = "block";
    pugi::xml_node row = element(root, "mrow");
    content(math, row);
    // One part needs no row around it.
    if (pugi::xml_node only = row.first_child(); only && !only.next_sibling()) {
        root.insert_copy_before(only, row);
        root.remove_child(row);
    }
}

}  // namespace mimeo::docx

#include "docx/styles.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "docx/symbols.hpp"

namespace mimeo::docx {
namespace {

constexpr int max_chain = 32;  // basedOn chains are short; this also stops cycles

// "Heading 1", "heading_1" and "Überschrift 1" compare as "heading1", "überschrift1".
std::string normalized(std::string_view name)
{
    std::string out;
    int32_t i = 0;
    const int32_t length = static_cast<int32_t>(name.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(name.data(), i, length, c);
        if (c < 0 || c == ' ' || c == '_' || c == '-') continue;
        out += utf8(static_cast<char32_t>(u_tolower(c)));
    }
    return out;
}

bool is_one_of(const std::string& name, std::initializer_list<std::string_view> names)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Heading names in the languages Word is most often localized to.
const std::array<std::string_view, 17> heading_words = {
    "heading", "überschrift", "titre", "título", "titolo", "kop", "rubrik", "otsikko", "nagłówek",
    "заголовок", "overskrift", "címsor", "nadpis", "başlık", "标题", "見出し", "berschrift"};

StyleRole role_by_name(const std::string& name, int* level)
{
    if (!name.empty() && name.back() >= '1' && name.back() <= '9') {
        std::string stem = name.substr(0, name.size() - 1);
        for (std::string_view word : heading_words)
            if (stem == word) {
                *level = name.back() - '0';
                return StyleRole::heading;
            }
    }
    if (is_one_of(name, {"title", "titel", "titre", "título", "titolo", "tytuł", "название"}))
        return StyleRole::title;
    if (is_one_of(name, {"subtitle", "untertitel", "soustitre", "subtítulo", "sottotitolo", "ondertitel",
                         "undertitel", "podtytuł", "подзаголовок"}))
        return StyleRole::subtitle;
    if (is_one_of(name, {"quote", "intensequote", "blocktext", "blockquote", "quotations", "zitat", "intensiveszitat",
                         "citation", "citationintense", "cita", "citadestacada", "citazione", "citaat", "цитата"}))
        return StyleRole::quote;
    if (is_one_of(name, {"caption", "beschriftung", "légende", "descripción", "didascalia", "bijschrift",
                         "imagecaption", "tablecaption", "figurecaption", "название объекта"}))
        return StyleRole::caption;
    if (is_one_of(name, {"sourcecode", "htmlpreformatted", "preformattedtext", "code", "codeblock"}))
        return StyleRole::code;
    if (is_one_of(name, {"listparagraph", "listenabsatz", "paragraphedeliste", "párrafodelista", "paragrafoelenco",
                         "lijstalinea", "akapitzlisty", "абзацсписка", "compact"}))
        return StyleRole::list_paragraph;
    if (name == "author") return StyleRole::author;
    if (name == "date") return StyleRole::date;
    if (name == "abstract") return StyleRole::abstract;
    return StyleRole::none;
}

bool is_code_character_style(const std::string& name)
{
    return is_one_of(name, {"verbatimchar", "sourcecode", "htmlcode", "htmlkeyboard", "htmltypewriter", "htmlsample",
                            "code", "codechar", "inlinecode"});
}

bool is_monospace_font(std::string_view font)
{
    std::string name = normalized(font);
    return is_one_of(name, {"courier", "couriernew", "consolas", "menlo", "monaco", "lucidaconsole", "sourcecodepro",
                            "dejavusansmono", "liberationmono", "andalemono", "inconsolata", "firacode",
                            "firamono", "ubuntumono", "robotomono", "sfmono", "cascadiacode", "cascadiamono"});
}

// ST_OnOff: absent val means on; "0", "false", "off" mean off.
bool on_off(pugi::xml_node element)
{
    pugi::xml_attribute val = element.attribute("w:val");
    if (!val) return true;
    std::string_view v = val.value();
    return !(v == "0" || v == "false" || v == "off" || v == "none");
}

}  // namespace

void read_run_properties(pugi::xml_node rpr, RunProperties& into)
{
    if (!rpr) return;
    if (auto e = rpr.child("w:b")) into.bold = on_off(e);
    if (auto e = rpr.child("w:i")) into.italic = on_off(e);
    if (auto e = rpr.child("w:u")) into.underline = on_off(e);
    if (auto e = rpr.child("w:strike")) into.strike = on_off(e);
    if (auto e = rpr.child("w:dstrike")) into.strike = on_off(e) || into.strike.value_or(false);
    if (auto e = rpr.child("w:smallCaps")) into.smallcaps = on_off(e);
    if (auto e = rpr.child("w:vertAlign")) {
        std::string_view v = e.attribute("w:val").value();
        into.vertical = v == "superscript" ? 1 : v == "subscript" ? -1 : 0;
    }
    if (auto fonts = rpr.child("w:rFonts")) {
        const char* font = fonts.attribute("w:ascii").value();
        if (!*font) font = fonts.attribute("w:hAnsi").value();
        if (*font) into.code = is_monospace_font(font);
    }
}

Styles::Styles(pugi::xml_node root)
{
    for (pugi::xml_node s : root.children("w:style")) {
        Style style;
        style.id = s.attribute("w:styleId").value();
        style.name = normalized(s.child("w:name").attribute("w:val").value());
        style.based_on = s.child("w:basedOn").attribute("w:val").value();
        std::string_view type = s.attribute("w:type").value();
        style.character = type == "character";
        if (type == "paragraph" && s.attribute("w:default").as_bool()) default_paragraph_ = style.id;
        pugi::xml_node ppr = s.child("w:pPr");
        if (auto outline = ppr.child("w:outlineLvl")) style.outline_level = outline.attribute("w:val").as_int(9);
        if (auto num = ppr.child("w:numPr")) {
            style.numbering.num_id = num.child("w:numId").attribute("w:val").value();
            style.numbering.level = num.child("w:ilvl").attribute("w:val").as_int(0);
        }
        read_run_properties(s.child("w:rPr"), style.run);
        if (style.character && is_code_character_style(style.name)) style.run.code = true;
        if (!style.id.empty()) styles_.emplace(style.id, std::move(style));
    }
    default_language_ = root.child("w:docDefaults").child("w:rPrDefault").child("w:rPr").child("w:lang").attribute("w:val").value();
}

const Style* Styles::find(const std::string& id) const
{
    auto it = styles_.find(id);
    return it == styles_.end() ? nullptr : &it->second;
}

StyleRole Styles::role(const std::string& style_id, int* level) const
{
    const Style* style = find(style_id.empty() ? default_paragraph_ : style_id);
    for (int depth = 0; style && depth < max_chain; ++depth, style = find(style->based_on)) {
        StyleRole by_name = role_by_name(style->name, level);
        if (by_name == StyleRole::none) by_name = role_by_name(normalized(style->id), level);
        if (by_name != StyleRole::none) return by_name;
        if (style->outline_level && *style->outline_level < 9) {
            *level = *style->outline_level + 1;
            return StyleRole::heading;
        }
    }
    return StyleRole::none;
}

NumberingRef Styles::numbering(const std::string& style_id) const
{
    const Style* style = find(style_id.empty() ? default_paragraph_ : style_id);
    for (int depth = 0; style && depth < max_chain; ++depth, style = find(style->based_on))
        if (!style->numbering.num_id.empty()) return style->numbering;
    return {};
}

RunFormat Styles::run_format(const std::string& char_style_id, const RunProperties& direct) const
{
    // Nearest definition wins: direct formatting, then the style, then what it is based on.
    std::vector<const RunProperties*> chain = {&direct};
    const Style* style = char_style_id.empty() ? nullptr : find(char_style_id);
    for (int depth = 0; style && depth < max_chain; ++depth, style = find(style->based_on)) chain.push_back(&style->run);
    auto pick = [&](auto member, auto fallback) {
        for (const RunProperties* p : chain)
            if ((p->*member).has_value()) return *(p->*member);
        return fallback;
    };
    RunFormat f;
    f.bold = pick(&RunProperties::bold, false);
    f.italic = pick(&RunProperties::italic, false);
    f.underline = pick(&RunProperties::underline, false);
    f.strike = pick(&RunProperties::strike, false);
    f.smallcaps = pick(&RunProperties::smallcaps, false);
    f.code = pick(&RunProperties::code, false);
    f.vertical = pick(&RunProperties::vertical, 0);
    return f;
}

}  // namespace mimeo::docx

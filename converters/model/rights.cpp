#include "model/rights.hpp"

#include <cctype>
#include <regex>

#include "common/url.hpp"
#include "model/model.hpp"

namespace mimeo::model {
namespace yi = yaml_input;

namespace {

// "CC BY-SA 4.0" and "cc-by-sa-4.0" both as "cc-by-sa-4.0".
std::string folded(std::string_view name)
{
    std::string out;
    for (char c : name) out += c == ' ' || c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The name a Creative Commons deed's URL stands for: "https://creativecommons.org/licenses/by/4.0/" is "CC BY 4.0".
std::string creative_commons_name(const std::string& url)
{
    static const std::regex deed(R"(https?://creativecommons\.org/(licenses/([a-z-]+)|publicdomain/zero)/([0-9.]+)/?)");
    std::smatch m;
    if (!std::regex_match(url, m, deed)) return "";
    if (!m[2].matched) return "CC0 " + m[3].str();
    std::string kinds = m[2].str();
    for (char& c : kinds) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "CC " + kinds + " " + m[3].str();
}

void set_license(pugi::xml_node article, const std::string& url, const std::string& text)
{
    pugi::xml_node license = meta_field(article, "license");
    license.remove_attribute("url");
    if (!url.empty()) license.append_attribute("url") = url.c_str();
    license.text().set(text.c_str());
}

}  // namespace

std::string creative_commons_url(std::string_view name)
{
    static const std::regex spdx(R"(cc-(by(-nc)?(-sa|-nd)?)-([1-4]\.[05])(-[a-z]+)?|cc0(-1\.0)?)");
    std::smatch m;
    const std::string key = folded(name);
    if (!std::regex_match(key, m, spdx)) return "";
    if (!m[1].matched) return "https://creativecommons.org/publicdomain/zero/1.0/";
    return "https://creativecommons.org/licenses/" + m[1].str() + "/" + m[4].str() + "/";
}

CopyrightParts copyright_parts(const std::string& statement)
{
    // "© 2025 Holder", "Copyright 2025 Holder", "(c) 2025, Holder".
    static const std::regex parts(R"(^\s*(?:©|\([cC]\)|[Cc]opyright)\s*(?:©\s*)?([0-9]{4})[,.]?\s+(.+?)\.?\s*$)");
    std::smatch m;
    if (!std::regex_match(statement, m, parts)) return {};
    return {m[1].str(), m[2].str()};
}

void apply_license(const YAML::Node& value, const yi::Source& source, pugi::xml_node article)
{
    if (value.IsMap()) {
        yi::check_keys(source, value, "license", {"url", "text"});
        const std::string url = value["url"] ? yi::url(source, value["url"], "license.url", false) : "";
        std::string text = value["text"] ? yi::scalar(source, value["text"], "license.text") : "";
        if (url.empty() && text.empty()) yi::fail(source, value, "license", "needs a 'url' or a 'text'");
        if (text.empty()) text = creative_commons_name(url).empty() ? url : creative_commons_name(url);
        set_license(article, url.empty() ? creative_commons_url(text) : url, text);
        return;
    }
    const std::string text = yi::scalar(source, value, "license");
    if (is_absolute_url(text)) {
        const std::string url = yi::url(source, value, "license", false);
        const std::string name = creative_commons_name(url);
        set_license(article, url, name.empty() ? url : name);
        return;
    }
    // An SPDX id says the licence's name as its deed does: CC-BY-4.0 is "CC BY 4.0".
    const std::string url = creative_commons_url(text);
    set_license(article, url, url.empty() ? text : creative_commons_name(url));
}

void apply_copyright(const YAML::Node& value, const yi::Source& source, pugi::xml_node article)
{
    std::string statement, year, holder;
    if (value.IsMap()) {
        yi::check_keys(source, value, "copyright", {"statement", "year", "holder"});
        if (value["statement"]) statement = yi::scalar(source, value["statement"], "copyright.statement");
        if (value["year"]) year = yi::scalar(source, value["year"], "copyright.year");
        if (value["holder"]) holder = yi::scalar(source, value["holder"], "copyright.holder");
        if (!year.empty() && !std::regex_match(year, std::regex("[0-9]{4}")))
            yi::fail(source, value["year"], "copyright.year", "must be a year such as 2025");
        if (statement.empty() && holder.empty()) yi::fail(source, value, "copyright", "needs a 'statement' or a 'holder'");
        if (statement.empty()) statement = "© " + (year.empty() ? "" : year + " ") + holder;
    } else {
        statement = yi::scalar(source, value, "copyright");
        const CopyrightParts parts = copyright_parts(statement);
        year = parts.year;
        holder = parts.holder;
    }
    pugi::xml_node copyright = meta_field(article, "copyright");
    copyright.remove_attribute("year");
    copyright.remove_attribute("holder");
    if (!year.empty()) copyright.append_attribute("year") = year.c_str();
    if (!holder.empty()) copyright.append_attribute("holder") = holder.c_str();
    copyright.text().set(statement.c_str());
}

}  // namespace mimeo::model

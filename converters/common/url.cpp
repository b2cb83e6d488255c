#include "common/url.hpp"

#include <libxml/uri.h>

#include <memory>

namespace mimeo {
namespace {

// libxml2 hands back strings that must be freed with xmlFree.
struct XmlFree {
    void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlString = std::unique_ptr<xmlChar, XmlFree>;

std::string take(XmlString s) { return s ? std::string(reinterpret_cast<const char*>(s.get())) : std::string(); }

const xmlChar* chars(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

}  // namespace

std::string encode_url(std::string_view url)
{
    // xmlURIEscapeStr keeps only unreserved characters and those listed: RFC 3986's reserved set and '%'.
    static const xmlChar keep[] = ":/?#[]@!$&'()*+,;=%";
    const std::string text(url);
    return take(XmlString(xmlURIEscapeStr(chars(text), keep)));
}

std::string resolve_url(std::string_view reference, std::string_view base)
{
    std::string encoded = encode_url(reference);
    if (base.empty()) return encoded;
    XmlString resolved(xmlBuildURI(chars(encoded), chars(encode_url(base))));
    return resolved ? take(std::move(resolved)) : encoded;
}

std::string url_host(std::string_view url)
{
    const std::string encoded = encode_url(url);
    const std::unique_ptr<xmlURI, void (*)(xmlURIPtr)> parsed(xmlParseURI(encoded.c_str()), xmlFreeURI);
    return parsed && parsed->server && *parsed->server ? std::string(parsed->server) : std::string(url);
}

bool is_absolute_url(std::string_view text)
{
    // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by ':'.
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (text.empty() || !alpha(text[0])) return false;
    for (std::size_t i = 1; i < text.size(); ++i) {
        char c = text[i];
        if (c == ':') return true;
        if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
    }
    return false;
}

std::string as_browser_reads(std::string_view url, std::size_t length)
{
    std::string read;
    for (char c : url) {
        if (read.size() >= length) break;
        if (static_cast<unsigned char>(c) <= 0x20) continue;
        read += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return read;
}

std::string lower_scheme(std::string_view url)
{
    std::string read = as_browser_reads(url, url.size());
    if (!is_absolute_url(read)) return "";
    read.resize(read.find(':'));
    return read;
}

bool allowed_url(std::string_view url, bool relative_allowed)
{
    const std::string scheme = lower_scheme(url);
    if (scheme.empty()) return relative_allowed;
    return scheme == "http" || scheme == "https" || scheme == "mailto";
}

bool allowed_identifier(std::string_view id)
{
    const std::string scheme = lower_scheme(id);
    return allowed_url(id, false) || scheme == "urn" || scheme == "tag";
}

}  // namespace mimeo

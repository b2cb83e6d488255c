#include "feed/rss_exporter.hpp"

#include "feed/feed_content.hpp"
#include "feed/feed_file.hpp"
#include "feed/feed_writer.hpp"
#include "html/escape.hpp"

namespace mimeo::feed {
namespace {

void text_child(pugi::xml_node parent, const char* name, const std::string& text)
{
    if (!text.empty()) parent.append_child(name).text().set(text.c_str());
}

pugi::xml_node channel_of(const pugi::xml_document& doc)
{
    pugi::xml_node rss = doc.document_element();
    return std::string_view(rss.name()) == "rss" ? rss.child("channel") : pugi::xml_node();
}

std::string guid_of(pugi::xml_node item)
{
    std::string guid = item.child_value("guid");
    return guid.empty() ? item.child_value("link") : guid;
}

std::optional<Seconds> rfc822_seconds(std::string_view text)
{
    auto date = parse_rfc822(text);
    return date ? std::optional<Seconds>(date->when) : std::nullopt;
}

std::optional<Seconds> pub_date_of(pugi::xml_node item) { return rfc822_seconds(item.child_value("pubDate")); }

void write_channel(pugi::xml_node channel, const Channel& c)
{
    text_child(channel, "title", c.title);
    text_child(channel, "link", c.link);
    text_child(channel, "description", c.description);
    text_child(channel, "language", c.language);
    text_child(channel, "copyright", c.rights);
    // RSS wants an address here, written "email (Name)".
    if (!c.editor.email.empty())
        text_child(channel, "managingEditor", c.editor.email + (c.editor.name.empty() ? "" : " (" + c.editor.name + ")"));
    text_child(channel, "lastBuildDate", rfc822(c.updated));
    text_child(channel, "generator", "mimeo " MIMEO_VERSION);
    text_child(channel, "docs", "https://www.rssboard.org/rss-specification");
    if (!c.self_url.empty()) {
        pugi::xml_node self = channel.append_child("atom:link");
        self.append_attribute("href") = c.self_url.c_str();
        self.append_attribute("rel") = "self";
        self.append_attribute("type") = "application/rss+xml";
    }
    if (!c.image.empty()) {
        pugi::xml_node image = channel.append_child("image");
        text_child(image, "url", c.image);
        text_child(image, "title", c.title);
        text_child(image, "link", c.link);
    }
}

void write_item(pugi::xml_node channel, const Entry& e)
{
    pugi::xml_node item = channel.append_child("item");
    text_child(item, "title", e.title);
    text_child(item, "link", e.link);
    pugi::xml_node guid = item.append_child("guid");
    guid.append_attribute("isPermaLink") = e.id_is_link ? "true" : "false";
    guid.text().set(e.id.c_str());
    text_child(item, "pubDate", rfc822(e.date));
    // RSS's own <author> is an address, "email (Name)": the first author's, when known.
    for (const auto& author : e.authors)
        if (!author.email.empty()) {
            text_child(item, "author", author.email + " (" + author.name + ")");
            break;
        }
    for (const auto& author : e.authors) text_child(item, "dc:creator", author.name);
    for (const auto& translator : e.translators) text_child(item, "dc:contributor", translator.name);
    for (const auto& tag : e.tags) text_child(item, "category", tag);
    // An RSS description is HTML: plain text is escaped once for HTML, then once more for XML.
    text_child(item, "description", html::escape(e.summary));
    text_child(item, "content:encoded", e.content);
    text_child(item, "dc:rights", e.rights);
}

void write_rss(const ExportRequest& request)
{
    write_feed(request, rss_syntax(), [](pugi::xml_document& doc, const FeedContent& content) {
        pugi::xml_node rss = doc.append_child("rss");
        rss.append_attribute("version") = "2.0";
        rss.append_attribute("xmlns:atom") = atom_namespace;
        rss.append_attribute("xmlns:content") = content_namespace;
        rss.append_attribute("xmlns:dc") = dc_namespace;
        pugi::xml_node channel = rss.append_child("channel");
        write_channel(channel, content.channel);
        for (const Entry& entry : content.entries) write_item(channel, entry);
    });
}

}  // namespace

const ItemSyntax& rss_syntax()
{
    static const ItemSyntax syntax{"an RSS 2.0 feed", "item", channel_of, guid_of, pub_date_of, "lastBuildDate",
                                   "pubDate",         nullptr, rfc822_seconds, [](Seconds when) { return rfc822(when); }};
    return syntax;
}

Exporter rss_exporter()
{
    return {"rss", "an RSS 2.0 feed of the articles, merged into the feed already published at the target",
            TargetKind::file, feed_options(), write_rss};
}

}  // namespace mimeo::feed

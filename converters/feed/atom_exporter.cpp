#include "feed/atom_exporter.hpp"

#include "common/url.hpp"
#include "feed/feed_content.hpp"
#include "feed/feed_file.hpp"
#include "feed/feed_writer.hpp"

namespace mimeo::feed {
namespace {

pugi::xml_node text_child(pugi::xml_node parent, const char* name, const std::string& text)
{
    if (text.empty()) return {};
    pugi::xml_node node = parent.append_child(name);
    node.text().set(text.c_str());
    return node;
}

// Text constructs (title, subtitle, summary, rights) say what their content is.
void typed_text(pugi::xml_node parent, const char* name, const std::string& text, const char* type = "text")
{
    if (pugi::xml_node node = text_child(parent, name, text)) node.prepend_attribute("type") = type;
}

void link(pugi::xml_node parent, const std::string& href, const char* rel, const char* type)
{
    pugi::xml_node node = parent.append_child("link");
    node.append_attribute("rel") = rel;
    node.append_attribute("type") = type;
    node.append_attribute("href") = href.c_str();
}

void person(pugi::xml_node parent, const char* role, const Person& who)
{
    pugi::xml_node node = parent.append_child(role);
    text_child(node, "name", who.name.empty() ? who.email : who.name);
    text_child(node, "uri", who.uri);
    text_child(node, "email", who.email);
}

pugi::xml_node feed_of(const pugi::xml_document& doc)
{
    pugi::xml_node feed = doc.document_element();
    return std::string_view(feed.name()) == "feed" && std::string_view(feed.attribute("xmlns").value()) == atom_namespace
               ? feed
               : pugi::xml_node();
}

std::string id_of(pugi::xml_node entry) { return entry.child_value("id"); }

std::optional<Seconds> updated_of(pugi::xml_node entry)
{
    if (auto updated = parse_rfc3339(entry.child_value("updated"))) return updated;
    return parse_rfc3339(entry.child_value("published"));
}

void write_head(pugi::xml_node feed, const Channel& c)
{
    // The publication's address names the feed for good, wherever the file is served from.
    text_child(feed, "id", c.link);
    typed_text(feed, "title", c.title);
    typed_text(feed, "subtitle", c.description);
    text_child(feed, "updated", rfc3339(c.updated));
    link(feed, c.link, "alternate", "text/html");
    if (!c.self_url.empty()) link(feed, c.self_url, "self", "application/atom+xml");
    // Every entry names its authors; the feed's author covers those that do not.
    if (!c.editor.name.empty() || !c.editor.email.empty()) person(feed, "author", c.editor);
    else person(feed, "author", {c.publisher.empty() ? c.title : c.publisher, "", ""});
    typed_text(feed, "rights", c.rights);
    text_child(feed, "logo", c.image);
    pugi::xml_node generator = text_child(feed, "generator", "mimeo");
    generator.append_attribute("version") = MIMEO_VERSION;
}

void write_entry(pugi::xml_node feed, const Entry& e, const std::string& feed_language)
{
    pugi::xml_node entry = feed.append_child("entry");
    if (!e.language.empty() && e.language != feed_language) {
        entry.append_attribute("xml:lang") = e.language.c_str();
    }
    text_child(entry, "id", e.id);
    typed_text(entry, "title", e.title);
    link(entry, e.link, "alternate", "text/html");
    text_child(entry, "published", rfc3339(e.date));
    text_child(entry, "updated", rfc3339(e.updated));
    for (const auto& author : e.authors) person(entry, "author", author);
    for (const auto& translator : e.translators) person(entry, "contributor", translator);
    for (const auto& tag : e.tags) entry.append_child("category").append_attribute("term") = tag.c_str();
    typed_text(entry, "summary", e.summary);
    // type="html": the renderer's XHTML as escaped text, safe whatever raw HTML an article holds.
    typed_text(entry, "content", e.content, "html");
    typed_text(entry, "rights", e.rights);
}

void write_atom(const ExportRequest& request)
{
    write_feed(request, atom_syntax(), [&](pugi::xml_document& doc, const FeedContent& content) {
        pugi::xml_node feed = doc.append_child("feed");
        feed.append_attribute("xmlns") = atom_namespace;
        if (!content.channel.language.empty()) feed.append_attribute("xml:lang") = content.channel.language.c_str();
        write_head(feed, content.channel);
        for (const Entry& entry : content.entries) {
            if (!allowed_identifier(entry.id))
                throw Error(request.options.location_of("guid"), "feed-guid",
                            "the id '" + entry.id + "' of \"" + entry.title +
                                "\" is neither an absolute http:, https: or mailto: URL nor a urn: or tag: URI, as an "
                                "Atom id must be (see the guid option)");
            write_entry(feed, entry, content.channel.language);
        }
    });
}

}  // namespace

const ItemSyntax& atom_syntax()
{
    static const ItemSyntax syntax{"an Atom 1.0 feed", "entry", feed_of,  id_of,          updated_of,
                                   "updated",          "published", "updated", parse_rfc3339, rfc3339};
    return syntax;
}

Exporter atom_exporter()
{
    return {"atom", "an Atom 1.0 feed of the articles, merged into the feed already published at the target",
            TargetKind::file, feed_options(), write_atom};
}

}  // namespace mimeo::feed

#include "feed/feed_check.hpp"

#include <set>

#include "common/url.hpp"
#include "common/dates.hpp"
#include "feed/feed_file.hpp"

namespace fs = std::filesystem;

namespace mimeo::feed {
namespace {

// Collects the problems of one file, each located at its element.
class Report {
public:
    Report(const FeedFile& feed, Diagnostics& diagnostics) : feed_(feed), diagnostics_(diagnostics) {}

    void problem(pugi::xml_node at, const char* code, std::string message)
    {
        diagnostics_.add({Severity::error, code, feed_.where(at), std::move(message)});
        ++count_;
    }

    // The child `name`, reported missing when absent or empty.
    pugi::xml_node require(pugi::xml_node parent, const std::string& name, const std::string& what)
    {
        pugi::xml_node child = parent.child(name.c_str());
        if (!child || std::string_view(child.child_value()).find_first_not_of(" \t\r\n") == std::string_view::npos)
            problem(parent, "feed-missing", what + " has no <" + name + ">");
        return child;
    }

    // A link readers follow: an absolute http:, https: or mailto: URL, never javascript: or data:.
    void absolute_url(pugi::xml_node at, std::string_view url, const std::string& what)
    {
        if (!allowed_url(url, false))
            problem(at, "feed-url", what + " '" + std::string(url) + "' is not an absolute http:, https: or mailto: URL");
    }

    // An identifier: such a URL, or a urn: or tag: URI.
    void identifier(pugi::xml_node at, std::string_view id, const std::string& what)
    {
        if (!allowed_identifier(id))
            problem(at, "feed-url", what + " '" + std::string(id) + "' is neither an absolute http:, https: or "
                                    "mailto: URL nor a urn: or tag: URI");
    }

    void unique(pugi::xml_node at, const std::string& key, const char* what)
    {
        if (!key.empty() && !seen_.insert(key).second)
            problem(at, "feed-guid", std::string(what) + " '" + key + "' appears more than once");
    }

    CheckResult result(const std::string& passed) const
    {
        if (count_ == 0) return {CheckResult::Status::passed, passed};
        return {CheckResult::Status::failed, std::to_string(count_) + (count_ == 1 ? " problem" : " problems")};
    }

private:
    const FeedFile& feed_;
    Diagnostics& diagnostics_;
    std::set<std::string> seen_;
    std::size_t count_ = 0;
};

void rss_date(Report& report, pugi::xml_node node)
{
    if (!node) return;
    const std::string text = node.child_value();
    auto date = parse_rfc822(text);
    if (!date) report.problem(node, "feed-date", "<" + std::string(node.name()) + "> '" + text + "' is not an RFC 822 date");
    else if (!date->four_digit_year)
        report.problem(node, "feed-date", "<" + std::string(node.name()) + "> '" + text + "' has a two-digit year");
    else if (!date->weekday_matches)
        report.problem(node, "feed-date", "<" + std::string(node.name()) + "> '" + text + "' names the wrong day of the week");
}

// The prefix a document binds to `uri` on its root ("atom:"), or empty when none.
std::string prefix_for(pugi::xml_node root, std::string_view uri)
{
    for (pugi::xml_attribute a : root.attributes()) {
        std::string_view name = a.name();
        if (name.rfind("xmlns:", 0) == 0 && uri == a.value()) return std::string(name.substr(6)) + ":";
    }
    return {};
}

void check_rss_channel(Report& report, pugi::xml_node channel)
{
    report.require(channel, "title", "the channel");
    if (pugi::xml_node link = report.require(channel, "link", "the channel"))
        report.absolute_url(link, link.child_value(), "the channel's link");
    if (!channel.child("description")) report.problem(channel, "feed-missing", "the channel has no <description>");
    rss_date(report, channel.child("pubDate"));
    rss_date(report, channel.child("lastBuildDate"));
    for (const char* name : {"managingEditor", "webMaster"}) {
        pugi::xml_node person = channel.child(name);
        if (person && std::string_view(person.child_value()).find('@') == std::string_view::npos)
            report.problem(person, "feed-editor",
                           "<" + std::string(name) + "> '" + person.child_value() + "' is not an address like \"editor@example.org (Name)\"");
    }
    if (pugi::xml_node image = channel.child("image")) {
        if (pugi::xml_node url = report.require(image, "url", "the channel's image"))
            report.absolute_url(url, url.child_value(), "the image's url");
        report.require(image, "title", "the channel's image");
        report.require(image, "link", "the channel's image");
    }
    const std::string atom = prefix_for(channel.parent(), atom_namespace);
    if (!atom.empty()) {
        const std::string link_name = atom + "link";
        for (pugi::xml_node link : channel.children(link_name.c_str()))
            report.absolute_url(link, link.attribute("href").value(), "the atom:link href");
    }
}

void check_rss_item(Report& report, pugi::xml_node item, std::size_t number)
{
    const std::string what = "item " + std::to_string(number);
    if (!item.child("title") && !item.child("description"))
        report.problem(item, "feed-missing", what + " has neither <title> nor <description>");
    if (pugi::xml_node link = item.child("link")) report.absolute_url(link, link.child_value(), what + "'s link");
    rss_date(report, item.child("pubDate"));
    if (pugi::xml_node guid = item.child("guid")) {
        // isPermaLink defaults to true: such a guid must be a URL.
        if (std::string_view(guid.attribute("isPermaLink").as_string("true")) == "true")
            report.absolute_url(guid, guid.child_value(), what + "'s guid (isPermaLink)");
        report.unique(guid, guid.child_value(), "the guid");
    }
}

CheckResult check_rss(Report& report, pugi::xml_node rss)
{
    if (std::string_view(rss.attribute("version").value()) != "2.0")
        report.problem(rss, "feed-version", "<rss> has no version=\"2.0\"");
    std::size_t channels = 0, items = 0;
    for (pugi::xml_node channel : rss.children("channel")) {
        if (++channels > 1) report.problem(channel, "feed-missing", "an RSS feed has one <channel>, this one has more");
        check_rss_channel(report, channel);
        for (pugi::xml_node item : channel.children("item")) check_rss_item(report, item, ++items);
    }
    if (channels == 0) report.problem(rss, "feed-missing", "<rss> has no <channel>");
    return report.result("RSS 2.0: channel and " + std::to_string(items) + " items have the required elements, URLs and RFC 822 dates");
}

void atom_date(Report& report, pugi::xml_node parent, const std::string& name, bool required, const std::string& what)
{
    pugi::xml_node node = parent.child(name.c_str());
    if (!node) {
        if (required) report.problem(parent, "feed-missing", what + " has no <" + name + ">");
        return;
    }
    if (!parse_rfc3339(node.child_value()))
        report.problem(node, "feed-date", "<" + std::string(node.name()) + "> '" + node.child_value() + "' is not an RFC 3339 date-time");
}

void check_atom_id(Report& report, pugi::xml_node parent, const std::string& p, const std::string& what)
{
    if (pugi::xml_node id = report.require(parent, p + "id", what)) {
        report.identifier(id, id.child_value(), what + "'s id");
        report.unique(id, id.child_value(), "the id");
    }
}

bool has_author(pugi::xml_node parent, const std::string& p)
{
    const std::string author_name = p + "author";
    for (pugi::xml_node author : parent.children(author_name.c_str()))
        if (*author.child_value((p + "name").c_str())) return true;
    return false;
}

void check_links(Report& report, pugi::xml_node parent, const std::string& p, const std::string& what)
{
    const std::string link_name = p + "link";
    for (pugi::xml_node link : parent.children(link_name.c_str())) {
        const std::string_view href = link.attribute("href").value();
        if (href.empty()) report.problem(link, "feed-missing", what + " has a <link> with no href");
        // RFC 4287 lets a link be relative; a scheme must still be one readers may follow.
        else if (!allowed_url(href, true))
            report.problem(link, "feed-url", what + " has a <link> to '" + std::string(href) +
                                                 "', not an http:, https: or mailto: URL");
    }
}

void check_text_types(Report& report, pugi::xml_node parent)
{
    for (pugi::xml_node child : parent.children()) {
        pugi::xml_attribute type = child.attribute("type");
        std::string_view local = child.name();
        if (auto colon = local.find(':'); colon != std::string_view::npos) local.remove_prefix(colon + 1);
        if (!type || local == "link" || local == "content") continue;
        std::string_view value = type.value();
        if (value != "text" && value != "html" && value != "xhtml")
            report.problem(child, "feed-type", "<" + std::string(child.name()) + "> has type '" + std::string(value) + "'; text constructs are text, html or xhtml");
    }
}

void check_atom_entry(Report& report, pugi::xml_node entry, const std::string& p, std::size_t number, bool feed_author)
{
    const std::string what = "entry " + std::to_string(number);
    check_atom_id(report, entry, p, what);
    report.require(entry, p + "title", what);
    atom_date(report, entry, p + "updated", true, what);
    atom_date(report, entry, p + "published", false, what);
    if (!feed_author && !has_author(entry, p))
        report.problem(entry, "feed-missing", what + " has no <author> with a <name>, and neither has the feed");
    check_links(report, entry, p, what);
    check_text_types(report, entry);
    pugi::xml_node content = entry.child((p + "content").c_str());
    bool alternate = false;
    const std::string link_name = p + "link";
    for (pugi::xml_node link : entry.children(link_name.c_str())) {
        std::string_view rel = link.attribute("rel").as_string("alternate");
        alternate = alternate || rel == "alternate";
    }
    if (!content && !alternate)
        report.problem(entry, "feed-missing", what + " has neither <content> nor <link rel=\"alternate\">");
}

CheckResult check_atom(Report& report, pugi::xml_node root)
{
    // Atom may be written with a prefix (<a:feed xmlns:a="...">): every name then carries it.
    std::string_view root_name = root.name();
    const std::string p = root_name.find(':') == std::string_view::npos
                              ? std::string()
                              : std::string(root_name.substr(0, root_name.find(':') + 1));
    check_atom_id(report, root, p, "the feed");
    report.require(root, p + "title", "the feed");
    atom_date(report, root, p + "updated", true, "the feed");
    check_links(report, root, p, "the feed");
    check_text_types(report, root);
    const bool feed_author = has_author(root, p);
    std::size_t entries = 0;
    const std::string entry_name = p + "entry";
    for (pugi::xml_node entry : root.children(entry_name.c_str()))
        check_atom_entry(report, entry, p, ++entries, feed_author);
    return report.result("Atom 1.0: feed and " + std::to_string(entries) + " entries have the required elements, ids and RFC 3339 dates");
}

// Loads the feed and checks its root element with `check_root`; a file that is not
// well-formed XML fails here, before either vocabulary is looked at.
CheckResult check_feed_file(const fs::path& path, Diagnostics& diagnostics,
                            CheckResult (*check_root)(Report&, pugi::xml_node))
{
    FeedFile feed;
    try {
        load_feed_file(path, feed);
    } catch (const Error& e) {
        diagnostics.add(e.diagnostic());
        return {CheckResult::Status::failed, "not well-formed XML"};
    }
    Report report(feed, diagnostics);
    return check_root(report, feed.doc.document_element());
}

bool has_feed_extension(const fs::path& path)
{
    const std::string ext = path.extension().string();
    return ext == ".xml" || ext == ".rss" || ext == ".atom";
}

}  // namespace

Checker rss_checker()
{
    return {"rss",
            [](const fs::path& path) {
                if (!has_feed_extension(path)) return false;
                RootName root = sniff_root(path);
                return root.local_name == "rss" && root.namespace_uri.empty();
            },
            [](const fs::path& path, Diagnostics& diagnostics) {
                return check_feed_file(path, diagnostics, check_rss);
            }};
}

Checker atom_checker()
{
    return {"atom",
            [](const fs::path& path) {
                if (!has_feed_extension(path)) return false;
                RootName root = sniff_root(path);
                return root.local_name == "feed" && root.namespace_uri == atom_namespace;
            },
            [](const fs::path& path, Diagnostics& diagnostics) {
                return check_feed_file(path, diagnostics, check_atom);
            }};
}

}  // namespace mimeo::feed

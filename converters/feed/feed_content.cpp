#include "feed/feed_content.hpp"

#include <algorithm>
#include <ctime>
#include <set>

#include "common/url.hpp"
#include "feed/link_template.hpp"
#include "html/renderer.hpp"
#include "html/safe_html.hpp"
#include "model/model.hpp"
#include "model/named_address.hpp"

namespace mimeo::feed {
namespace {

// The article's contributors of `role`, with the address and ORCID iD the model knows.
std::vector<Person> people(pugi::xml_node article, std::string_view role)
{
    std::vector<Person> found;
    for (pugi::xml_node c : model::meta(article).children("contributor"))
        if (c.attribute("role").value() == role)
            found.push_back({c.text().get(), c.attribute("email").value(), c.attribute("orcid").value()});
    return found;
}

const char* default_link = "${publication.url}${article.slug}/";

std::string trim(std::string_view text)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

std::string first_paragraph(pugi::xml_node article)
{
    pugi::xml_node p = model::body(article).find_node([](pugi::xml_node n) { return std::string_view(n.name()) == "p"; });
    return p ? trim(model::text_of(p)) : std::string();
}

std::string rights_of(pugi::xml_node article)
{
    std::string copyright = model::meta_text(article, "copyright");
    return copyright.empty() ? model::meta_text(article, "license") : copyright;
}

Channel channel_of(const ExportRequest& request, pugi::xml_node issue)
{
    const FormatOptions& options = request.options;
    pugi::xml_node publication = model::publication(issue);
    Channel channel;
    channel.title = options.has("title") ? options.get_string("title") : trim(model::text_of(publication.child("title")));
    channel.link = publication.child("url").text().get();
    if (channel.title.empty() || !is_absolute_url(channel.link))
        throw Error({request.target.string(), 0, 0}, "feed-metadata",
                    "a feed needs the publication's title and its absolute url (https://...); give them in the "
                    "issue description (publication: title:, url:) or a pipeline's publication: key");
    channel.link = encode_url(channel.link);
    channel.description = options.has("description") ? options.get_string("description")
                                                     : trim(model::text_of(publication.child("tagline")));
    if (channel.description.empty()) channel.description = channel.title;
    channel.language = publication.child("language").text().get();
    if (channel.language.empty()) {
        auto articles = model::articles(issue);
        if (!articles.empty()) channel.language = model::language(articles.front(), "");
    }
    channel.rights = publication.child("rights").text().get();
    channel.publisher = publication.child("publisher").text().get();
    const model::NamedAddress editor = model::parse_named_address(publication.child("editor").text().get());
    channel.editor = {editor.name, editor.email, ""};
    channel.self_url = encode_url(options.get_string("feed-url"));

    std::string logo = options.has("image") ? options.get_string("image") : publication.child("logo").text().get();
    if (is_absolute_url(logo)) {
        channel.image = encode_url(logo);
    } else if (!logo.empty()) {
        request.diagnostics.warn({request.target.string(), 0, 0}, "feed-image",
                                 "the feed's image '" + logo +
                                     "' is a local file, and a feed can only point at a URL; the feed has no image "
                                     "(give the logo's web address with the image option)");
    }
    return channel;
}

// The article's date, at its time of day when it has one.
std::optional<Seconds> instant_of(pugi::xml_node date)
{
    const auto when = model_instant(date.text().get(), date.attribute("time").value());
    return when ? std::optional<Seconds>(when->when) : std::nullopt;
}

std::optional<Seconds> article_date(pugi::xml_node article)
{
    return instant_of(model::meta(article).child("date"));
}

// The build date: SOURCE_DATE_EPOCH, else the issue's, else the newest article's, so that the
// same input always makes the same feed; only with no date at all, the clock.
Seconds build_date(pugi::xml_node issue)
{
    if (auto epoch = source_date_epoch()) return *epoch;
    if (auto date = iso_date_seconds(issue.child("date").text().get())) return *date;
    std::optional<Seconds> newest;
    for (pugi::xml_node article : model::articles(issue))
        if (auto date = article_date(article)) newest = std::max(newest.value_or(*date), *date);
    return newest ? *newest : static_cast<Seconds>(std::time(nullptr));
}

Entry entry_of(const ExportRequest& request, pugi::xml_node issue, pugi::xml_node article, const Channel& channel)
{
    const FormatOptions& options = request.options;
    Entry entry;
    entry.title = trim(model::title(article));

    std::string url = model::meta_text(article, "url");
    if (url.empty())
        url = expand_template(options.get_string("link"), issue, article, options.location_of("link"));
    // A relative link or template result is read against the publication's URL.
    entry.link = resolve_url(url, channel.link);
    if (!allowed_url(entry.link, false))
        throw Error(options.location_of("link"), "feed-link",
                    "article '" + model::slug(article) + "' gets the link '" + entry.link +
                        "', which is not an absolute http:, https: or mailto: URL");
    if (std::string guid = options.get_string("guid"); !guid.empty()) {
        entry.id = encode_url(expand_template(guid, issue, article, options.location_of("guid")));
        entry.id_is_link = entry.id == entry.link;
    } else {
        entry.id = entry.link;
    }

    // An undated article is as old as its issue.
    if (auto date = article_date(article)) entry.date = *date;
    else if (auto issue_date = iso_date_seconds(issue.child("date").text().get())) entry.date = *issue_date;
    else entry.date = channel.updated;
    entry.updated = entry.date;
    if (auto when = instant_of(model::revision(article))) entry.updated = std::max(entry.updated, *when);

    entry.authors = people(article, "author");
    entry.translators = people(article, "translator");
    entry.tags = model::tags(article);
    entry.summary = trim(model::meta_text(article, "summary"));
    if (entry.summary.empty()) entry.summary = first_paragraph(article);
    entry.language = model::language(article, "");
    entry.rights = rights_of(article);
    return entry;
}

// The article's XHTML, every link and image made absolute against the entry's link.
std::string content_of(pugi::xml_node article, const std::string& link, html::RawHtml raw_html)
{
    html::RenderOptions render;
    render.rewrite_url = [&link](std::string_view href, bool) { return resolve_url(href, link); };
    html::apply_raw_html_policy(render, raw_html);
    return html::render_article(article, render);
}

}  // namespace

FeedContent read_feed_content(const ExportRequest& request, long max_items)
{
    pugi::xml_node issue = model::issue_of(request.issue);
    FeedContent feed;
    feed.channel = channel_of(request, issue);
    feed.channel.updated = build_date(issue);

    std::vector<std::pair<Entry, pugi::xml_node>> entries;
    std::set<std::string> ids;
    for (pugi::xml_node article : model::articles(issue)) {
        entries.emplace_back(entry_of(request, issue, article, feed.channel), article);
        if (!ids.insert(entries.back().first.id).second)
            throw Error(request.options.location_of("guid"), "feed-guid",
                        "two articles share the guid '" + entries.back().first.id +
                            "'; give them different slugs or urls, or a guid template that tells them apart");
    }
    // A revision after the build date still makes the feed newer than its entries.
    for (const auto& [entry, article] : entries) feed.channel.updated = std::max(feed.channel.updated, entry.updated);
    // Articles the cap will drop whatever the feed holds already are not rendered at all.
    if (max_items > 0 && entries.size() > static_cast<std::size_t>(max_items)) {
        std::stable_sort(entries.begin(), entries.end(),
                         [](const auto& a, const auto& b) { return a.first.date > b.first.date; });
        entries.resize(static_cast<std::size_t>(max_items));
    }
    const bool with_content = request.options.get_bool("content");
    const html::RawHtml raw_html = html::read_raw_html_option(request.options);
    feed.entries.reserve(entries.size());
    for (auto& [entry, article] : entries) {
        if (with_content) entry.content = content_of(article, entry.link, raw_html);
        feed.entries.push_back(std::move(entry));
    }
    return feed;
}

std::vector<OptionSpec> feed_options()
{
    return {
        {"feed-url", OptionType::string, "",
         "the feed's own address, written as `<atom:link rel=\"self\">` (RSS) or `<link rel=\"self\">` (Atom)"},
        {"link", OptionType::string, default_link,
         std::string("each article's link when the article has no `url`; variables: ") + template_variables},
        {"guid", OptionType::string, "",
         "each item's guid (Atom: id), as a template like `link`, e.g. `tag:example.org,2025:${article.slug}`; "
         "Atom needs an absolute IRI",
         {}, {}, {}, "the link (then `isPermaLink=\"true\"`)"},
        {"merge", OptionType::boolean, "true",
         "keep the items of the feed already at the target, replacing those with the same guid"},
        {"max-items", OptionType::integer, "50", "the most items the feed keeps, newest first; `0` for no limit", {}, 0},
        {"title", OptionType::string, "", "the feed's title", {}, {}, {}, "the publication's title"},
        {"description", OptionType::string, "", "the feed's description (Atom: subtitle)", {}, {}, {}, "the tagline"},
        {"image", OptionType::string, "", "the address of the feed's image", {}, {}, {},
         "the publication's logo, when a URL"},
        {"content", OptionType::boolean, "true", "carry each article's full XHTML; `false` for a summaries-only feed"},
        html::raw_html_option(),
    };
}

}  // namespace mimeo::feed

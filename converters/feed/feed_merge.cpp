#include "feed/feed_merge.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <string_view>
#include <vector>

#include "feed/feed_file.hpp"

namespace fs = std::filesystem;

namespace mimeo::feed {
namespace {

bool is_namespace_declaration(pugi::xml_attribute a) { return std::string_view(a.name()).rfind("xmlns:", 0) == 0; }

// Copied items keep the prefixes the old file declared on its root: the new root takes
// the declarations it lacks; an item takes one whose prefix the new root binds elsewhere.
void carry_namespaces(pugi::xml_node old_root, pugi::xml_node new_root, const std::vector<pugi::xml_node>& copied)
{
    for (pugi::xml_attribute declaration : old_root.attributes()) {
        if (!is_namespace_declaration(declaration)) continue;
        pugi::xml_attribute ours = new_root.attribute(declaration.name());
        if (!ours) {
            new_root.append_attribute(declaration.name()) = declaration.value();
        } else if (std::string_view(ours.value()) != declaration.value()) {
            for (pugi::xml_node item : copied)
                if (!item.attribute(declaration.name())) item.append_attribute(declaration.name()) = declaration.value();
        }
    }
}

void add_existing_items(pugi::xml_document& feed, const ItemSyntax& syntax, const fs::path& target)
{
    pugi::xml_node container = syntax.container(feed);
    FeedFile old;
    load_feed_file(target, old);
    pugi::xml_node old_container = syntax.container(old.doc);
    if (!old_container)
        throw Error(old.where(old.doc.document_element()), "feed-merge",
                    "the file to merge into is not " + std::string(syntax.feed_kind) +
                        "; it is left as it is (write elsewhere, or set merge: false to replace it)");

    std::set<std::string> keys;
    for (pugi::xml_node item : container.children(syntax.item_name)) keys.insert(syntax.key(item));
    std::vector<pugi::xml_node> copied;
    for (pugi::xml_node item : old_container.children(syntax.item_name)) {
        const std::string key = syntax.key(item);
        // An item with no guid is kept as it is; a repeated one only once.
        if (!key.empty() && !keys.insert(key).second) continue;
        copied.push_back(container.append_copy(item));
    }
    carry_namespaces(old.doc.document_element(), feed.document_element(), copied);
}

}  // namespace

MergeOptions merge_options(const FormatOptions& options)
{
    MergeOptions result{options.get_bool("merge", true), options.get_int("max-items", 50)};
    if (result.max_items < 0)
        throw Error(options.location_of("max-items"), "option-value", "option 'max-items' must be 0 (no limit) or more");
    return result;
}

void merge_items(pugi::xml_document& feed, const ItemSyntax& syntax, const fs::path& target, const MergeOptions& options)
{
    pugi::xml_node container = syntax.container(feed);
    std::error_code ec;
    if (options.merge && fs::exists(target, ec)) add_existing_items(feed, syntax, target);

    struct Dated {
        pugi::xml_node item;
        Seconds when;
    };
    std::vector<Dated> items;
    for (pugi::xml_node item : container.children(syntax.item_name))
        items.push_back({item, syntax.date(item).value_or(std::numeric_limits<Seconds>::min())});  // undated: oldest
    std::stable_sort(items.begin(), items.end(), [](const Dated& a, const Dated& b) { return a.when > b.when; });

    const std::size_t keep = options.max_items > 0 ? std::min(items.size(), std::size_t(options.max_items)) : items.size();
    for (std::size_t i = keep; i < items.size(); ++i) container.remove_child(items[i].item);
    for (std::size_t i = 0; i < keep; ++i) container.append_move(items[i].item);
}

}  // namespace mimeo::feed

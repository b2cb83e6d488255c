#include "feed/feed_merge.hpp"

#include <algorithm>
#include <ctime>
#include <limits>
#include <map>
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

// What an item says apart from its dates: equal before and after, nothing was corrected.
std::string fingerprint(pugi::xml_node item, const ItemSyntax& syntax)
{
    struct Collect : pugi::xml_writer {
        std::string text;
        void write(const void* data, std::size_t size) override { text.append(static_cast<const char*>(data), size); }
    } out;
    for (pugi::xml_node child : item.children()) {
        const std::string_view name = child.name();
        if (name == syntax.published || (syntax.updated && name == syntax.updated)) continue;
        child.print(out, "", pugi::format_raw);
    }
    return out.text;
}

Seconds correction_time()
{
    if (auto epoch = source_date_epoch()) return *epoch;
    return static_cast<Seconds>(std::time(nullptr));
}

void set_date(pugi::xml_node item, const char* name, const std::string& text)
{
    pugi::xml_node node = item.child(name);
    if (!node) return;
    node.text().set(text.c_str());
}

// A new item that replaces `old` keeps its dates, or, when corrected, gets a later `updated`.
void carry_dates(pugi::xml_node fresh, pugi::xml_node old, const ItemSyntax& syntax)
{
    if (const char* first = old.child_value(syntax.published); *first) set_date(fresh, syntax.published, first);
    if (!syntax.updated) return;
    const std::optional<Seconds> before = syntax.parse_date(old.child_value(syntax.updated));
    if (!before) return;
    if (fingerprint(fresh, syntax) == fingerprint(old, syntax)) {
        set_date(fresh, syntax.updated, old.child_value(syntax.updated));
        return;
    }
    const Seconds after = syntax.parse_date(fresh.child_value(syntax.updated)).value_or(*before);
    set_date(fresh, syntax.updated, syntax.format_date(std::max({after, correction_time(), *before + 1})));
}

// Returns the old feed's own date.
std::optional<Seconds> add_existing_items(pugi::xml_document& feed, const ItemSyntax& syntax, const fs::path& target)
{
    pugi::xml_node container = syntax.container(feed);
    FeedFile old;
    load_feed_file(target, old);
    pugi::xml_node old_container = syntax.container(old.doc);
    if (!old_container)
        throw Error(old.where(old.doc.document_element()), "feed-merge",
                    "the file to merge into is not " + std::string(syntax.feed_kind) +
                        "; it is left as it is (write elsewhere, or set merge: false to replace it)");

    std::map<std::string, pugi::xml_node> fresh;
    for (pugi::xml_node item : container.children(syntax.item_name)) fresh.emplace(syntax.key(item), item);
    std::set<std::string> keys;
    std::vector<pugi::xml_node> copied;
    for (pugi::xml_node item : old_container.children(syntax.item_name)) {
        const std::string key = syntax.key(item);
        if (auto replaced = fresh.find(key); !key.empty() && replaced != fresh.end()) {
            carry_dates(replaced->second, item, syntax);
            continue;
        }
        // An item with no guid is kept as it is; a repeated one only once.
        if (!key.empty() && !keys.insert(key).second) continue;
        copied.push_back(container.append_copy(item));
    }
    carry_namespaces(old.doc.document_element(), feed.document_element(), copied);
    return syntax.parse_date(old_container.child_value(syntax.feed_date));
}

}  // namespace

MergeOptions merge_options(const FormatOptions& options)
{
    return {options.get_bool("merge"), options.get_int("max-items")};
}

void merge_items(pugi::xml_document& feed, const ItemSyntax& syntax, const fs::path& target, const MergeOptions& options)
{
    pugi::xml_node container = syntax.container(feed);
    std::error_code ec;
    std::optional<Seconds> newest = syntax.parse_date(container.child_value(syntax.feed_date));
    auto raise = [&](std::optional<Seconds> when) {
        if (when) newest = std::max(newest.value_or(*when), *when);
    };
    // The feed merged is one mimeo wrote: a symlink there would make it read another file in.
    if (options.merge && fs::is_symlink(target, ec))
        throw Error({target.string(), 0, 0}, "feed-merge",
                    "the feed to merge items from is a symlink; mimeo merges only the regular file it wrote "
                    "there: remove the link, or set merge: false");
    if (options.merge && fs::exists(target, ec)) raise(add_existing_items(feed, syntax, target));

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
    for (std::size_t i = 0; i < keep; ++i) {
        raise(syntax.date(items[i].item));
        container.append_move(items[i].item);
    }
    if (newest) set_date(container, syntax.feed_date, syntax.format_date(*newest));
}

}  // namespace mimeo::feed

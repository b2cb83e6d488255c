#include "common/yaml_input.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/standard_forms.hpp"
#include "common/suggest.hpp"
#include "common/url.hpp"

namespace mimeo::yaml_input {

namespace {

// yaml-cpp keeps both entries of a repeated key and lookups find the first, so a second
// `title:` would be ignored without a word. Walked with a stack, and each node once: an
// alias names a node already seen, and a billion-laughs file must not multiply the walk.
void reject_duplicate_keys(const YAML::Node& root, const Source& source)
{
    std::vector<std::pair<YAML::Node, std::string>> stack{{root, ""}};
    std::set<std::size_t> seen;
    while (!stack.empty()) {
        auto [node, path] = std::move(stack.back());
        stack.pop_back();
        if (!node.IsMap() && !node.IsSequence()) continue;
        if (!seen.insert(static_cast<std::size_t>(node.Mark().pos)).second) continue;
        if (node.IsSequence()) {
            for (std::size_t i = 0; i < node.size(); ++i) stack.emplace_back(node[i], path + "[" + std::to_string(i) + "]");
            continue;
        }
        std::map<std::string, YAML::Mark> keys;
        for (const auto& item : node) {
            if (!item.first.IsScalar()) continue;
            const std::string key = item.first.Scalar();
            auto [first, fresh] = keys.emplace(key, item.first.Mark());
            if (!fresh)
                throw Error(where(source, item.first), "duplicate-key",
                            "'" + join_path(path, key) + "' is given twice: first at line " +
                                std::to_string(first->second.line + source.first_line) + ", again at line " +
                                std::to_string(item.first.Mark().line + source.first_line) + "; keep one");
            stack.emplace_back(item.second, join_path(path, key));
        }
    }
}

}  // namespace

YAML::Node parse(const std::string& text, const Source& source)
{
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        throw Error({source.file, e.mark.line + source.first_line, e.mark.column + 1}, "yaml",
                    "invalid YAML: " + e.msg);
    }
    reject_duplicate_keys(root, source);
    return root;
}

Location where(const Source& source, const YAML::Node& node)
{
    YAML::Mark mark = node.Mark();
    if (mark.line < 0) return {source.file, 0, 0};
    return {source.file, mark.line + source.first_line, mark.column + 1};
}

void fail(const Source& source, const YAML::Node& node, const std::string& key_path, const std::string& problem)
{
    throw Error(where(source, node), "yaml-type", "'" + key_path + "' " + problem);
}

std::string url(const Source& source, const YAML::Node& node, const std::string& key_path, bool relative_allowed)
{
    std::string text = scalar(source, node, key_path);
    if (!allowed_url(text, relative_allowed))
        throw Error(where(source, node), "url-scheme",
                    "'" + key_path + "' is '" + text + "': only http:, https: and mailto: URLs are allowed" +
                        (relative_allowed ? ", or a relative one" : ""));
    return text;
}

std::string join_path(const std::string& parent, const std::string& key)
{
    return parent.empty() ? key : parent + "." + key;
}

std::string scalar(const Source& source, const YAML::Node& node, const std::string& key_path)
{
    if (!node.IsScalar()) fail(source, node, key_path, "must be a single value, not a list or a mapping");
    return node.Scalar();
}

std::vector<std::string> string_list(const Source& source, const YAML::Node& node, const std::string& key_path)
{
    if (node.IsScalar()) return {node.Scalar()};
    if (!node.IsSequence()) fail(source, node, key_path, "must be a value or a list of values");
    std::vector<std::string> items;
    for (std::size_t i = 0; i < node.size(); ++i)
        items.push_back(scalar(source, node[i], key_path + "[" + std::to_string(i) + "]"));
    return items;
}

void require_map(const Source& source, const YAML::Node& node, const std::string& key_path)
{
    if (!node.IsMap()) fail(source, node, key_path.empty() ? "the document" : key_path, "must be a mapping of keys to values");
}

bool boolean(const Source& source, const YAML::Node& node, const std::string& key_path)
{
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) fail(source, node, key_path, "must be true or false");
    return value;
}

std::string date(const Source& source, const YAML::Node& node, const std::string& key_path)
{
    std::string value = scalar(source, node, key_path);
    if (!is_iso_date(value)) fail(source, node, key_path, "must be a date as YYYY-MM-DD, not '" + value + "'");
    return value;
}

DateTime date_time(const Source& source, const YAML::Node& node, const std::string& key_path)
{
    const std::string value = scalar(source, node, key_path);
    if (auto parsed = parse_date_time(value)) return *parsed;
    fail(source, node, key_path,
         "must be a date as YYYY-MM-DD, or a date and time such as 2024-03-01T10:00:00Z or 2013-05-06 02:12:52 +0200, not '" +
             value + "'");
}

void check_keys(const Source& source, const YAML::Node& map, const std::string& path,
                const std::vector<std::string_view>& allowed, Diagnostics* warn_only)
{
    for (const auto& entry : map) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "?";
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        const std::vector<std::string> known(allowed.begin(), allowed.end());
        std::string message = "unknown key '" + join_path(path, key) + "'" + did_you_mean(key, known);
        if (warn_only) warn_only->warn(where(source, entry.first), "unknown-key", message);
        else throw Error(where(source, entry.first), "unknown-key", message);
    }
}

}  // namespace mimeo::yaml_input

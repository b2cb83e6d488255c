#include "registry/formats.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <fstream>

#include "common/files.hpp"
#include "common/suggest.hpp"
#include "docx/docx_importer.hpp"
#include "email/email_checker.hpp"
#include "email/email_exporter.hpp"
#include "epub/epub_checker.hpp"
#include "epub/epub_exporter.hpp"
#include "feed/atom_exporter.hpp"
#include "feed/feed_check.hpp"
#include "feed/rss_exporter.hpp"
#include "html/html_checker.hpp"
#include "html/html_exporter.hpp"
#include "jats/jats_format.hpp"
#include "markdown/markdown_importer.hpp"
#include "canonical/canonical_format.hpp"
#include "pandoc/pandoc_exporter.hpp"
#include "pandoc/pandoc_importer.hpp"

namespace mimeo {
namespace {

// Names are read case aside, and with the common names of their versions.
std::string usual_name(const std::string& name)
{
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const std::map<std::string, std::string> aliases = {
        {"epub3", "epub"}, {"rss2", "rss"}, {"atom1", "atom"}, {"html5", "html"}, {"xhtml", "html"},
        {"md", "markdown"}, {"gfm", "markdown"}, {"eml", "email"}, {"word", "docx"}};
    auto alias = aliases.find(lower);
    return alias == aliases.end() ? lower : alias->second;
}

template <typename T>
const T* find_by_name(const std::vector<T>& list, const std::string& name)
{
    const std::string wanted = usual_name(name);
    auto it = std::find_if(list.begin(), list.end(), [&](const T& item) { return item.name == wanted; });
    return it == list.end() ? nullptr : &*it;
}

template <typename T>
std::vector<std::string> name_list(const std::vector<T>& list)
{
    std::vector<std::string> names;
    for (const auto& item : list) names.push_back(item.name);
    return names;
}

template <typename T>
std::string names_of(const std::vector<T>& list)
{
    std::string names;
    for (const std::string& name : name_list(list)) names += (names.empty() ? "" : ", ") + name;
    return names;
}

// The first few kilobytes, enough to tell one XML vocabulary from another.
std::string read_head(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

// An importer that reads other formats by name (pandoc) reads whatever the others do not
// claim: it gives up the extensions they take, and still reads them when named.
std::vector<Importer> fallbacks_last(std::vector<Importer> list)
{
    std::stable_partition(list.begin(), list.end(), [](const Importer& importer) { return !importer.format_named; });
    for (Importer& fallback : list) {
        if (!fallback.format_named) continue;
        std::erase_if(fallback.extensions, [&](const std::string& ext) {
            return std::any_of(list.begin(), list.end(), [&](const Importer& other) {
                return !other.format_named &&
                       std::find(other.extensions.begin(), other.extensions.end(), ext) != other.extensions.end();
            });
        });
    }
    return list;
}

}  // namespace

const std::vector<Importer>& importers()
{
    static const std::vector<Importer> list =
        fallbacks_last({markdown::importer(), markdown::commonmark_importer(), canonical::importer(), jats::importer(),
                        docx::importer(), pandoc::importer()});
    return list;
}

const std::vector<Exporter>& exporters()
{
    static const std::vector<Exporter> list = {html::exporter(), canonical::exporter(), feed::rss_exporter(),
                                               feed::atom_exporter(), epub::exporter(), jats::exporter(),
                                               email::exporter(), pandoc::exporter()};
    return list;
}

const std::vector<Checker>& checkers()
{
    static const std::vector<Checker> list = {feed::rss_checker(), feed::atom_checker(), canonical::checker(), epub::checker(),
                                              jats::checker(), email::checker(), html::checker()};
    return list;
}

const Importer* find_importer(const std::string& name) { return find_by_name(importers(), name); }
const Exporter* find_exporter(const std::string& name) { return find_by_name(exporters(), name); }
const Checker* find_checker(const std::string& name) { return find_by_name(checkers(), name); }

const Importer* importer_for_path(const std::filesystem::path& path)
{
    const std::string ext = lower_extension(path);
    std::string head;
    bool head_read = false;
    for (const auto& importer : importers()) {
        if (std::find(importer.extensions.begin(), importer.extensions.end(), ext) == importer.extensions.end())
            continue;
        if (!importer.recognizes) return &importer;
        if (!head_read) {
            head = read_head(path);
            head_read = true;
        }
        if (importer.recognizes(head)) return &importer;
    }
    return nullptr;
}

const Checker* checker_for_path(const std::filesystem::path& path)
{
    for (const auto& checker : checkers())
        if (checker.recognizes(path)) return &checker;
    return nullptr;
}

bool is_engine(const std::string& name)
{
    const Importer* importer = find_importer(name);
    return name == "native" || (importer && importer->format_named);
}

std::string engine_names()
{
    std::string names = "native";
    for (const Importer& importer : importers())
        if (importer.format_named) names += ", " + importer.name;
    return names;
}

const Exporter& require_exporter(const std::string& name)
{
    if (const Exporter* found = find_exporter(name)) return *found;
    throw UsageError("unknown output format '" + name + "'" + did_you_mean(name, name_list(exporters())) +
                     " (available: " + names_of(exporters()) + ")");
}

const Importer& require_importer(const std::string& name)
{
    if (const Importer* found = find_importer(name)) return *found;
    // A format only a reader of many formats knows: that importer reads it, given the name as its `format`.
    std::string others;
    for (const Importer& importer : importers()) {
        if (!importer.format_named) continue;
        if (!importer.format_named(name).empty()) return importer;
        others += ", and any format " + importer.name + " reads";
    }
    throw UsageError("unknown input format '" + name + "'" + did_you_mean(name, name_list(importers())) +
                     " (available: " + names_of(importers()) + others + ")");
}

}  // namespace mimeo

#include "registry/formats.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

#include "html/html_exporter.hpp"
#include "markdown/markdown_importer.hpp"
#include "model/model_format.hpp"

namespace mimeo {
namespace {

// Formats the design names whose exporters have not landed yet.
const std::vector<std::string> planned_exporters = {"epub", "jats", "email", "rss", "atom", "pandoc"};

template <typename T>
const T* find_by_name(const std::vector<T>& list, const std::string& name)
{
    auto it = std::find_if(list.begin(), list.end(), [&](const T& item) { return item.name == name; });
    return it == list.end() ? nullptr : &*it;
}

template <typename T>
std::string names_of(const std::vector<T>& list)
{
    std::string names;
    for (const auto& item : list) names += (names.empty() ? "" : ", ") + item.name;
    return names;
}

std::string lower_extension(const std::filesystem::path& path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
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

}  // namespace

const std::vector<Importer>& importers()
{
    static const std::vector<Importer> list = {markdown::importer(), markdown::commonmark_importer(),
                                               model::importer()};
    return list;
}

const std::vector<Exporter>& exporters()
{
    static const std::vector<Exporter> list = {html::exporter(), model::exporter()};
    return list;
}

const std::vector<Checker>& checkers()
{
    static const std::vector<Checker> list = {model::checker()};
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

const Exporter& require_exporter(const std::string& name)
{
    if (const Exporter* found = find_exporter(name)) return *found;
    if (std::find(planned_exporters.begin(), planned_exporters.end(), name) != planned_exporters.end())
        throw UsageError("output format '" + name + "' is not available yet in this version of mimeo (available: " +
                         names_of(exporters()) + ")");
    throw UsageError("unknown output format '" + name + "' (available: " + names_of(exporters()) + ")");
}

const Importer& require_importer(const std::string& name)
{
    if (const Importer* found = find_importer(name)) return *found;
    throw UsageError("unknown input format '" + name + "' (available: " + names_of(importers()) + ")");
}

}  // namespace mimeo

#include "registry/formats.hpp"

#include <algorithm>
#include <fstream>

#include "common/files.hpp"
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
#include "model/model_format.hpp"
#include "pandoc/pandoc_exporter.hpp"
#include "pandoc/pandoc_formats.hpp"
#include "pandoc/pandoc_importer.hpp"

namespace mimeo {
namespace {

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

// The first few kilobytes, enough to tell one XML vocabulary from another.
std::string read_head(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

// pandoc reads whatever no native importer claims: it comes last, and gives up the
// extensions the others take (it still reads them when asked by name or --engine pandoc).
std::vector<Importer> with_pandoc_last(std::vector<Importer> native)
{
    Importer fallback = pandoc::importer();
    std::erase_if(fallback.extensions, [&](const std::string& ext) {
        return std::any_of(native.begin(), native.end(), [&](const Importer& importer) {
            return std::find(importer.extensions.begin(), importer.extensions.end(), ext) != importer.extensions.end();
        });
    });
    native.push_back(std::move(fallback));
    return native;
}

}  // namespace

const std::vector<Importer>& importers()
{
    static const std::vector<Importer> list = with_pandoc_last({markdown::importer(), markdown::commonmark_importer(),
                                               model::importer(), jats::importer(), docx::importer()});
    return list;
}

const std::vector<Exporter>& exporters()
{
    static const std::vector<Exporter> list = {html::exporter(), model::exporter(), feed::rss_exporter(),
                                               feed::atom_exporter(), epub::exporter(), jats::exporter(),
                                               email::exporter(), pandoc::exporter()};
    return list;
}

const std::vector<Checker>& checkers()
{
    static const std::vector<Checker> list = {feed::rss_checker(), feed::atom_checker(), model::checker(), epub::checker(),
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

const Exporter& require_exporter(const std::string& name)
{
    if (const Exporter* found = find_exporter(name)) return *found;
    throw UsageError("unknown output format '" + name + "' (available: " + names_of(exporters()) + ")");
}

const Importer& require_importer(const std::string& name)
{
    if (const Importer* found = find_importer(name)) return *found;
    // Any other format pandoc reads is the pandoc importer's, which takes the name as its `format`.
    if (pandoc::is_reader(name)) return *find_importer("pandoc");
    throw UsageError("unknown input format '" + name + "' (available: " + names_of(importers()) +
                     ", and any format pandoc reads: odt, html, latex, rst, org, docbook, epub, rtf, ...)");
}

}  // namespace mimeo

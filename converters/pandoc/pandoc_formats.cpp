#include "pandoc/pandoc_formats.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace mimeo::pandoc {
namespace {

const std::vector<std::pair<std::string, std::string>> extension_readers = {
    {".md", "markdown"},        {".markdown", "markdown"}, {".docx", "docx"},     {".odt", "odt"},
    {".html", "html"},          {".htm", "html"},          {".xhtml", "html"},    {".tex", "latex"},
    {".latex", "latex"},        {".ltx", "latex"},         {".rst", "rst"},       {".org", "org"},
    {".dbk", "docbook"},        {".docbook", "docbook"},   {".epub", "epub"},     {".rtf", "rtf"},
    {".textile", "textile"},    {".mediawiki", "mediawiki"}, {".wiki", "mediawiki"}, {".ipynb", "ipynb"},
    {".fb2", "fb2"},            {".opml", "opml"},         {".t2t", "t2t"},       {".muse", "muse"},
    {".creole", "creole"},      {".jira", "jira"},         {".csv", "csv"},       {".tsv", "tsv"},
    {".typ", "typst"},          {".dj", "djot"},           {".pptx", "pptx"},     {".xlsx", "xlsx"},
    {".man", "man"},            {".1", "man"},             {".adoc", "asciidoc"}, {".asciidoc", "asciidoc"},
};

// pandoc 2.11's readers and those pandoc 3.x added (typst, djot, pptx, xlsx, asciidoc, ...);
// not pandoc 3's "xml", whose name is mimeo's canonical XML.
const std::vector<std::string> readers = {
    "asciidoc", "biblatex",  "bibtex",     "bits",       "commonmark", "commonmark_x", "creole",
    "csljson",  "csv",       "djot",       "docbook",    "docx",       "dokuwiki",     "endnotexml",
    "epub",     "fb2",       "gfm",        "haddock",    "html",       "ipynb",        "jats",
    "jira",     "json",      "latex",      "man",        "markdown",   "markdown_github",
    "markdown_mmd", "markdown_phpextra", "markdown_strict", "mdoc", "mediawiki", "muse", "native",
    "odt",      "opml",      "org",        "pod",        "pptx",       "ris",          "rst",
    "rtf",      "t2t",       "textile",    "tikiwiki",   "tsv",        "twiki",        "typst",
    "vimwiki",  "xlsx",
};

const std::vector<std::string> media_readers = {"docx", "odt", "epub", "fb2", "ipynb", "rtf", "pptx", "xlsx"};

const std::vector<std::string> binary_writers = {"docx", "odt", "epub", "epub2", "epub3", "pptx", "pdf"};

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// "markdown+smart-raw_html" -> "markdown"
std::string base_name(const std::string& name) { return name.substr(0, name.find_first_of("+-")); }

bool listed(const std::vector<std::string>& list, const std::string& name)
{
    return std::find(list.begin(), list.end(), base_name(name)) != list.end();
}

}  // namespace

std::string reader_for_extension(const std::filesystem::path& path)
{
    const std::string ext = lower(path.extension().string());
    for (const auto& [extension, reader] : extension_readers)
        if (extension == ext) return reader;
    return "";
}

std::vector<std::string> reader_extensions()
{
    std::vector<std::string> list;
    for (const auto& entry : extension_readers) list.push_back(entry.first);
    return list;
}

bool is_reader(const std::string& name) { return listed(readers, name); }
std::vector<std::string> reader_names() { return readers; }

std::string reader_named(const std::string& name)
{
    constexpr std::string_view pandocs = "pandoc-markdown";
    if (name.rfind(pandocs, 0) == 0 && is_reader("markdown" + name.substr(pandocs.size())))
        return "markdown" + name.substr(pandocs.size());
    return is_reader(name) ? name : std::string();
}
bool embeds_media(const std::string& reader) { return listed(media_readers, reader); }
bool writes_binary(const std::string& writer) { return listed(binary_writers, writer); }

}  // namespace mimeo::pandoc

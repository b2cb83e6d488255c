#include "feed/feed_file.hpp"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "common/files.hpp"

namespace mimeo::feed {
namespace {

struct FirstError {
    Location where;
    std::string message;
};

void keep_first_error(void* context, xmlErrorPtr error)
{
    auto* first = static_cast<FirstError*>(context);
    if (!first->message.empty() || error->level < XML_ERR_ERROR) return;
    std::string message = error->message ? error->message : "not well-formed";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    first->where.line = error->line;
    first->where.column = error->int2;
    first->message = message;
}

// pugixml is lenient (it keeps an undefined entity or a bare '&' as text), so libxml2
// decides first whether the file is XML at all, as feed readers will.
void require_well_formed(const std::string& text, const std::string& file)
{
    FirstError first{{file, 0, 0}, ""};
    xmlSetStructuredErrorFunc(&first, keep_first_error);
    xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), file.c_str(), nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    if (doc) {
        xmlFreeDoc(doc);
        return;
    }
    throw Error(first.where, "feed-parse",
                "cannot read the feed: " + (first.message.empty() ? std::string("not well-formed XML") : first.message));
}

Location location_at(const std::string& file, const std::string& text, std::ptrdiff_t offset)
{
    if (offset < 0 || static_cast<std::size_t>(offset) > text.size()) return {file, 0, 0};
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < static_cast<std::size_t>(offset); ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return {file, line, static_cast<int>(static_cast<std::size_t>(offset) - line_start) + 1};
}

}  // namespace

Location FeedFile::where(pugi::xml_node node) const { return location_at(file, text, node.offset_debug()); }

void load_feed_file(const std::filesystem::path& path, FeedFile& out)
{
    out.file = path.string();
    out.text = read_file(path);
    require_well_formed(out.text, out.file);
    pugi::xml_parse_result parsed = out.doc.load_buffer(out.text.data(), out.text.size(), pugi::parse_default);
    if (!parsed)
        throw Error(location_at(out.file, out.text, parsed.offset), "feed-parse",
                    std::string("cannot read the feed: ") + parsed.description());
}

RootName sniff_root(const std::filesystem::path& path)
{
    // A streaming reader stops at the first element: cheap however large the file is.
    RootName root;
    xmlTextReaderPtr reader = xmlReaderForFile(path.string().c_str(), nullptr,
                                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!reader) return root;
    while (xmlTextReaderRead(reader) == 1) {
        if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT) continue;
        if (const xmlChar* name = xmlTextReaderConstLocalName(reader)) root.local_name = reinterpret_cast<const char*>(name);
        if (const xmlChar* ns = xmlTextReaderConstNamespaceUri(reader)) root.namespace_uri = reinterpret_cast<const char*>(ns);
        break;
    }
    xmlFreeTextReader(reader);
    return root;
}

}  // namespace mimeo::feed

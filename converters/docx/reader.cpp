#include "docx/reader.hpp"

#include "common/diagnostics.hpp"
#include "common/files.hpp"
#include "docx/notes.hpp"
#include "docx/part_reader.hpp"
#include "docx/properties.hpp"
#include "docx/relationships.hpp"
#include "docx/xml_part.hpp"

namespace mimeo::docx {
namespace {

// The main document is what the package relationships call the office document;
// Word always writes word/document.xml, others sometimes choose another name.
std::string main_part(Package& package, const Relationships& package_relationships)
{
    std::string part = target_of_type(package_relationships, "officeDocument");
    if (!part.empty() && package.has(part)) return part;
    if (package.has("word/document.xml")) return "word/document.xml";
    throw Error({package.file(), 0, 0}, "docx-no-document",
                "not a Word document: the package has no word/document.xml");
}

// Headers and footers are page furniture the model has no place for; when they
// hold text, saying so keeps the loss from being silent.
void count_headers_and_footers(Package& package, const Relationships& relationships, std::map<std::string, int>& skipped)
{
    for (const auto& [id, rel] : relationships) {
        if (rel.external || (rel.type != "header" && rel.type != "footer") || !package.has(rel.target)) continue;
        pugi::xml_document doc;
        parse_part(package.read(rel.target), package.file(), rel.target, doc);
        bool has_text = false;
        for (pugi::xpath_node t : doc.select_nodes("//w:t"))
            if (*t.node().text().get()) has_text = true;
        if (has_text) ++skipped[rel.type == "header" ? "w:hdr (page header)" : "w:ftr (page footer)"];
    }
}

// [Content_Types].xml, read when first asked: a part's media type is its Override, else
// the Default for its extension.
class ContentTypes {
public:
    explicit ContentTypes(Package& package) : package_(package) {}

    std::string of(const std::string& part)
    {
        if (!read_) {
            read_ = true;
            if (package_.has("[Content_Types].xml"))
                parse_part(package_.read("[Content_Types].xml"), package_.file(), "[Content_Types].xml", types_);
        }
        pugi::xml_node root = types_.document_element();
        for (pugi::xml_node o : root.children("Override"))
            if (std::string_view(o.attribute("PartName").value()) == "/" + part) return o.attribute("ContentType").value();
        const std::string extension = lower_extension(part);
        for (pugi::xml_node d : root.children("Default"))
            if (lower_extension(std::string("x.") + d.attribute("Extension").value()) == extension)
                return d.attribute("ContentType").value();
        return "";
    }

private:
    Package& package_;
    pugi::xml_document types_;
    bool read_ = false;
};

}  // namespace

WordDocument read_word_document(Package& package, const ReadOptions& options)
{
    WordDocument doc;
    const Relationships package_relationships = read_relationships(package, "");
    const std::string main = main_part(package, package_relationships);
    const Relationships relationships = read_relationships(package, main);

    if (std::string part = target_of_type(relationships, "styles"); !part.empty() && package.has(part)) {
        pugi::xml_document styles;
        parse_part(package.read(part), package.file(), part, styles);
        doc.styles = Styles(styles.document_element());
    }
    if (std::string part = target_of_type(relationships, "numbering"); !part.empty() && package.has(part)) {
        pugi::xml_document numbering;
        parse_part(package.read(part), package.file(), part, numbering);
        doc.numbering = Numbering(numbering.document_element());
    }

    pugi::xml_document main_xml;
    parse_part(package.read(main), package.file(), main, main_xml);
    pugi::xml_node document = main_xml.child("w:document");
    if (!document.child("w:body"))
        throw Error({package.file(), 0, 0}, "docx-no-document", main + ": has no w:document/w:body element");
    PartContext context{package.file(), doc.styles, relationships, options.reject_changes, doc.losses};
    ContentTypes content_types(package);
    context.read_chunk = [&](const std::string& part) { return Chunk{part, content_types.of(part), package.read(part)}; };
    // Word writes one w:body; some generators write several, and every one is text.
    for (pugi::xml_node body : document.children("w:body")) {
        std::vector<Block> blocks = read_blocks(body, context);
        doc.body.insert(doc.body.end(), std::make_move_iterator(blocks.begin()), std::make_move_iterator(blocks.end()));
    }

    doc.footnotes = read_notes(package, target_of_type(relationships, "footnotes"), "w:footnote", doc.styles,
                               options.reject_changes, doc.losses);
    doc.endnotes = read_notes(package, target_of_type(relationships, "endnotes"), "w:endnote", doc.styles,
                              options.reject_changes, doc.losses);
    doc.comments = read_notes(package, target_of_type(relationships, "comments"), "w:comment", doc.styles,
                              options.reject_changes, doc.losses);
    count_headers_and_footers(package, relationships, doc.losses.skipped);
    doc.properties = read_properties(package, target_of_type(package_relationships, "core-properties"),
                                     target_of_type(package_relationships, "extended-properties"));
    return doc;
}

}  // namespace mimeo::docx

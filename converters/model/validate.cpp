#include "model/validate.hpp"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include <memory>
#include <mutex>

#include "common/files.hpp"
#include "model/model.hpp"

namespace mimeo::model {
namespace {

struct ErrorSink {
    std::string file;
    std::vector<Diagnostic>* out;
};

void collect_structured_error(void* context, xmlErrorPtr error)
{
    auto* sink = static_cast<ErrorSink*>(context);
    std::string message = error->message ? error->message : "invalid";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    sink->out->push_back({Severity::error, "schema", {sink->file, error->line, 0}, message});
}

// The compiled schema, shared by every thread; libxml2 only reads it while validating.
xmlRelaxNGPtr compiled_schema()
{
    static std::once_flag once;
    static xmlRelaxNGPtr schema = nullptr;
    std::call_once(once, [] {
        const std::string& text = article_schema_text();
        xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewMemParserCtxt(text.data(), static_cast<int>(text.size()));
        schema = xmlRelaxNGParse(parser);
        xmlRelaxNGFreeParserCtxt(parser);
    });
    if (!schema) throw Error({}, "internal", "the built-in article schema does not compile");
    return schema;
}

}  // namespace

std::vector<Diagnostic> validate_xml(const std::string& xml, const std::string& file_name)
{
    std::vector<Diagnostic> problems;
    ErrorSink sink{file_name, &problems};
    xmlRelaxNGPtr schema = compiled_schema();

    // Streamed: libxml2 checks each element as it reads it, with no tree built (faster, and
    // the memory stays flat). XML_PARSE_NONET and no entity substitution: nothing fetched.
    xmlTextReaderPtr reader = xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), file_name.c_str(), nullptr,
                                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    if (!reader) return {{Severity::error, "xml", {file_name, 0, 0}, "not well-formed XML"}};
    std::unique_ptr<xmlTextReader, decltype(&xmlFreeTextReader)> owned(reader, xmlFreeTextReader);
    xmlTextReaderSetStructuredErrorHandler(reader, collect_structured_error, &sink);
    if (xmlTextReaderRelaxNGSetSchema(reader, schema) != 0)
        return {{Severity::error, "internal", {file_name, 0, 0}, "the schema cannot be used to validate"}};
    int step;
    while ((step = xmlTextReaderRead(reader)) == 1) {
    }
    if (step < 0 && problems.empty()) problems.push_back({Severity::error, "xml", {file_name, 0, 0}, "not well-formed XML"});
    if (xmlTextReaderIsValid(reader) != 1 && problems.empty())
        problems.push_back({Severity::error, "schema", {file_name, 0, 0}, "does not match schemas/article.rng"});
    return problems;
}

std::vector<Diagnostic> validate_document(const pugi::xml_document& doc, const std::string& file_name)
{
    return validate_xml(to_compact_xml(doc), file_name);
}

std::vector<Diagnostic> validate_file(const std::filesystem::path& path)
{
    std::string text = read_file(path);
    return validate_xml(text, path.string());
}

void require_valid(const pugi::xml_document& doc, const std::string& file_name)
{
    auto problems = validate_document(doc, file_name);
    if (!problems.empty()) {
        const Diagnostic& first = problems.front();
        throw Error(first.where, first.code, "the imported article does not match the schema: " + first.message);
    }
}

}  // namespace mimeo::model

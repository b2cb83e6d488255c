#include "model/validate.hpp"

#include <libxml/parser.h>
#include <libxml/relaxng.h>

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

    // libxml2 keeps the error handler per thread.
    xmlSetStructuredErrorFunc(&sink, collect_structured_error);
    // XML_PARSE_NONET and no entity substitution: never fetch or expand anything.
    xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), file_name.c_str(), nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    if (!doc) {
        if (problems.empty()) problems.push_back({Severity::error, "xml", {file_name, 0, 0}, "not well-formed XML"});
        return problems;
    }
    xmlRelaxNGValidCtxtPtr validator = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(validator, collect_structured_error, &sink);
    int result = xmlRelaxNGValidateDoc(validator, doc);
    xmlRelaxNGFreeValidCtxt(validator);
    xmlFreeDoc(doc);
    if (result != 0 && problems.empty())
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

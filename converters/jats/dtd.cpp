#include "jats/dtd.hpp"

#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/valid.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <set>

#include "common/files.hpp"
#include "jats/vocabulary.hpp"

namespace fs = std::filesystem;

namespace mimeo::jats {
namespace {

const fs::path catalog_in_package = fs::path("node_modules") / "@jats4r" / "dtds" / "schema" / "catalog.xml";

fs::path catalog_at(const fs::path& given)
{
    std::error_code ec;
    fs::path candidate = fs::is_directory(given, ec) ? given / "catalog.xml" : given;
    if (fs::is_directory(given / "schema", ec)) candidate = given / "schema" / "catalog.xml";
    return fs::is_regular_file(candidate, ec) ? fs::absolute(candidate, ec) : fs::path{};
}

// libxml2's catalogs are process-wide; each catalog file is loaded once.
void load_catalog(const fs::path& catalog)
{
    static std::mutex mutex;
    static std::set<std::string> loaded;
    std::lock_guard lock(mutex);
    if (loaded.insert(catalog.string()).second) xmlLoadCatalog(catalog.c_str());
}

struct ErrorSink {
    std::string file;
    std::vector<Diagnostic>* out;
};

void collect_error(void* context, xmlErrorPtr error)
{
    auto* sink = static_cast<ErrorSink*>(context);
    if (error->level == XML_ERR_WARNING) return;
    std::string message = error->message ? error->message : "invalid";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    const char* code = error->domain == XML_FROM_VALID || error->domain == XML_FROM_DTD ? "jats-invalid" : "xml";
    sink->out->push_back({Severity::error, code, {sink->file, error->line, 0}, message});
}

// Routes libxml2's errors on this thread into `problems` for as long as it lives.
class ErrorCapture {
public:
    ErrorCapture(const std::string& file, std::vector<Diagnostic>& problems) : sink_{file, &problems}
    {
        xmlSetStructuredErrorFunc(&sink_, collect_error);
    }
    ~ErrorCapture() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

private:
    ErrorSink sink_;
};

constexpr int safe_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

// The Archiving DTD, loaded through a stub document that is kept alive: the DTD's
// names live in that document's dictionary.
xmlDtdPtr archiving_dtd(const fs::path& catalog, std::vector<Diagnostic>& problems)
{
    static std::map<std::string, xmlDocPtr> stubs;
    auto found = stubs.find(catalog.string());
    if (found != stubs.end()) return found->second ? found->second->extSubset : nullptr;
    load_catalog(catalog);
    const std::string stub = std::string("<!DOCTYPE article PUBLIC \"") + public_id + "\" \"" + system_id + "\"><article/>";
    ErrorCapture capture(catalog.string(), problems);
    xmlDocPtr doc = xmlReadMemory(stub.data(), static_cast<int>(stub.size()), "jats-dtd-stub.xml", nullptr,
                                  safe_options | XML_PARSE_DTDLOAD);
    if (doc && !doc->extSubset) {
        xmlFreeDoc(doc);
        doc = nullptr;
    }
    stubs[catalog.string()] = doc;
    return doc ? doc->extSubset : nullptr;
}

}  // namespace

fs::path find_catalog(const std::string& configured)
{
    if (!configured.empty()) {
        fs::path found = catalog_at(configured);
        if (found.empty())
            throw Error({configured, 0, 0}, "jats-no-dtd", "no JATS DTD catalog (catalog.xml) here");
        return found;
    }
    if (const char* env = std::getenv("MIMEO_JATS_DTDS"); env && *env) {
        fs::path found = catalog_at(env);
        if (found.empty())
            throw Error({env, 0, 0}, "jats-no-dtd", "MIMEO_JATS_DTDS names no JATS DTD catalog (catalog.xml)");
        return found;
    }
    return find_near_mimeo(catalog_in_package);
}

std::vector<Diagnostic> validate_as_declared(const std::string& xml, const std::string& file_name,
                                             const fs::path& catalog)
{
    std::vector<Diagnostic> problems;
    load_catalog(catalog);
    xmlDocPtr doc = nullptr;
    {
        ErrorCapture capture(file_name, problems);
        // DTD validation loads the external subset, which the catalog maps to local files;
        // XML_PARSE_NONET refuses anything the catalog does not know.
        doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), file_name.c_str(), nullptr,
                            safe_options | XML_PARSE_DTDLOAD | XML_PARSE_DTDVALID);
    }
    if (doc && !doc->extSubset && !doc->intSubset)
        problems.push_back({Severity::error, "jats-invalid", {file_name, 1, 0}, "no DOCTYPE: nothing to validate against"});
    if (doc) xmlFreeDoc(doc);
    else if (problems.empty()) problems.push_back({Severity::error, "xml", {file_name, 0, 0}, "not well-formed XML"});
    return problems;
}

std::vector<Diagnostic> validate_archiving(const std::string& xml, const std::string& file_name,
                                           const fs::path& catalog)
{
    // libxml2 compiles content models into the DTD on first use: one validation at a time.
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::vector<Diagnostic> problems;
    xmlDtdPtr dtd = archiving_dtd(catalog, problems);
    if (!dtd) {
        problems.push_back({Severity::error, "jats-no-dtd", {catalog.string(), 0, 0},
                            "the catalog does not lead to the JATS 1.3 Archiving DTD"});
        return problems;
    }
    ErrorCapture capture(file_name, problems);
    xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), file_name.c_str(), nullptr, safe_options);
    if (!doc) {
        if (problems.empty()) problems.push_back({Severity::error, "xml", {file_name, 0, 0}, "not well-formed XML"});
        return problems;
    }
    xmlValidCtxtPtr context = xmlNewValidCtxt();
    int valid = xmlValidateDtd(context, doc, dtd);
    xmlFreeValidCtxt(context);
    xmlFreeDoc(doc);
    if (!valid && problems.empty())
        problems.push_back({Severity::error, "jats-invalid", {file_name, 0, 0}, "not valid against the JATS 1.3 Archiving DTD"});
    return problems;
}

}  // namespace mimeo::jats

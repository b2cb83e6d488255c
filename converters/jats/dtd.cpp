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

// The catalog as a catalog of its own, apart from the system's: what `check` may load.
xmlCatalogPtr own_catalog(const fs::path& catalog)
{
    static std::mutex mutex;
    static std::map<std::string, xmlCatalogPtr> loaded;
    std::lock_guard lock(mutex);
    auto [at, fresh] = loaded.try_emplace(catalog.string(), nullptr);
    if (fresh) at->second = xmlLoadACatalog(catalog.c_str());
    return at->second;
}

// The local file the catalog maps these ids to; empty when it maps them to nothing.
std::string resolve(const fs::path& catalog, const xmlChar* public_id, const xmlChar* system_id)
{
    xmlCatalogPtr own = own_catalog(catalog);
    if (!own) return "";
    xmlChar* found = xmlACatalogResolve(own, public_id, system_id);
    if (!found) return "";
    std::string path = reinterpret_cast<const char*>(found);
    xmlFree(found);
    if (path.rfind("file://", 0) == 0) path.erase(0, 7);
    return path;
}

// The DTD in the file `dtd_file` (a catalog's), loaded through a stub document that is kept
// alive: the DTD's names live in that document's dictionary. Callers hold `dtd_mutex`.
std::mutex dtd_mutex;
xmlDtdPtr dtd_at(const fs::path& catalog, const std::string& dtd_file, std::vector<Diagnostic>& problems)
{
    static std::map<std::string, xmlDocPtr> stubs;
    auto found = stubs.find(dtd_file);
    if (found != stubs.end()) return found->second ? found->second->extSubset : nullptr;
    load_catalog(catalog);  // the DTD's own modules are found through it
    const std::string stub = "<!DOCTYPE article SYSTEM \"" + dtd_file + "\"><article/>";
    ErrorCapture capture(dtd_file, problems);
    xmlDocPtr doc = xmlReadMemory(stub.data(), static_cast<int>(stub.size()), "jats-dtd-stub.xml", nullptr,
                                  safe_options | XML_PARSE_DTDLOAD);
    if (doc && !doc->extSubset) {
        xmlFreeDoc(doc);
        doc = nullptr;
    }
    stubs[dtd_file] = doc;
    return doc ? doc->extSubset : nullptr;
}

// `doc` against `dtd`; libxml2 compiles content models into the DTD on first use, so one
// validation at a time (the caller holds dtd_mutex).
void validate_against(xmlDocPtr doc, xmlDtdPtr dtd, const std::string& file_name, const std::string& what,
                      std::vector<Diagnostic>& problems)
{
    ErrorCapture capture(file_name, problems);
    xmlValidCtxtPtr context = xmlNewValidCtxt();
    const std::size_t before = problems.size();
    int valid = xmlValidateDtd(context, doc, dtd);
    xmlFreeValidCtxt(context);
    if (!valid && problems.size() == before)
        problems.push_back({Severity::error, "jats-invalid", {file_name, 0, 0}, "not valid against " + what});
}

// The file parsed as it is: no DTD, no entity, nothing outside it read.
xmlDocPtr parse_alone(const std::string& xml, const std::string& file_name, std::vector<Diagnostic>& problems)
{
    ErrorCapture capture(file_name, problems);
    xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), file_name.c_str(), nullptr, safe_options);
    if (!doc && problems.empty()) problems.push_back({Severity::error, "xml", {file_name, 0, 0}, "not well-formed XML"});
    return doc;
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
    xmlDocPtr doc = parse_alone(xml, file_name, problems);
    if (!doc) return problems;
    // The DOCTYPE's ids are looked up in mimeo's catalog and nowhere else: a system id naming
    // a local file or a URL is never loaded.
    const xmlDtdPtr declared = doc->intSubset;
    if (!declared || (!declared->ExternalID && !declared->SystemID)) {
        problems.push_back({Severity::error, "jats-invalid", {file_name, 1, 0}, "no DOCTYPE naming a JATS DTD: nothing to validate against"});
    } else if (const std::string dtd_file = resolve(catalog, declared->ExternalID, declared->SystemID); dtd_file.empty()) {
        auto text = [](const xmlChar* id) { return id ? std::string(reinterpret_cast<const char*>(id)) : std::string("(none)"); };
        problems.push_back({Severity::error, "jats-unknown-dtd", {file_name, 1, 0},
                            "the DOCTYPE names a DTD that is not in mimeo's JATS catalog (public id " +
                                text(declared->ExternalID) + ", system id " + text(declared->SystemID) +
                                "); it is not loaded"});
    } else {
        std::lock_guard lock(dtd_mutex);
        if (xmlDtdPtr dtd = dtd_at(catalog, dtd_file, problems))
            validate_against(doc, dtd, file_name, "the DTD of its DOCTYPE", problems);
        else
            problems.push_back({Severity::error, "jats-no-dtd", {dtd_file, 0, 0}, "the catalog's DTD cannot be read"});
    }
    xmlFreeDoc(doc);
    return problems;
}

std::vector<Diagnostic> validate_archiving(const std::string& xml, const std::string& file_name,
                                           const fs::path& catalog)
{
    std::vector<Diagnostic> problems;
    const std::string archiving = resolve(catalog, reinterpret_cast<const xmlChar*>(public_id),
                                          reinterpret_cast<const xmlChar*>(system_id));
    std::lock_guard lock(dtd_mutex);
    xmlDtdPtr dtd = archiving.empty() ? nullptr : dtd_at(catalog, archiving, problems);
    if (!dtd) {
        problems.push_back({Severity::error, "jats-no-dtd", {catalog.string(), 0, 0},
                            "the catalog does not lead to the JATS 1.3 Archiving DTD"});
        return problems;
    }
    xmlDocPtr doc = parse_alone(xml, file_name, problems);
    if (!doc) return problems;
    validate_against(doc, dtd, file_name, "the JATS 1.3 Archiving DTD", problems);
    xmlFreeDoc(doc);
    return problems;
}

}  // namespace mimeo::jats

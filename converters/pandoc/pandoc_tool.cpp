#include "pandoc/pandoc_tool.hpp"

#include <map>
#include <mutex>

namespace mimeo::pandoc {
namespace {

const char* const supported = "mimeo reads API 1.22 (pandoc 2.11 to 2.19) and 1.23 (pandoc 3)";

std::string version_text(const nlohmann::json& version)
{
    std::string text;
    for (const auto& part : version) text += (text.empty() ? "" : ".") + part.dump();
    return text;
}

}  // namespace

nlohmann::json parse_json(const std::string& text, const Tool& tool, const std::string& file)
{
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error({file, 0, 0}, "pandoc-json",
                    "pandoc ('" + tool.program + "') did not write a JSON document: " + e.what());
    }
}

int api_minor(const nlohmann::json& document, const Tool& tool, const std::string& file)
{
    const std::string who = "pandoc ('" + tool.program + "')";
    if (!document.is_object() || !document.contains("pandoc-api-version"))
        throw Error({file, 0, 0}, "pandoc-version",
                    who + " writes a JSON tree without an API version, as pandoc before 1.18 did; " + supported +
                        ": install a newer pandoc");
    const nlohmann::json& version = document["pandoc-api-version"];
    if (!version.is_array() || version.size() < 2 || !version[0].is_number_integer() ||
        !version[1].is_number_integer())
        throw Error({file, 0, 0}, "pandoc-version", who + " writes an API version mimeo cannot read; " + supported);
    const int major = version[0].get<int>(), minor = version[1].get<int>();
    if (major == 1 && (minor == 22 || minor == 23)) return minor;
    const bool older = major < 1 || (major == 1 && minor < 22);
    throw Error({file, 0, 0}, "pandoc-version",
                who + " speaks pandoc-types API " + version_text(version) + "; " + supported +
                    (older ? ": install pandoc 2.11 or later" : ": this pandoc is newer than this mimeo knows"));
}

int installed_api_minor(const Tool& tool, const std::string& file, Diagnostics& diagnostics)
{
    static std::mutex mutex;
    static std::map<std::string, int> known;
    {
        std::lock_guard lock(mutex);
        if (auto it = known.find(tool.program); it != known.end()) return it->second;
    }
    const std::string empty_document = run(tool, {"-f", "markdown", "-t", "json"}, "", file, diagnostics);
    const int minor = api_minor(parse_json(empty_document, tool, file), tool, file);
    std::lock_guard lock(mutex);
    known[tool.program] = minor;
    return minor;
}

}  // namespace mimeo::pandoc

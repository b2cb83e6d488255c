#include "common/files.hpp"
#include "jats/dtd.hpp"
#include "jats/jats_format.hpp"

namespace fs = std::filesystem;

namespace mimeo::jats {
namespace {

bool is_jats_file(const fs::path& path)
{
    if (path.extension() != ".xml" && path.extension() != ".jats") return false;
    std::string text = read_file(path);
    return looks_like_jats(std::string_view(text).substr(0, 4096));
}

CheckResult check_jats(const fs::path& path, Diagnostics& diagnostics)
{
    const fs::path catalog = find_catalog("");
    if (catalog.empty())
        return {CheckResult::Status::skipped,
                "the JATS DTDs (npm package @jats4r/dtds) were not found; set MIMEO_JATS_DTDS"};
    auto problems = validate_as_declared(read_file(path), path.string(), catalog);
    for (auto& problem : problems) diagnostics.add(problem);
    if (!problems.empty()) return {CheckResult::Status::failed, std::to_string(problems.size()) + " DTD errors"};
    return {CheckResult::Status::passed, "valid against the DTD of its DOCTYPE (through " + catalog.string() + ")"};
}

}  // namespace

Checker checker() { return {"jats", is_jats_file, check_jats}; }

}  // namespace mimeo::jats

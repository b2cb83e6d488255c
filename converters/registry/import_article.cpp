#include "registry/import_article.hpp"

#include "model/validate.hpp"
#include "registry/formats.hpp"

namespace fs = std::filesystem;

namespace mimeo {

void import_article(const fs::path& path, const std::string& from, const FormatOptions& options,
                    pugi::xml_document& out, Diagnostics& diagnostics)
{
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error({path.string(), 0, 0}, "read", "no such file");
    const Importer* importer = from.empty() ? importer_for_path(path) : &require_importer(from);
    if (!importer)
        throw UsageError(path.string() + ": cannot tell the input format from the extension '" +
                         path.extension().string() + "'; name it with --from");
    importer->read({path, options}, out, diagnostics);
    model::require_valid(out, path.string());
}

}  // namespace mimeo

// set-metadata: sets article metadata keys on every article, overriding what the
// articles say (the pipeline's `defaults:` is the gentler twin: it only fills gaps).
// Its settings are front-matter keys: `- set-metadata: {license: CC BY 4.0}`.
#include "model/front_matter.hpp"
#include "model/model.hpp"
#include "transforms/builtin.hpp"
#include "transforms/strict_metadata.hpp"

namespace mimeo::transforms {
namespace {

void check(const Settings& settings)
{
    if (!settings.given())
        throw Error(settings.where, "missing-key",
                    "'" + settings.key_path + "' needs the metadata to set, such as '- set-metadata: {license: CC BY 4.0}'");
    check_metadata_strictly(settings.values, settings.source, settings.key_path);
}

void apply(pugi::xml_node article, const Settings& settings, const std::string&, Diagnostics& diagnostics)
{
    model::apply_metadata(settings.values, settings.source, article, model::MetadataMode::replace, diagnostics);
}

}  // namespace

Transform set_metadata()
{
    return {"set-metadata", "sets metadata keys (as in front matter) on every article, replacing their values", {},
            check, apply};
}

}  // namespace mimeo::transforms

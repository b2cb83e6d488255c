#include "transforms/strict_metadata.hpp"

#include "model/front_matter.hpp"
#include "model/model.hpp"

namespace mimeo::transforms {

void check_metadata_strictly(const YAML::Node& map, const yaml_input::Source& source, const std::string& key_path)
{
    yaml_input::require_map(source, map, key_path);
    yaml_input::check_keys(source, map, key_path, model::metadata_keys());
    // Applying the keys to a scratch article checks every value's type; what front
    // matter would only warn about becomes an error here.
    Diagnostics warnings;
    warnings.echo_to(nullptr);
    pugi::xml_document scratch;
    try {
        model::apply_metadata(map, source, model::new_article(scratch), model::MetadataMode::replace, warnings);
    } catch (const Error& e) {
        const Diagnostic& d = e.diagnostic();
        throw Error(d.where, d.code, d.message + " (in '" + key_path + "')");
    }
    for (const Diagnostic& d : warnings.all())
        throw Error(d.where, d.code, d.message + " (in '" + key_path + "')");
}

}  // namespace mimeo::transforms

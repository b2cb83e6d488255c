#include <algorithm>

#include "transforms/builtin.hpp"

namespace mimeo::transforms {
namespace {

void check_keys(const Transform& transform, const Settings& settings)
{
    yaml_input::require_map(settings.source, settings.values, settings.key_path);
    for (const auto& entry : settings.values) {
        const std::string key = entry.first.Scalar();
        const OptionSpec* spec = find_spec(transform.options, key);
        if (!spec) {
            std::string known;
            for (const auto& s : transform.options) known += (known.empty() ? "" : ", ") + s.name;
            throw Error(yaml_input::where(settings.source, entry.first), "unknown-key",
                        "unknown key '" + yaml_input::join_path(settings.key_path, key) + "' (" + transform.name +
                            (known.empty() ? " takes no settings)" : " takes: " + known + ")"));
        }
        const std::string path = yaml_input::join_path(settings.key_path, key);
        if (!fits_type(spec->type, entry.second))
            yaml_input::fail(settings.source, entry.second, path, std::string("must be ") + option_type_name(spec->type));
        if (const std::string rule = broken_rule(*spec, entry.second); !rule.empty())
            yaml_input::fail(settings.source, entry.second, path, "must be " + rule);
    }
}

}  // namespace

const std::vector<Transform>& all()
{
    static const std::vector<Transform> list = {smart_typography(), set_metadata(), number_sections(), strip_raw()};
    return list;
}

const Transform* find(const std::string& name)
{
    const auto& list = all();
    auto it = std::find_if(list.begin(), list.end(), [&](const Transform& t) { return t.name == name; });
    return it == list.end() ? nullptr : &*it;
}

std::vector<std::string> name_list()
{
    std::vector<std::string> list;
    for (const auto& t : all()) list.push_back(t.name);
    return list;
}

std::string names()
{
    std::string out;
    for (const std::string& name : name_list()) out += (out.empty() ? "" : ", ") + name;
    return out;
}

void check_settings(const Transform& transform, Settings& settings)
{
    if (transform.check) {
        transform.check(settings);
        return;
    }
    if (settings.given()) check_keys(transform, settings);
    settings.options = settings.given() ? FormatOptions(settings.values, settings.source.file) : FormatOptions();
    settings.options.take_defaults(transform.options);
}

}  // namespace mimeo::transforms

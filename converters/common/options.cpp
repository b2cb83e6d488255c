#include "common/options.hpp"

#include <algorithm>

#include "common/suggest.hpp"

namespace mimeo {

const char* option_type_name(OptionType type)
{
    switch (type) {
    case OptionType::boolean: return "true or false";
    case OptionType::integer: return "a whole number";
    case OptionType::string: return "a string";
    case OptionType::string_list: return "a string or a list of strings";
    case OptionType::path: return "a path";
    case OptionType::path_list: return "a path or a list of paths";
    }
    return "";
}

void FormatOptions::set_from_text(const std::string& assignment)
{
    auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throw UsageError("option '" + assignment + "' must have the form KEY=VALUE");
    std::string key = assignment.substr(0, eq);
    std::string text = assignment.substr(eq + 1);
    try {
        YAML::Node parsed = YAML::Load(text);
        values_[key] = parsed.IsNull() ? YAML::Node(text) : parsed;
    } catch (const YAML::Exception&) {
        values_[key] = text;  // not YAML: take it as a plain string
    }
}

FormatOptions FormatOptions::only(const std::vector<OptionSpec>& specs) const
{
    FormatOptions kept(YAML::Node(YAML::NodeType::Map), origin_);
    for (const auto& entry : values_) {
        const std::string key = entry.first.Scalar();
        if (std::any_of(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == key; }))
            // A deep copy: assigning a node shares its memory with the source's, and the
            // source is read by every import thread at once.
            kept.values_[key] = YAML::Clone(entry.second);
    }
    return kept;
}

void FormatOptions::resolve_paths(const std::vector<OptionSpec>& specs, const std::filesystem::path& folder)
{
    auto resolved = [&](const std::string& value) {
        const std::filesystem::path path(value);
        return value.empty() || path.is_absolute() ? value : (folder / path).lexically_normal().string();
    };
    for (const OptionSpec& spec : specs) {
        if (!has(spec.name)) continue;
        if (spec.type == OptionType::path) {
            values_[spec.name] = resolved(get_string(spec.name));
        } else if (spec.type == OptionType::path_list) {
            YAML::Node list(YAML::NodeType::Sequence);
            for (const std::string& value : get_list(spec.name)) list.push_back(resolved(value));
            values_[spec.name] = list;
        }
    }
}

std::vector<std::string> FormatOptions::keys() const
{
    std::vector<std::string> names;
    for (const auto& entry : values_) names.push_back(entry.first.Scalar());
    return names;
}

Location FormatOptions::location_of(const std::string& key) const
{
    for (const auto& entry : values_) {
        if (entry.first.Scalar() == key) {
            YAML::Mark mark = entry.first.Mark();
            if (mark.line >= 0) return {origin_, mark.line + 1, mark.column + 1};
        }
    }
    return {origin_, 0, 0};
}

void FormatOptions::type_error(const std::string& key, const char* expected) const
{
    throw Error(location_of(key), "option-type", "option '" + key + "' must be " + expected);
}

void FormatOptions::erase(const std::string& key)
{
    values_ = YAML::Clone(values_);
    values_.remove(key);
}

bool FormatOptions::get_bool(const std::string& key, bool fallback) const
{
    YAML::Node v = values_[key];
    if (!v) return fallback;
    bool result = fallback;
    if (!v.IsScalar() || !YAML::convert<bool>::decode(v, result))
        type_error(key, option_type_name(OptionType::boolean));
    return result;
}

long FormatOptions::get_int(const std::string& key, long fallback) const
{
    YAML::Node v = values_[key];
    if (!v) return fallback;
    long result = fallback;
    if (!v.IsScalar() || !YAML::convert<long>::decode(v, result))
        type_error(key, option_type_name(OptionType::integer));
    return result;
}

std::string FormatOptions::get_string(const std::string& key, const std::string& fallback) const
{
    YAML::Node v = values_[key];
    if (!v) return fallback;
    if (!v.IsScalar()) type_error(key, option_type_name(OptionType::string));
    return v.Scalar();
}

std::vector<std::string> FormatOptions::get_list(const std::string& key) const
{
    YAML::Node v = values_[key];
    if (!v) return {};
    if (v.IsScalar()) return {v.Scalar()};
    if (!v.IsSequence()) type_error(key, option_type_name(OptionType::string_list));
    std::vector<std::string> items;
    for (const auto& item : v) {
        if (!item.IsScalar()) type_error(key, option_type_name(OptionType::string_list));
        items.push_back(item.Scalar());
    }
    return items;
}

void FormatOptions::check_against(const std::vector<OptionSpec>& specs, const std::string& format) const
{
    for (const auto& entry : values_) {
        const std::string key = entry.first.Scalar();
        auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == key; });
        if (spec == specs.end()) {
            std::vector<std::string> names;
            for (const OptionSpec& s : specs) names.push_back(s.name);
            throw Error(location_of(key), "unknown-option",
                        "format '" + format + "' has no option '" + key + "'" + did_you_mean(key, names));
        }
        auto refuse = [&](const std::string& rule, const std::string& given) {
            const std::string message = format + " option '" + key + "' must be " + rule + " (got '" + given + "')";
            if (origin_.empty()) throw UsageError(message);
            throw Error(location_of(key), "option-value", message);
        };
        switch (spec->type) {
        case OptionType::boolean: get_bool(key, false); break;
        case OptionType::integer:
            if (const long value = get_int(key, 0); spec->minimum && value < *spec->minimum)
                refuse("at least " + std::to_string(*spec->minimum), std::to_string(value));
            break;
        case OptionType::string:
        case OptionType::path:
            if (const std::string value = get_string(key);
                !spec->allowed.empty() && std::find(spec->allowed.begin(), spec->allowed.end(), value) == spec->allowed.end()) {
                std::string names;
                for (const std::string& a : spec->allowed) names += (names.empty() ? "" : ", ") + a;
                refuse("one of: " + names, value);
            }
            break;
        case OptionType::string_list:
        case OptionType::path_list: get_list(key); break;
        }
    }
}

OptionSpec max_size_option(long default_mib)
{
    return {"max-size", OptionType::integer, std::to_string(default_mib),
            "the largest input read, in MiB; a larger one is refused (too-large)", {}, 1};
}

std::uintmax_t max_size_bytes(const FormatOptions& options, long default_mib)
{
    return static_cast<std::uintmax_t>(options.get_int("max-size", default_mib)) << 20;
}

}  // namespace mimeo

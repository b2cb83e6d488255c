#include "common/options.hpp"

#include <algorithm>
#include <regex>
#include <stdexcept>

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

YAML::Node FormatOptions::value_of(const std::string& key) const
{
    if (YAML::Node given = values_[key]) return given;
    auto found = defaults_.find(key);
    return found == defaults_.end() ? YAML::Node(YAML::NodeType::Undefined) : found->second;
}

bool FormatOptions::get_bool(const std::string& key) const
{
    YAML::Node v = value_of(key);
    if (!v) throw std::logic_error("boolean option '" + key + "' read with no value and no default");
    bool result = false;
    if (!v.IsScalar() || !YAML::convert<bool>::decode(v, result))
        type_error(key, option_type_name(OptionType::boolean));
    return result;
}

long FormatOptions::get_int(const std::string& key) const
{
    YAML::Node v = value_of(key);
    if (!v) throw std::logic_error("integer option '" + key + "' read with no value and no default");
    long result = 0;
    if (!v.IsScalar() || !YAML::convert<long>::decode(v, result))
        type_error(key, option_type_name(OptionType::integer));
    return result;
}

std::string FormatOptions::get_string(const std::string& key) const
{
    YAML::Node v = value_of(key);
    if (!v) return "";
    if (!v.IsScalar()) type_error(key, option_type_name(OptionType::string));
    return v.Scalar();
}

std::vector<std::string> FormatOptions::get_list(const std::string& key) const
{
    YAML::Node v = value_of(key);
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

const OptionSpec* find_spec(const std::vector<OptionSpec>& specs, const std::string& name)
{
    auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == name; });
    return spec == specs.end() ? nullptr : &*spec;
}

bool fits_type(OptionType type, const YAML::Node& value)
{
    switch (type) {
    case OptionType::boolean: {
        bool b;
        return value.IsScalar() && YAML::convert<bool>::decode(value, b);
    }
    case OptionType::integer: {
        long n;
        return value.IsScalar() && YAML::convert<long>::decode(value, n);
    }
    case OptionType::string:
    case OptionType::path: return value.IsScalar();
    case OptionType::string_list:
    case OptionType::path_list:
        if (value.IsScalar()) return true;
        if (!value.IsSequence()) return false;
        for (const auto& item : value)
            if (!item.IsScalar()) return false;
        return true;
    }
    return false;
}

std::string broken_rule(const OptionSpec& spec, const YAML::Node& value)
{
    if (spec.type == OptionType::integer) {
        const long n = value.as<long>();
        if (spec.minimum && spec.maximum && (n < *spec.minimum || n > *spec.maximum))
            return "from " + std::to_string(*spec.minimum) + " to " + std::to_string(*spec.maximum);
        if (spec.minimum && n < *spec.minimum) return "at least " + std::to_string(*spec.minimum);
        if (spec.maximum && n > *spec.maximum) return "at most " + std::to_string(*spec.maximum);
    }
    if (!spec.pattern.empty() && value.IsScalar() && !std::regex_match(value.Scalar(), std::regex(spec.pattern)))
        return spec.pattern_name;
    if (!spec.allowed.empty() && value.IsScalar() &&
        std::find(spec.allowed.begin(), spec.allowed.end(), value.Scalar()) == spec.allowed.end()) {
        std::string names;
        for (const std::string& a : spec.allowed) names += (names.empty() ? "" : ", ") + a;
        return "one of: " + names;
    }
    return "";
}

void FormatOptions::check_against(const std::vector<OptionSpec>& specs, const std::string& format)
{
    for (const auto& entry : values_) {
        const std::string key = entry.first.Scalar();
        const OptionSpec* spec = find_spec(specs, key);
        if (!spec) {
            std::vector<std::string> names;
            for (const OptionSpec& s : specs) names.push_back(s.name);
            throw Error(location_of(key), "unknown-option",
                        "format '" + format + "' has no option '" + key + "'" + did_you_mean(key, names));
        }
        if (!fits_type(spec->type, entry.second)) type_error(key, option_type_name(spec->type));
        if (const std::string rule = broken_rule(*spec, entry.second); !rule.empty()) {
            const std::string message = format + " option '" + key + "' must be " + rule + " (got '" +
                                        (entry.second.IsScalar() ? entry.second.Scalar() : std::string("a list")) + "')";
            if (origin_.empty()) throw UsageError(message);
            throw Error(location_of(key), "option-value", message);
        }
    }
    take_defaults(specs);
}

void FormatOptions::take_defaults(const std::vector<OptionSpec>& specs)
{
    for (const OptionSpec& spec : specs)
        if (!spec.default_value.empty()) defaults_[spec.name] = YAML::Load(spec.default_value);
}

OptionSpec max_size_option(long default_mib)
{
    return {"max-size", OptionType::integer, std::to_string(default_mib),
            "the largest input read, in MiB; a larger one is refused (`too-large`)", {}, 1};
}

std::uintmax_t max_size_bytes(const FormatOptions& options)
{
    return static_cast<std::uintmax_t>(options.get_int("max-size")) << 20;
}

}  // namespace mimeo

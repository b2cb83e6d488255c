// Format options, as written in a pipeline output (`width: 60`) or on the command
// line (`-O width=60`). Each exporter declares the options it understands.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"

namespace mimeo {

// `path` and `path_list` are strings naming files: relative ones are read against the
// pipeline file's folder in a pipeline, against the current folder on the command line.
enum class OptionType { boolean, integer, string, string_list, path, path_list };

// One option, in the one place it is declared: `mimeo formats`, the docs' tables, the
// checks at load and the getters' defaults all read it.
struct OptionSpec {
    std::string name;
    OptionType type;
    // The value an absent option has, as YAML text of its type (options_test checks each one
    // against its rules); empty: none, so that a string reads "" and a list reads empty.
    std::string default_value;
    std::string description;
    std::vector<std::string> allowed = {};  // a string option's only values; empty: any
    std::optional<long> minimum = {};       // an integer option's least value
    std::optional<long> maximum = {};       // and its greatest
    // What absence means when no one value says it ("the From address"), for the docs.
    std::string default_note = {};
    // A string option's form, as an ECMAScript regular expression the whole value matches, and
    // what it is called in an error ("a colour as #rrggbb"); empty: any.
    std::string pattern = {};
    std::string pattern_name = {};

    bool operator==(const OptionSpec&) const = default;
};

const char* option_type_name(OptionType type);
const OptionSpec* find_spec(const std::vector<OptionSpec>& specs, const std::string& name);
// Whether a YAML value has the option's type.
bool fits_type(OptionType type, const YAML::Node& value);
// The rule a value of the right type breaks ("one of: a, b", "at least 1"); empty when none.
std::string broken_rule(const OptionSpec& spec, const YAML::Node& value);

class FormatOptions {
public:
    FormatOptions() : values_(YAML::NodeType::Map) {}
    // `origin` names the file the values came from, for error locations.
    FormatOptions(YAML::Node map, std::string origin) : values_(std::move(map)), origin_(std::move(origin)) {}

    // Parses `key=value`, reading the value as YAML so that lists and booleans work.
    void set_from_text(const std::string& assignment);
    void set(const std::string& key, const std::string& value) { values_[key] = value; }
    // Takes `key` out of these options only: copies share their values until then.
    void erase(const std::string& key);

    // Whether the option was given (a default does not count).
    bool has(const std::string& key) const { return static_cast<bool>(values_[key]); }
    // The value given, else the spec's default (once check_against or take_defaults has run), else
    // "" or an empty list; a boolean or integer with neither is a mistake in mimeo (logic_error).
    bool get_bool(const std::string& key) const;
    long get_int(const std::string& key) const;
    std::string get_string(const std::string& key) const;
    // A single string is accepted as a one-element list.
    std::vector<std::string> get_list(const std::string& key) const;

    // Errors for keys the spec does not name, values of the wrong type, and values the spec
    // does not allow (option-value, located; from the command line, where nothing locates
    // them, a UsageError). Then takes the spec's defaults.
    void check_against(const std::vector<OptionSpec>& specs, const std::string& format);
    // Takes the spec's defaults, for options checked in other words (a transform's settings).
    void take_defaults(const std::vector<OptionSpec>& specs);

    // The options the spec names, the rest left out: options given once for inputs of
    // several formats (the CLI's -I) reach each importer as the ones it has.
    FormatOptions only(const std::vector<OptionSpec>& specs) const;
    std::vector<std::string> keys() const;
    // Makes the relative values of the spec's path options absolute against `folder`.
    void resolve_paths(const std::vector<OptionSpec>& specs, const std::filesystem::path& folder);

    Location location_of(const std::string& key) const;

private:
    [[noreturn]] void type_error(const std::string& key, const char* expected) const;
    YAML::Node value_of(const std::string& key) const;
    YAML::Node values_;
    std::string origin_;
    // Parsed once, read only: copies share them safely across import threads.
    std::map<std::string, YAML::Node> defaults_;
};

// The `max-size` option every importer takes: the largest input file it reads, in MiB, so
// that no file can make an import take unbounded time and memory (`too-large` past it).
OptionSpec max_size_option(long default_mib);
// That option's value in bytes.
std::uintmax_t max_size_bytes(const FormatOptions& options);

}  // namespace mimeo

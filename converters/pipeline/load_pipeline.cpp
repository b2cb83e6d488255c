#include "pipeline/load_pipeline.hpp"

#include <algorithm>
#include <set>

#include "common/codes.hpp"
#include "common/files.hpp"
#include "common/suggest.hpp"
#include "model/issue_metadata.hpp"
#include "model/model.hpp"
#include "pipeline/input_files.hpp"
#include "pipeline/path_template.hpp"
#include "pipeline/per_article.hpp"
#include "registry/formats.hpp"
#include "transforms/strict_metadata.hpp"

namespace fs = std::filesystem;

namespace mimeo::pipeline {
namespace yi = yaml_input;

namespace {

const std::vector<std::string_view> top_keys = {"description", "publication", "issue", "defaults",   "inputs",
                                                "transforms",  "outputs",     "cache", "quiet-codes"};
const std::vector<std::string_view> input_keys = {"path", "from", "engine", "options"};
// An output's other keys are the format's options.
const std::vector<std::string_view> output_keys = {"format", "path", "check"};
// Engines the design names that this version does not have yet.

std::string item_path(const std::string& list, std::size_t i) { return list + "[" + std::to_string(i) + "]"; }

[[noreturn]] void missing(const yi::Source& source, const YAML::Node& parent, const std::string& key_path,
                          const std::string& hint)
{
    throw Error(yi::where(source, parent), "missing-key", "'" + key_path + "' is missing: " + hint);
}


// Format options in a map, checked against the spec (located at the key, naming the entry),
// with the spec's defaults.
FormatOptions checked_options(FormatOptions options, const std::vector<OptionSpec>& specs, const std::string& owner,
                              const std::string& key_path)
{
    try {
        options.check_against(specs, owner);
    } catch (const Error& e) {
        const Diagnostic& d = e.diagnostic();
        throw Error(d.where, d.code, d.message + " (in '" + key_path + "')");
    }
    return options;
}

class Loader {
public:
    Loader(Pipeline& pipeline, const yi::Source& source) : p_(pipeline), source_(source) {}

    void load(const YAML::Node& root)
    {
        if (!root.IsDefined() || root.IsNull())
            throw Error({source_.file, 1, 1}, "missing-key", "the pipeline file is empty: it needs 'inputs:' and 'outputs:'");
        yi::require_map(source_, root, "");
        // Every part is checked even after one fails, so that a run reports all of the
        // file's mistakes at once.
        part([&] { yi::check_keys(source_, root, "", top_keys); });
        part([&] {
            if (root["description"]) p_.description = yi::scalar(source_, root["description"], "description");
        });
        pugi::xml_node issue = model::new_issue(p_.issue);
        part([&] {
            if (root["publication"]) model::apply_publication(root["publication"], source_, issue, p_.folder);
        });
        part([&] {
            if (root["issue"]) model::apply_issue_fields(root["issue"], source_, issue);
        });
        part([&] {
            if (root["defaults"] && !root["defaults"].IsNull()) {
                transforms::check_metadata_strictly(root["defaults"], source_, "defaults");
                p_.defaults = root["defaults"];
            }
        });
        part([&] {
            if (!root["inputs"]) missing(source_, root, "inputs", "list the articles, such as 'inputs: [articles/*.md]'");
            inputs(root["inputs"]);
        });
        part([&] {
            if (root["transforms"]) transform_steps(root["transforms"]);
        });
        part([&] {
            if (!root["outputs"])
                missing(source_, root, "outputs", "list what to write, such as 'outputs: [{format: html, path: issue.html}]'");
            outputs(root["outputs"], issue);
        });
        part([&] { cache(root["cache"]); });
        part([&] {
            if (root["quiet-codes"]) quiet_codes(root["quiet-codes"]);
        });
        if (!errors_.empty()) throw Errors(std::move(errors_));
    }

private:
    Pipeline& p_;
    const yi::Source& source_;
    std::vector<Diagnostic> errors_;

    template <typename Check>
    void part(Check&& check)
    {
        try {
            check();
        } catch (const Error& e) {
            errors_.push_back(e.diagnostic());
        }
    }

    // Warnings of these codes are not shown; each must be a code mimeo has.
    void quiet_codes(const YAML::Node& list)
    {
        if (list.IsNull()) return;
        if (!list.IsSequence()) yi::fail(source_, list, "quiet-codes", "must be a list of diagnostic codes");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string key_path = item_path("quiet-codes", i);
            const std::string code = yi::scalar(source_, list[i], key_path);
            if (!is_known_code(code))
                throw Error(yi::where(source_, list[i]), "unknown-code",
                            "'" + key_path + "' names no diagnostic code: '" + code + "'" +
                                did_you_mean(code, known_codes()) + " ('mimeo codes' lists them)");
            p_.quiet_codes.push_back(code);
        }
    }

    void non_empty_list(const YAML::Node& node, const std::string& key_path, const std::string& what)
    {
        if (!node.IsSequence()) yi::fail(source_, node, key_path, "must be a list of " + what);
        if (node.size() == 0) yi::fail(source_, node, key_path, "must list at least one of " + what);
    }

    void inputs(const YAML::Node& list)
    {
        non_empty_list(list, "inputs", "paths or globs");
        std::set<fs::path> seen;  // a file named twice is read once, where it first appears
        for (std::size_t i = 0; i < list.size(); ++i) {
            part([&] {
                const YAML::Node entry = list[i];
                const std::string key_path = item_path("inputs", i);
                ArticleSource base;
                base.where = yi::where(source_, entry);
                std::string pattern, from;
                FormatOptions options;
                if (entry.IsMap()) {
                    yi::check_keys(source_, entry, key_path, input_keys);
                    if (!entry["path"]) missing(source_, entry, key_path + ".path", "name the file or glob to read");
                    pattern = yi::scalar(source_, entry["path"], key_path + ".path");
                    if (entry["from"]) from = yi::scalar(source_, entry["from"], key_path + ".from");
                    if (entry["engine"]) base.engine = engine(entry["engine"], key_path + ".engine");
                    if (const YAML::Node given = entry["options"]; given && !given.IsNull()) {
                        yi::require_map(source_, given, key_path + ".options");
                        options = FormatOptions(given, source_.file);
                        base.options_text = YAML::Dump(given);
                    }
                } else {
                    pattern = yi::scalar(source_, entry, key_path);
                }
                if (pattern.empty()) yi::fail(source_, entry, key_path, "must not be empty");
                const Importer* named = nullptr;
                if (!from.empty()) {
                    // As --from: an importer's name, or a format pandoc reads ("rst", "pandoc-markdown").
                    try {
                        named = &require_importer(from);
                    } catch (const UsageError& e) {
                        throw Error(yi::where(source_, entry["from"]), "unknown-format",
                                    "'" + key_path + ".from': " + e.what());
                    }
                }
                const Matches matches = match_files(p_.folder, pattern);
                if (matches.too_wide)
                    throw Error(base.where, "glob-too-wide",
                                "'" + key_path + "': the glob '" + pattern + "' reads more than " +
                                    std::to_string(max_glob_entries) + " folder entries or takes more than " +
                                    std::to_string(max_glob_time.count()) + " s; narrow it to the articles' folder");
                for (const fs::path& link : matches.left_out)
                    p_.warnings.push_back({Severity::warning, "glob-outside", base.where,
                                           "'" + key_path + "': the glob '" + pattern + "' passed over " + link.string() +
                                               ", a symlink that leads out of its folder; name it in the pattern to read it"});
                const auto& files = matches.files;
                if (files.empty()) {
                    if (is_glob(pattern))
                        throw Error(base.where, "no-match",
                                    "'" + key_path + "': the glob '" + pattern + "' matches no file (looked in " +
                                        (p_.folder / pattern).lexically_normal().parent_path().string() + ")");
                    throw Error(base.where, "read",
                                "'" + key_path + "': no such file: " + (p_.folder / pattern).lexically_normal().string());
                }
                for (const fs::path& file : files) {
                    ArticleSource source = base;
                    source.path = file.lexically_normal();
                    std::error_code ec;
                    if (!seen.insert(fs::weakly_canonical(source.path, ec)).second) continue;
                    // Found by extension (and content) once; the plan is then made for that name.
                    std::string format = from;
                    if (!named && source.engine == "native") {
                        const Importer* by_extension = importer_for_path(source.path);
                        if (!by_extension)
                            throw Error(base.where, "unknown-format",
                                        "'" + key_path + "': cannot tell the input format of '" + source.path.string() +
                                            "' from its extension; say it with 'from:'");
                        format = by_extension->name;
                    }
                    source.plan = plan(source, format, options, key_path);
                    p_.inputs.push_back(std::move(source));
                }
            });
        }
    }

    // The importer and its options, chosen once: every option given must be the importer's.
    ImportPlan plan(const ArticleSource& source, const std::string& from, const FormatOptions& options,
                    const std::string& key_path)
    {
        ImportPlan chosen;
        try {
            chosen = plan_import(source.path, from, source.engine, options);
        } catch (const UsageError& e) {
            throw Error(source.where, "unknown-format", "'" + key_path + "': " + e.what());
        }
        // plan_import checked the importer's own options; these are all that were given.
        checked_options(options, chosen.importer->options, chosen.importer->name, key_path + ".options");
        chosen.options.resolve_paths(chosen.importer->options, p_.folder);
        return chosen;
    }

    std::string engine(const YAML::Node& node, const std::string& key_path)
    {
        std::string name = yi::scalar(source_, node, key_path);
        if (!is_engine(name))
            throw Error(yi::where(source_, node), "engine",
                        "'" + key_path + "' names the unknown engine '" + name + "' (known: " + engine_names() + ")");
        return name;
    }

    void transform_steps(const YAML::Node& list)
    {
        if (list.IsNull()) return;
        if (!list.IsSequence()) yi::fail(source_, list, "transforms", "must be a list of transform names");
        for (std::size_t i = 0; i < list.size(); ++i) {
            part([&] {
                const YAML::Node entry = list[i];
                const std::string key_path = item_path("transforms", i);
                if (entry.IsMap() && entry.size() != 1)
                    yi::fail(source_, entry, key_path,
                             "must be a transform's name, or one name with its settings such as "
                             "'- number-sections: {depth: 2}'");
                // Nodes are built, never assigned: yaml-cpp's Node::operator= changes the node
                // it was bound to rather than rebinding.
                const auto only = entry.begin();
                const YAML::Node name_node = entry.IsMap() ? YAML::Node(only->first) : entry;
                const YAML::Node settings = entry.IsMap() ? YAML::Node(only->second) : YAML::Node();
                const std::string name = yi::scalar(source_, name_node, key_path);
                const transforms::Transform* transform = transforms::find(name);
                if (!transform)
                    throw Error(yi::where(source_, name_node), "unknown-transform",
                                "'" + key_path + "' names the unknown transform '" + name + "'" +
                                    did_you_mean(name, transforms::name_list()) + " (available: " + transforms::names() + ")");
                TransformStep step{transform,
                                   {settings, source_, key_path + (entry.IsMap() ? "." + name : ""), yi::where(source_, entry)}};
                transforms::check_settings(*transform, step.settings);
                p_.transforms.push_back(std::move(step));
            });
        }
    }

    void outputs(const YAML::Node& list, pugi::xml_node issue)
    {
        non_empty_list(list, "outputs", "outputs, such as '{format: html, path: issue.html}'");
        std::set<std::string> targets;
        for (std::size_t i = 0; i < list.size(); ++i) {
            part([&] {
                const YAML::Node entry = list[i];
                const std::string key_path = item_path("outputs", i);
                yi::require_map(source_, entry, key_path);
                OutputSpec output;
                if (!entry["format"]) missing(source_, entry, key_path + ".format", "name the output format, such as 'format: html'");
                if (!entry["path"]) missing(source_, entry, key_path + ".path", "name the file or folder to write");
                output.format = yi::scalar(source_, entry["format"], key_path + ".format");
                const Exporter* exporter = nullptr;
                try {
                    exporter = &require_exporter(output.format);
                    output.format = exporter->name;  // "EPUB3" is epub
                } catch (const UsageError& e) {
                    throw Error(yi::where(source_, entry["format"]), "unknown-format", "'" + key_path + ".format': " + e.what());
                }
                const YAML::Node path = entry["path"];
                output.path = expand_issue_variables(yi::scalar(source_, path, key_path + ".path"), issue,
                                                     yi::where(source_, path), key_path + ".path");
                if (output.path.empty()) yi::fail(source_, path, key_path + ".path", "must not be empty");
                output.per_article = names_article_slug(output.path);
                if (entry["check"]) output.check = yi::boolean(source_, entry["check"], key_path + ".check");
                if (output.check && !find_checker(output.format))
                    throw Error(yi::where(source_, entry["check"]), "no-check",
                                "'" + key_path + ".check': mimeo has no check for format '" + output.format +
                                    "' yet; remove 'check: true'");
                YAML::Node options(YAML::NodeType::Map);
                for (const auto& item : entry) {
                    const std::string key = item.first.Scalar();
                    if (std::find(output_keys.begin(), output_keys.end(), key) == output_keys.end())
                        options.force_insert(item.first, item.second);
                }
                output.options = checked_options(FormatOptions(options, source_.file), exporter->options,
                                                 output.format, key_path);
                output.options.resolve_paths(exporter->options, p_.folder);
                settle_per_article(output, *exporter);
                const std::string target = (p_.folder / output.path).lexically_normal().string();
                if (!targets.insert(target).second)
                    throw Error(yi::where(source_, path), "duplicate-output",
                                "'" + key_path + ".path': another output already writes '" + target + "'");
                p_.outputs.push_back(std::move(output));
            });
        }
    }

    void cache(const YAML::Node& node)
    {
        p_.cache = p_.folder / ".mimeo-cache";
        if (!node || node.IsNull()) return;
        bool enabled = true;
        if (node.IsScalar() && YAML::convert<bool>::decode(node, enabled)) {
            if (!enabled) p_.cache.reset();
            return;
        }
        std::string folder = yi::scalar(source_, node, "cache");
        if (folder.empty()) yi::fail(source_, node, "cache", "must be a folder, or false for no cache");
        p_.cache = (p_.folder / folder).lexically_normal();
    }
};

}  // namespace

fs::path OutputSpec::target(const fs::path& base, const std::string& slug) const
{
    const fs::path written = per_article ? expand_article_slug(path, slug) : path;
    return written.is_absolute() ? written.lexically_normal() : (base / written).lexically_normal();
}

fs::path OutputSpec::shown_target(const fs::path& base) const
{
    return fs::path(path).is_absolute() ? fs::path(path).lexically_normal() : (base / path).lexically_normal();
}

std::unique_ptr<Pipeline> load_pipeline(const fs::path& file)
{
    auto pipeline = std::make_unique<Pipeline>();
    pipeline->file = file;
    pipeline->folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    pipeline->source = {file.string(), 1};
    std::error_code ec;
    if (fs::is_directory(file, ec)) throw Error({file.string(), 0, 0}, "read", "is a folder, not a pipeline file");
    std::string text = read_file(file);
    require_utf8(text, pipeline->source.file);
    YAML::Node root = yi::parse(text, pipeline->source);
    Loader(*pipeline, pipeline->source).load(root);
    return pipeline;
}

}  // namespace mimeo::pipeline

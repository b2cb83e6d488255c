// A pipeline file, loaded and checked: where the articles come from, what the issue
// is, which transforms apply and which outputs to write. schemas/pipeline.md describes
// the file; load_pipeline.hpp reads it.
#pragma once

#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/options.hpp"
#include "common/yaml_input.hpp"
#include "registry/import_article.hpp"
#include "transforms/transform.hpp"

namespace mimeo::pipeline {

// One article to import: a file an `inputs:` entry named or matched.
struct ArticleSource {
    std::filesystem::path path;  // the pipeline's folder joined with the entry, as messages show it
    std::string engine = "native";
    ImportPlan plan;           // the importer and its options, chosen when the pipeline is loaded
    std::string options_text;  // the options as YAML text: part of the cache key
    Location where;            // the `inputs:` entry, for messages
};

struct TransformStep {
    const transforms::Transform* transform = nullptr;
    transforms::Settings settings;
};

struct OutputSpec {
    std::string format;
    std::string path;  // issue variables expanded; ${article.slug} left for the runner
    bool per_article = false;
    bool check = false;
    FormatOptions options;

    // The file or folder to write: relative paths resolve against `base`.
    std::filesystem::path target(const std::filesystem::path& base, const std::string& slug = "") const;
    // The target as messages show it: ${article.slug} left in.
    std::filesystem::path shown_target(const std::filesystem::path& base) const;
};

struct Pipeline {
    std::filesystem::path file;
    std::filesystem::path folder;  // what relative paths in the file resolve against
    std::string description;
    pugi::xml_document issue;  // <issue> with the publication and the issue's fields, no articles yet
    yaml_input::Source source;
    YAML::Node defaults;  // front-matter keys; null when none
    std::vector<ArticleSource> inputs;
    std::vector<TransformStep> transforms;
    std::vector<OutputSpec> outputs;
    std::optional<std::filesystem::path> cache;  // none: `cache: false`
    std::vector<Diagnostic> warnings;  // met while loading, reported by the run
    std::vector<std::string> quiet_codes;  // `quiet-codes:`: warnings of these are not shown
};

}  // namespace mimeo::pipeline

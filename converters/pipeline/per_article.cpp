#include "pipeline/per_article.hpp"

#include "pipeline/path_template.hpp"

namespace mimeo::pipeline {

void settle_per_article(OutputSpec& output, const Exporter& exporter)
{
    if (exporter.per_article_extension.empty() || !output.options.has("per-article")) return;
    const Location where = output.options.location_of("per-article");
    const bool wanted = output.options.get_bool("per-article");
    output.options.erase("per-article");
    if (!wanted || output.per_article) return;
    const std::string& extension = exporter.per_article_extension;
    if (output.path.size() > extension.size() && output.path.ends_with(extension))
        throw Error(where, "per-article-target",
                    "with per-article: true the output is a folder of <slug>" + extension + " files; name a folder, not " +
                        output.path);
    std::string folder = output.path;
    while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
    output.path = folder + "/${article.slug}" + extension;
    output.per_article = names_article_slug(output.path);
}

}  // namespace mimeo::pipeline

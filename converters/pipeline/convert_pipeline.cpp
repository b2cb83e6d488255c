#include "pipeline/convert_pipeline.hpp"

#include "model/issue_metadata.hpp"
#include "model/model.hpp"
#include "pipeline/path_template.hpp"
#include "pipeline/per_article.hpp"
#include "registry/formats.hpp"

namespace mimeo::pipeline {

std::unique_ptr<Pipeline> convert_pipeline(const ConvertRequest& request)
{
    auto pipeline = std::make_unique<Pipeline>();
    pugi::xml_node issue = model::new_issue(pipeline->issue);
    if (request.issue) model::load_issue_description(*request.issue, issue);

    const Exporter& exporter = require_exporter(request.format);
    OutputSpec output;
    output.format = exporter.name;  // "EPUB3" is epub
    output.path = request.output;
    output.per_article = names_article_slug(output.path);
    output.options = request.export_options;
    output.options.check_against(exporter.options, output.format);
    settle_per_article(output, exporter);
    pipeline->outputs.push_back(std::move(output));

    const std::string engine = request.import_options.get_string("engine");
    for (const std::filesystem::path& path : request.inputs) {
        ArticleSource source;
        source.path = path;
        source.engine = engine;
        source.plan = plan_import(path, request.from, engine, request.import_options);
        source.where = {path.string(), 0, 0};
        pipeline->inputs.push_back(std::move(source));
    }
    return pipeline;
}

}  // namespace mimeo::pipeline

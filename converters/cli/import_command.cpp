#include <cstdio>

#include "cli/command_line.hpp"
#include "common/output_set.hpp"
#include "model/model.hpp"
#include "registry/import_article.hpp"

namespace mimeo::cli {

int import_command(const Arguments& args)
{
    po::options_description options("import options");
    options.add_options()
        ("input", po::value<std::vector<std::string>>(), "the article to read")
        ("output,o", po::value<std::string>(), "where to write the canonical XML (default: standard output)");
    add_import_options(options);
    add_quiet_codes(options);
    po::variables_map values;
    if (!parse(args, "mimeo import IN [-o OUT.xml] [--from FORMAT]", options, "input", values)) return 0;
    if (!values.count("input") || values["input"].as<std::vector<std::string>>().size() != 1)
        throw UsageError("give exactly one input file");

    Diagnostics diagnostics;
    apply_quiet_codes(values, diagnostics);
    pugi::xml_document article;
    import_file(values["input"].as<std::vector<std::string>>().front(), values["from"].as<std::string>(),
                import_options_from(values), article, diagnostics);
    const std::string xml = model::to_xml(article);
    if (!values.count("output")) {
        std::fwrite(xml.data(), 1, xml.size(), stdout);
        return 0;
    }
    OutputSet out;
    out.write(values["output"].as<std::string>(), xml);
    out.commit();
    return 0;
}

}  // namespace mimeo::cli

#include "model/required_metadata.hpp"

#include "common/standard_forms.hpp"
#include "model/model.hpp"

namespace mimeo::model {
namespace {

// Jekyll names its posts "2013-05-06-hello-world.md": the date, then the slug.
struct FileName {
    std::string date, rest;
};

FileName parts_of(const std::string& stem)
{
    if (stem.size() > 11 && stem[10] == '-' && is_iso_date(std::string_view(stem).substr(0, 10)))
        return {stem.substr(0, 10), stem.substr(11)};
    return {"", stem};
}

// Hugo's and Zola's page bundles are folders whose index.md is the page: the folder names it.
std::string name_of(const std::filesystem::path& source)
{
    const std::string stem = source.stem().string();
    const std::filesystem::path folder = source.parent_path().filename();
    return (stem == "index" || stem == "_index") && !folder.empty() && folder != ".." && folder != "." ? folder.string()
                                                                                                       : stem;
}

}  // namespace

void complete_required_metadata(pugi::xml_node article, const std::filesystem::path& source,
                                Diagnostics* diagnostics)
{
    const FileName name = parts_of(name_of(source));
    if (title(article).empty() && !meta(article).child("title").first_child()) {
        meta_field(article, "title").text().set(name.rest.c_str());
        if (diagnostics) diagnostics->warn({source.string(), 0, 0}, "no-title", "no title given; using '" + name.rest + "'");
    }
    if (!name.date.empty() && meta_text(article, "date").empty()) {
        meta_field(article, "date").text().set(name.date.c_str());
        if (diagnostics)
            diagnostics->warn({source.string(), 0, 0}, "date-from-name",
                              "no date given; using " + name.date + " from the file's name, as Jekyll does");
    }
    if (slug(article).empty()) {
        // A dated name is Jekyll's, whose slug is the name's; else the title's.
        std::string made = name.date.empty() ? slugify(title(article)) : slugify(name.rest);
        if (made.empty()) made = slugify(name.rest);
        if (made.empty()) made = "article";
        meta_field(article, "slug").text().set(made.c_str());
    }
}

}  // namespace mimeo::model

#include "model/required_metadata.hpp"

#include "model/model.hpp"

namespace mimeo::model {

void complete_required_metadata(pugi::xml_node article, const std::filesystem::path& source,
                                Diagnostics* diagnostics)
{
    const std::string stem = source.stem().string();
    if (title(article).empty() && !meta(article).child("title").first_child()) {
        meta_field(article, "title").text().set(stem.c_str());
        if (diagnostics) diagnostics->warn({source.string(), 0, 0}, "no-title", "no title given; using '" + stem + "'");
    }
    if (slug(article).empty()) {
        std::string made = slugify(title(article));
        if (made.empty()) made = slugify(stem);
        if (made.empty()) made = "article";
        meta_field(article, "slug").text().set(made.c_str());
    }
}

}  // namespace mimeo::model

// number-sections: numbers the article's sections 1, 1.1, 1.2, 2, ... by nesting,
// in the `number` attribute of <section>, which every renderer shows before the heading.
// Sections inside quotes, lists and notes are not part of the outline and stay unnumbered.
#include "model/model.hpp"
#include "transforms/builtin.hpp"

namespace mimeo::transforms {
namespace {

void number(pugi::xml_node parent, const std::string& prefix, long depth, long max_depth)
{
    int counter = 0;
    for (pugi::xml_node section : parent.children("section")) {
        const std::string label = prefix + std::to_string(++counter);
        if (depth <= max_depth) {
            pugi::xml_attribute attribute = section.attribute("number");
            if (!attribute) attribute = section.append_attribute("number");
            attribute.set_value(label.c_str());
        }
        number(section, label + ".", depth + 1, max_depth);
    }
}

void apply(pugi::xml_node article, const Settings& settings, const std::string&, Diagnostics&)
{
    number(model::body(article), "", 1, settings.options.get_int("depth"));
}

}  // namespace

Transform number_sections()
{
    return {"number-sections",
            "numbers sections 1, 1.1, 1.2, 2, ... by their nesting",
            {{"depth", OptionType::integer, "9", "how many levels of sections to number (1: only the top level)", {}, 1}},
            nullptr,
            apply};
}

}  // namespace mimeo::transforms

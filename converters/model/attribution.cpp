#include "model/attribution.hpp"

#include <string>
#include <string_view>

namespace mimeo::model {

void split_attribution(pugi::xml_node quote)
{
    pugi::xml_node last = quote.last_child();
    if (!last || std::string_view(last.name()) != "p") return;
    pugi::xml_node first_text = last.first_child();
    if (first_text.type() != pugi::node_pcdata) return;
    const std::string text = first_text.value();
    for (std::string_view dash : {"\u2014", "\u2015", "\u2013 ", "--- ", "-- "}) {
        if (text.rfind(dash, 0) != 0) continue;
        std::size_t start = text.find_first_not_of(" \n", dash.size());
        if (start == std::string::npos) last.remove_child(first_text);
        else first_text.set_value(text.c_str() + start);
        last.set_name("attribution");
        if (!last.first_child()) quote.remove_child(last);
        return;
    }
}

}  // namespace mimeo::model

#include "model/article_order.hpp"

#include <algorithm>
#include <limits>
#include <vector>

#include "model/model.hpp"

namespace mimeo::model {

void order_by_weight(pugi::xml_node articles)
{
    std::vector<std::pair<long long, pugi::xml_node>> order;
    for (pugi::xml_node article : articles.children("article")) {
        const pugi::xml_node weight = meta(article).child("weight");
        order.emplace_back(weight ? weight.text().as_llong() : std::numeric_limits<long long>::max(), article);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [weight, article] : order) articles.append_move(article);
}

}  // namespace mimeo::model

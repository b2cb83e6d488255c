#include "feed/feed_writer.hpp"

#include "model/model.hpp"

namespace mimeo::feed {

void write_feed(const ExportRequest& request, const ItemSyntax& syntax,
                const std::function<void(pugi::xml_document& doc, const FeedContent& content)>& fill)
{
    const MergeOptions merging = merge_options(request.options);
    const FeedContent content = read_feed_content(request, merging.max_items);
    pugi::xml_document doc;
    pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    fill(doc, content);
    merge_items(doc, syntax, request.target, merging);
    request.out.write(request.target, model::to_xml(doc));
}

}  // namespace mimeo::feed

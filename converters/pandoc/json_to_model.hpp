// Maps pandoc's document tree (its JSON form, pandoc-types API 1.22 or 1.23) to the
// canonical model. Whatever the model cannot hold is counted and reported by kind.
#pragma once

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <map>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "model/ids.hpp"

namespace mimeo::pandoc {

using json = nlohmann::json;

class TreeMapper {
public:
    // `api_minor`: 22 or 23, the pandoc-types API the tree was written with.
    TreeMapper(pugi::xml_node article, int api_minor) : article_(article), api_minor_(api_minor) {}

    // pandoc's top-level blocks into <body>, its notes into <notes>.
    void body(const json& blocks);
    // Inlines into `container` (a <title>, <heading>, <p>, ...).
    void inlines(const json& list, pugi::xml_node container);
    // Blocks where the model wants inlines (captions, summaries): paragraphs joined by spaces.
    void blocks_as_inlines(const json& blocks, pugi::xml_node container);

    // Counts something the model cannot hold; `what` is a plural noun phrase.
    void lose(const std::string& what, int count = 1) { losses_[what] += count; }
    // One `pandoc-drop` warning per kind of loss, with its count.
    void report(const std::string& file, Diagnostics& diagnostics) const;

private:
    struct Run;
    // A block with its language and the ids of the Divs it opens, which become anchors in it.
    struct FlatBlock {
        const json* node;
        std::string lang;
        std::vector<std::string> anchors;
    };
    using Flat = std::vector<FlatBlock>;

    void blocks(const json& list, pugi::xml_node container, const std::string& lang);
    void flatten(const json& list, const std::string& lang, Flat& out);
    void block(const json& node, pugi::xml_node parent, const std::string& lang);
    void place_anchors(const std::vector<std::string>& anchors, pugi::xml_node first);
    void paragraph(const json& list, pugi::xml_node parent, const std::string& lang);
    void line_block(const json& lines, pugi::xml_node parent, const std::string& lang);
    void quote(const json& list, pugi::xml_node parent, const std::string& lang);
    void list(const json& items, pugi::xml_node list, const std::string& lang);
    void definition_list(const json& items, pugi::xml_node parent, const std::string& lang);
    void table(const json& content, pugi::xml_node parent, const std::string& lang);
    void row(const json& row, pugi::xml_node xml_row, const std::string& lang);
    void figure(const json& content, pugi::xml_node parent, const std::string& lang);
    void image_figure(const json& image, const json* caption_blocks, const json& attr, pugi::xml_node parent);
    void inlines_in(const json& list, pugi::xml_node container, const std::string& lang);
    void inline_list(const json& list, Run& run);
    void inline_node(const json& node, Run& run);
    void span(const json& content, Run& run);
    void anchor(const std::string& name, Run& run);
    void image(const json& content, Run& run);
    void note(const json& blocks, Run& run);
    std::string valid_lang(const std::string& lang);

    pugi::xml_node article_;
    int api_minor_;
    model::IdMaker ids_;
    int notes_ = 0;
    std::map<std::string, int> losses_;
};

// The text of pandoc inlines, markup dropped, notes left out.
std::string plain_text(const json& inlines);

}  // namespace mimeo::pandoc

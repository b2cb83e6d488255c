// The canonical article model: a pugixml document in mimeo's namespace whose
// contract is schemas/article.rng. Small free functions over it, pugixml-style.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace mimeo::model {

inline constexpr const char* namespace_uri = "urn:mimeo:article:1";
// The model keeps MathML as it is, in its own namespace (the prefix mml).
inline constexpr const char* mathml_namespace = "http://www.w3.org/1998/Math/MathML";

// The deepest nesting of elements an article may have. libxml2 refuses deeper
// documents, and the renderers recurse; importers reject deeper input with a clear error.
inline constexpr int max_depth = 200;

// <article> with an empty <meta> and <body>.
pugi::xml_node new_article(pugi::xml_document& doc);
// <issue> with an empty <articles>.
pugi::xml_node new_issue(pugi::xml_document& doc);

pugi::xml_node article_of(const pugi::xml_document& doc);  // the root <article>, or null
pugi::xml_node issue_of(const pugi::xml_document& doc);    // the root <issue>, or null
pugi::xml_node meta(pugi::xml_node article);

// The node after `node` in document order within `root`, or null: one walk of a subtree without
// recursion or XPath (for (n = root.first_child(); n; n = next_in_tree(n, root))).
pugi::xml_node next_in_tree(pugi::xml_node node, pugi::xml_node root);
pugi::xml_node body(pugi::xml_node article);
pugi::xml_node notes(pugi::xml_node article);
std::vector<pugi::xml_node> articles(pugi::xml_node issue);
pugi::xml_node publication(pugi::xml_node issue);

// The child `name` of <meta>, created in the place the schema requires.
pugi::xml_node meta_field(pugi::xml_node article, const char* name);
// The child `name` of <issue>, created in the place the schema requires.
pugi::xml_node issue_field(pugi::xml_node issue, const char* name);
// A new repeatable child of <meta> (contributor, tag), after its siblings.
pugi::xml_node append_meta_field(pugi::xml_node article, const char* name);
// The child `name` of `parent` created at the position `order` gives it.
pugi::xml_node ordered_child(pugi::xml_node parent, const char* name, const std::vector<std::string_view>& order);

// Plain text of a node: inline markup dropped, line breaks as spaces, notes left out.
std::string text_of(pugi::xml_node node);
std::string meta_text(pugi::xml_node article, const char* name);
std::string title(pugi::xml_node article);
std::string slug(pugi::xml_node article);
std::string language(pugi::xml_node article, const std::string& fallback = "en");
// The article's last revision after publication: its history's date of type "updated", or null.
pugi::xml_node revision(pugi::xml_node article);
std::vector<std::string> contributors(pugi::xml_node article, std::string_view role);
std::vector<std::string> tags(pugi::xml_node article);
// `elocation: auto` made the electronic location an archive wants: "e", the issue's number and
// the article's place in the issue ("e418003"). Other values are left as given.
void settle_elocation(pugi::xml_node article, pugi::xml_node issue, std::size_t position);

// A figure's or table's label and title as plain text, ready to stand before its caption
// ("Figure 1. The wall."); empty when it has neither.
std::string caption_lead(pugi::xml_node figure_or_table);

// A formula's TeX, else the text of its MathML ("E=mc2"): what a medium without either shows.
std::string math_text(pugi::xml_node math);

// The tokens of a list-valued attribute (IDREFS, the CRediT roles), split at spaces.
std::vector<std::string> split_words(std::string_view value);

// A note's <note> by id.
pugi::xml_node find_note(pugi::xml_node article, std::string_view id);

// Lower-case, letters and digits of any script kept, everything else folded into '-'.
// At most max_slug_bytes: a longer one is cut at a character and ends in a hash of the whole.
std::string slugify(std::string_view text);
inline constexpr std::size_t max_slug_bytes = 180;

// Serializes with an XML declaration, indenting only where the schema allows no
// text, so mixed content (a paragraph's inlines) is written exactly as it is.
std::string to_xml(const pugi::xml_document& doc);
// Without indentation: for validation and caches, where no person reads it.
std::string to_compact_xml(const pugi::xml_document& doc);

}  // namespace mimeo::model

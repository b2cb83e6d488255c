#include "jats/read_references.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/url.hpp"
#include "model/model.hpp"
#include "model/references.hpp"

namespace mimeo::jats {
namespace {

std::string text_of(pugi::xml_node node) { return squeezed(all_text(node)); }

// A citation's content as inlines: its emphasis and links kept, every other element (the
// tagged parts: names, titles, years) read for its words, which carry their own punctuation.
void citation_inlines(pugi::xml_node from, pugi::xml_node out)
{
    for (pugi::xml_node child : from.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            const std::string value = child.value();
            pugi::xml_node last = out.last_child();
            if (last.type() == pugi::node_pcdata) last.set_value((std::string(last.value()) + value).c_str());
            else out.append_child(pugi::node_pcdata).set_value(value.c_str());
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        const std::string_view name = child.name();
        static const std::pair<std::string_view, const char*> styles[] = {
            {"italic", "em"}, {"bold", "strong"}, {"sup", "sup"}, {"sub", "sub"}, {"sc", "smallcaps"}};
        const auto style = std::find_if(std::begin(styles), std::end(styles), [&](const auto& s) { return s.first == name; });
        if (style != std::end(styles)) {
            citation_inlines(child, out.append_child(style->second));
        } else if ((name == "ext-link" || name == "uri") && allowed_url(child.attribute("xlink:href").value(), false)) {
            pugi::xml_node link = out.append_child("link");
            link.append_attribute("href") = child.attribute("xlink:href").value();
            citation_inlines(child, link);
        } else {
            citation_inlines(child, out);
        }
    }
}

bool has_own_words(pugi::xml_node citation)
{
    for (pugi::xml_node child : citation.children())
        if (child.type() == pugi::node_pcdata && !squeezed(child.value()).empty()) return true;
    return false;
}

std::string person(pugi::xml_node name)
{
    if (std::string_view(name.name()) == "name") {
        const std::string surname = text_of(name.child("surname")), given = text_of(name.child("given-names"));
        return given.empty() ? surname : surname + " " + given;
    }
    return text_of(name);
}

// The parts a citation tags, as the model's children of <reference>.
void parts(pugi::xml_node citation, pugi::xml_node out)
{
    for (pugi::xml_node group : citation.children("person-group")) {
        const std::string_view type = group.attribute("person-group-type").value();
        if (!type.empty() && type != "author") continue;
        for (pugi::xml_node who : group.children())
            if (among(who.name(), {"name", "string-name", "collab"}))
                if (std::string name = person(who); !name.empty()) out.append_child("author").text().set(name.c_str());
    }
    for (const char* name : {"name", "string-name", "collab"})
        for (pugi::xml_node who : citation.children(name))
            if (std::string text = person(who); !text.empty()) out.append_child("author").text().set(text.c_str());
    auto add = [&](const char* element, const std::string& value) {
        if (!value.empty() && !out.child(element)) out.append_child(element).text().set(value.c_str());
    };
    auto token = [](const std::string& value) { return value.find(' ') == std::string::npos ? value : std::string(); };
    for (const char* title : {"article-title", "chapter-title", "data-title", "part-title"})
        if (pugi::xml_node t = citation.child(title); t && !out.child("title")) citation_inlines(t, out.append_child("title"));
    if (pugi::xml_node source = citation.child("source")) citation_inlines(source, out.append_child("container"));
    add("year", token(text_of(citation.child("year"))));
    add("volume", text_of(citation.child("volume")));
    add("issue", text_of(citation.child("issue")));  // "pt 2" is a token as the schema means it
    const std::string first = text_of(citation.child("fpage")), last = text_of(citation.child("lpage"));
    add("pages", first.empty() ? text_of(citation.child("elocation-id")) : last.empty() ? first : first + "-" + last);
    add("publisher", text_of(citation.child("publisher-name")));
    for (pugi::xml_node id : citation.children("pub-id")) {
        const std::string_view type = id.attribute("pub-id-type").value();
        if (type == "doi") add("doi", token(text_of(id)));
        if (type == "pmid") add("pmid", token(text_of(id)));
    }
    // Links, also those inside a <comment> ("doi: <ext-link>", "Available at <ext-link>").
    for (const pugi::xpath_node& found : citation.select_nodes(".//ext-link | .//uri")) {
        pugi::xml_node link = found.node();
        const std::string href = link.attribute("xlink:href").value();
        if (std::string_view(link.attribute("ext-link-type").value()) == "doi")
            add("doi", token(href.rfind("10.", 0) == 0 ? href : text_of(link)));
        else if (allowed_url(href, false))
            add("url", href);
    }
}

// The sentence of a tagged citation: its parts as the model writes them, with "et al." where
// the authors are cut short, then whatever it tags that no part holds (comments, conference,
// edition ...), as written.
void tagged_sentence(pugi::xml_node tagged, pugi::xml_node reference)
{
    model::write_citation_sentence(reference, text_of(tagged.child("publisher-loc")), static_cast<bool>(tagged.select_node(".//etal")));
    pugi::xml_node sentence = reference.child("citation");
    static const Names held = {
        "person-group", "name", "string-name", "collab", "etal", "article-title", "chapter-title", "data-title", "part-title",
        "source", "year", "volume", "issue", "fpage", "lpage", "elocation-id", "publisher-name", "publisher-loc", "pub-id",
        "label"};
    for (pugi::xml_node child : tagged.children()) {
        if (child.type() != pugi::node_element || among(child.name(), held) || text_of(child).empty()) continue;
        // "doi: 10.1371/..." says again the DOI the sentence ends with.
        std::string words = text_of(child);
        if (words.rfind("doi:", 0) == 0) words = trimmed(words.substr(4));
        if (words == reference.child("doi").text().get()) continue;
        sentence.append_child(pugi::node_pcdata).set_value(" ");
        citation_inlines(child, sentence);
        if (words.back() != '.') sentence.append_child(pugi::node_pcdata).set_value(".");
    }
}

}  // namespace

void read_references(pugi::xml_node ref_list, BodyReader& reader)
{
    pugi::xml_node references = reader.article.child("references");
    if (!references) references = reader.article.append_child("references");
    if (pugi::xml_node title = ref_list.child("title"); title && !references.child("title"))
        read_inlines(title, references.prepend_child("title"), reader);
    int without_citation = 0;
    for (pugi::xml_node ref : ref_list.children("ref")) {
        // The citation as written, and the one whose parts are tagged: one element may be both
        // (a mixed-citation tags its parts among its words), or citation-alternatives holds two.
        pugi::xml_node mixed = ref.child("mixed-citation"), tagged = ref.child("element-citation");
        if (!mixed) mixed = ref.child("citation-alternatives").child("mixed-citation");
        if (!tagged) tagged = ref.child("citation-alternatives").child("element-citation");
        // NLM 2's <citation> and NLM 3's <nlm-citation> are either: written, when they carry
        // punctuation of their own, or tagged.
        for (const char* older : {"citation", "nlm-citation"}) {
            pugi::xml_node c = ref.child(older);
            if (!c) continue;
            if (has_own_words(c)) mixed = mixed ? mixed : c;
            else tagged = tagged ? tagged : c;
        }
        pugi::xml_node citation = mixed ? mixed : tagged;
        if (!citation) {
            ++without_citation;
            continue;
        }
        std::string id = ref.attribute("id").value();
        if (id.empty() || reader.note_ids.count(id)) id = "ref-" + std::to_string(++reader.generated_ids);
        pugi::xml_node out = references.append_child("reference");
        out.append_attribute("id") = id.c_str();
        std::string type = citation.attribute("publication-type").value();
        if (type.empty()) type = citation.attribute("citation-type").value();
        if (!type.empty() && type.find(' ') == std::string::npos)
            out.append_attribute("type") = type.c_str();
        if (std::string label = text_of(ref.child("label")); !label.empty()) out.append_child("label").text().set(label.c_str());
        pugi::xml_node text = out.append_child("citation");
        parts(tagged ? tagged : mixed, out);
        // An element-citation has no punctuation of its own: its parts make the sentence.
        if (mixed) citation_inlines(mixed, text);
        else tagged_sentence(tagged, out);
        if (!text.first_child()) text.text().set(text_of(citation).c_str());
    }
    if (without_citation)
        reader.diagnostics.warn(reader.tree.where(ref_list), "jats-skip",
                                std::to_string(without_citation) + " <ref> with no citation left out");
    if (!references.child("reference")) reader.article.remove_child(references);
}

void settle_references(BodyReader& reader)
{
    const std::map<std::string, int> unresolved = model::unwrap_dangling_xrefs(reader.article);
    std::string counts;
    int total = 0;
    for (const auto& [kind, count] : unresolved) {
        counts += (counts.empty() ? "" : ", ") + std::to_string(count) + " to " + (kind == "other" ? "other parts" : kind + "s");
        total += count;
    }
    if (total)
        reader.diagnostics.warn({reader.tree.file, 0, 0}, "jats-skip",
                                std::to_string(total) + " cross-references to parts the model does not keep (" + counts +
                                    ") kept as their text");
    if (pugi::xml_node references = reader.article.child("references")) reader.article.append_move(references);
}

}  // namespace mimeo::jats

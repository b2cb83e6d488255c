#include "model/references.hpp"

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <vector>

#include "common/files.hpp"
#include "common/pandoc_run.hpp"
#include "common/url.hpp"
#include "model/model.hpp"

namespace mimeo::model {
namespace yi = yaml_input;
namespace fs = std::filesystem;

namespace {

pugi::xml_node references_of(pugi::xml_node article)
{
    pugi::xml_node references = article.child("references");
    return references ? references : article.append_child("references");
}

// "Penczek PA": the family name, then the given names' initials, as reference lists write it.
std::string author_name(const YAML::Node& author, const yi::Source& source, const std::string& path)
{
    if (author.IsScalar()) return yi::scalar(source, author, path);
    yi::require_map(source, author, path);
    if (author["literal"]) return yi::scalar(source, author["literal"], path + ".literal");
    if (!author["family"]) yi::fail(source, author, path, "needs a 'family' name (or a 'literal' one)");
    std::string name = yi::scalar(source, author["family"], path + ".family");
    if (author["given"]) {
        std::string initials;
        for (const std::string& given : split_words(yi::scalar(source, author["given"], path + ".given")))
            initials += given.front();
        name += " " + initials;
    }
    return name;
}

// CSL's `issued`: {date-parts: [[2007, 5]]}, a date or a bare year.
std::string year_of(const YAML::Node& issued)
{
    if (issued.IsScalar()) return issued.Scalar().substr(0, 4);
    if (issued.IsMap() && issued["date-parts"] && issued["date-parts"][0] && issued["date-parts"][0][0])
        return issued["date-parts"][0][0].as<std::string>();
    return "";
}

// The CSL fields the model keeps; any other is counted in `left`, to be named.
const std::set<std::string> kept_fields = {"id",     "type", "author",    "title",     "container-title", "issued", "volume",
                                           "issue",  "page", "publisher", "publisher-place", "DOI", "PMID", "URL"};

void add_item(const YAML::Node& item, const yi::Source& source, const std::string& path, pugi::xml_node references,
              std::set<std::string>& ids, std::map<std::string, int>& left)
{
    yi::require_map(source, item, path);
    if (!item["id"]) yi::fail(source, item, path, "needs an 'id', the key citations name it by");
    const std::string key = yi::scalar(source, item["id"], path + ".id");
    const std::string id = reference_id(key);
    if (!ids.insert(id).second) yi::fail(source, item["id"], path + ".id", "names another reference already");
    pugi::xml_node out = references.append_child("reference");
    out.append_attribute("id") = id.c_str();
    if (item["type"]) {
        static const std::map<std::string, std::string> types = {
            {"article-journal", "journal"}, {"book", "book"}, {"chapter", "chapter"}, {"webpage", "web"},
            {"dataset", "data"},            {"report", "report"}, {"thesis", "thesis"}, {"paper-conference", "confproc"}};
        const auto type = types.find(yi::scalar(source, item["type"], path + ".type"));
        out.append_attribute("type") = type == types.end() ? "other" : type->second.c_str();
    }
    out.append_child("citation");
    if (const YAML::Node authors = item["author"]) {
        const YAML::Node list = authors.IsSequence() ? authors : YAML::Node(std::vector<YAML::Node>{authors});
        for (std::size_t i = 0; i < list.size(); ++i)
            out.append_child("author").text().set(author_name(list[i], source, path + ".author[" + std::to_string(i) + "]").c_str());
    }
    auto text = [&](const char* key) { return item[key] ? yi::scalar(source, item[key], path + "." + key) : std::string(); };
    auto add = [&](const char* element, const std::string& value) {
        if (!value.empty()) out.append_child(element).text().set(value.c_str());
    };
    add("title", text("title"));
    add("container", text("container-title"));
    if (item["issued"]) add("year", year_of(item["issued"]));
    for (const char* part : {"volume", "issue"}) add(part, text(part));
    std::string pages = text("page");
    for (std::size_t dash; (dash = pages.find("\u2013")) != std::string::npos;) pages.replace(dash, 3, "-");
    add("pages", pages.find(' ') == std::string::npos ? pages : "");
    add("publisher", text("publisher"));
    add("doi", text("DOI"));
    add("pmid", text("PMID"));
    if (item["URL"]) add("url", yi::url(source, item["URL"], path + ".URL", false));
    write_citation_sentence(out, text("publisher-place"));
    for (const auto& field : item)
        if (const std::string name = field.first.as<std::string>(); !kept_fields.count(name)) ++left[name];
}

// One warning naming the CSL fields left out, with their counts.
void name_left_fields(const std::map<std::string, int>& left, const yi::Source& source, const YAML::Node& value,
                      const char* key, Diagnostics& diagnostics)
{
    if (left.empty()) return;
    diagnostics.warn(yi::where(source, value), "csl-skip",
                     std::string(key) + ": CSL fields with no counterpart in the model left out: " + counted_names(left));
}

std::set<std::string> reference_ids(pugi::xml_node article)
{
    std::set<std::string> ids;
    for (pugi::xml_node r : article.child("references").children("reference")) ids.insert(r.attribute("id").value());
    return ids;
}

// "Baldwin and Penczek 2007", "Wolf et al. 2012": the author-date a citation shows.
std::string author_date(pugi::xml_node reference)
{
    std::vector<std::string> families;
    for (pugi::xml_node author : reference.children("author")) {
        const std::vector<std::string> words = split_words(author.text().get());
        const bool initials = words.size() > 1 && std::regex_match(words.back(), std::regex("[A-Z]+"));
        std::string family;
        for (std::size_t i = 0; i + (initials ? 1 : 0) < words.size(); ++i) family += (i ? " " : "") + words[i];
        families.push_back(family);
    }
    std::string who = families.empty() ? text_of(reference.child("title"))
                      : families.size() == 1 ? families[0]
                      : families.size() == 2 ? families[0] + " and " + families[1]
                                             : families[0] + " et al.";
    if (const char* year = reference.child("year").text().get(); *year) who += std::string(who.empty() ? "" : " ") + year;
    return who.empty() ? reference.attribute("id").value() : who;
}

// Text no citation is looked for in: code, raw content, formulas, and links already made.
bool verbatim(pugi::xml_node node)
{
    static const std::set<std::string_view> names = {"code", "code-block", "raw", "math", "link", "xref"};
    for (; node; node = node.parent())
        if (names.count(node.name())) return true;
    return false;
}

}  // namespace

void apply_references(const YAML::Node& value, const yi::Source& source, pugi::xml_node article, Diagnostics& diagnostics)
{
    if (!value.IsSequence()) yi::fail(source, value, "references", "must be a list of CSL-JSON items");
    pugi::xml_node references = references_of(article);
    std::set<std::string> ids = reference_ids(article);
    std::map<std::string, int> left;
    for (std::size_t i = 0; i < value.size(); ++i)
        add_item(value[i], source, "references[" + std::to_string(i) + "]", references, ids, left);
    name_left_fields(left, source, value, "references", diagnostics);
    if (!references.first_child()) article.remove_child(references);
}

void apply_bibliography(const YAML::Node& value, const yi::Source& source, pugi::xml_node article,
                        Diagnostics& diagnostics)
{
    const fs::path folder = fs::path(source.file).parent_path();
    pugi::xml_node references = references_of(article);
    std::set<std::string> ids = reference_ids(article);
    for (const std::string& name : yi::string_list(source, value, "bibliography")) {
        const fs::path path = fs::path(name).is_absolute() ? fs::path(name) : folder / name;
        const std::string extension = path.extension().string();
        const char* tex_format = extension == ".bib" ? "biblatex" : extension == ".bibtex" ? "bibtex" : nullptr;
        if (extension != ".json" && !tex_format)
            yi::fail(source, value, "bibliography",
                     "'" + name + "' is neither CSL-JSON (.json), BibLaTeX (.bib) nor BibTeX (.bibtex)");
        std::string text;
        try {
            text = read_file(path, 64u << 20);
        } catch (const Error&) {
            yi::fail(source, value, "bibliography", "cannot read '" + path.string() + "'");
        }
        // pandoc reads the BibTeX from its stdin, sandboxed: a .bib can make it read nothing else.
        if (tex_format)
            text = pandoc::run(pandoc::default_tool(), {"-f", tex_format, "-t", "csljson"}, text, path.string(), diagnostics);
        // JSON is YAML: CSL-JSON reads with the same rules as `references:`, at its own lines.
        const yi::Source file{path.string(), 1};
        const YAML::Node items = yi::parse(text, file);
        if (!items.IsSequence()) yi::fail(file, items, "", "must be a list of CSL-JSON items");
        std::map<std::string, int> left;
        for (std::size_t i = 0; i < items.size(); ++i)
            add_item(items[i], file, "[" + std::to_string(i) + "]", references, ids, left);
        name_left_fields(left, file, items, path.filename().c_str(), diagnostics);
    }
    if (!references.first_child()) article.remove_child(references);
}

void write_citation_sentence(pugi::xml_node reference, const std::string& place, bool et_al)
{
    std::string authors;
    for (pugi::xml_node a : reference.children("author")) authors += (authors.empty() ? "" : ", ") + std::string(a.text().get());
    if (et_al && !authors.empty()) authors += ", et al.";
    std::string text = authors;
    if (reference.child("year")) text += std::string(text.empty() ? "" : " ") + "(" + reference.child("year").text().get() + ")";
    auto append = [&](const std::string& piece, const char* before) {
        if (!piece.empty()) text += (text.empty() ? "" : before) + piece;
    };
    append(text_of(reference.child("title")), " ");
    if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text += ".";
    append(text_of(reference.child("container")), " ");
    append(reference.child("volume").text().get(), " ");
    if (const char* issue = reference.child("issue").text().get(); *issue) text += std::string("(") + issue + ")";
    append(reference.child("pages").text().get(), ": ");
    if (!text.empty() && text.back() != '.') text += ".";
    // "Reading, Mass.: Addison-Wesley."
    const std::string publisher = reference.child("publisher").text().get();
    append(place.empty() ? publisher : publisher.empty() ? place : place + ": " + publisher, " ");
    if (!text.empty() && text.back() != '.') text += ".";
    if (const char* doi = reference.child("doi").text().get(); *doi) append(std::string("https://doi.org/") + doi, " ");
    reference.child("citation").text().set(text.c_str());
}

std::string reference_id(const std::string& key)
{
    static const std::regex xml_id("[A-Za-z_][A-Za-z0-9_.-]*");
    return std::regex_match(key, xml_id) ? key : "ref-" + slugify(key);
}

std::map<std::string, int> unwrap_dangling_xrefs(pugi::xml_node article)
{
    // One walk for both (an XPath query each costs more, on a long article).
    std::set<std::string_view> ids;
    std::vector<pugi::xml_node> xrefs;
    for (pugi::xml_node node = article.first_child(); node; node = next_in_tree(node, article)) {
        if (const char* id = node.attribute("id").value(); *id) ids.insert(id);
        if (std::string_view(node.name()) == "xref") xrefs.push_back(node);
    }
    std::vector<pugi::xml_node> dangling;
    for (pugi::xml_node xref : xrefs)
        if (!ids.count(xref.attribute("target").value())) dangling.push_back(xref);
    std::map<std::string, int> counts;
    for (pugi::xml_node xref : dangling) {
        ++counts[xref.attribute("kind").value()];
        for (pugi::xml_node child = xref.first_child(); child; child = xref.first_child())
            xref.parent().insert_move_before(child, xref);
        xref.parent().remove_child(xref);
    }
    return counts;
}

void link_citations(pugi::xml_node article, const std::string& file, Diagnostics& diagnostics)
{
    std::map<std::string, pugi::xml_node> by_key;
    for (pugi::xml_node r : article.child("references").children("reference")) by_key[r.attribute("id").value()] = r;
    // [@a; @b, p. 3] and in-text @a (not inside a word or an address: "me@example.org").
    static const std::regex citation(R"(\[(@[^\[\]]+)\]|(^|[\s(])@([A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*[A-Za-z0-9_]))");
    static const std::regex key_in(R"(-?@([A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*[A-Za-z0-9_]|[A-Za-z0-9_])([^;]*))");
    std::vector<pugi::xml_node> texts;
    for (const pugi::xpath_node& found : article.select_nodes(".//text()"))
        if (!verbatim(found.node().parent()) && std::string_view(found.node().value()).find('@') != std::string_view::npos)
            texts.push_back(found.node());
    std::set<std::string> unknown;
    for (pugi::xml_node text : texts) {
        const std::string value = text.value();
        pugi::xml_node parent = text.parent();
        std::size_t done = 0;
        for (std::sregex_iterator m(value.begin(), value.end(), citation), end; m != end; ++m) {
            const std::smatch& match = *m;
            std::vector<std::pair<pugi::xml_node, std::string>> cited;  // reference, what follows its key (", p. 3")
            bool all_known = true;
            const std::string inside = match[1].matched ? match[1].str() : "@" + match[3].str();
            for (std::sregex_iterator k(inside.begin(), inside.end(), key_in); k != end; ++k) {
                auto found = by_key.find((*k)[1].str());
                if (found == by_key.end()) {
                    all_known = false;
                    if (match[1].matched) unknown.insert((*k)[1].str());
                    break;
                }
                cited.emplace_back(found->second, (*k)[2].str());
            }
            if (!all_known || cited.empty()) continue;
            const std::size_t start = match.position(0) + (match[1].matched ? 0 : match[2].length());
            if (start > done) parent.insert_child_before(pugi::node_pcdata, text).set_value(value.substr(done, start - done).c_str());
            auto xref = [&](pugi::xml_node reference, const std::string& shown) {
                pugi::xml_node out = parent.insert_child_before("xref", text);
                out.append_attribute("target") = reference.attribute("id").value();
                out.append_attribute("kind") = "reference";
                out.text().set(shown.c_str());
            };
            auto plain = [&](const std::string& words) {
                if (!words.empty()) parent.insert_child_before(pugi::node_pcdata, text).set_value(words.c_str());
            };
            if (match[1].matched) {
                plain("(");
                for (std::size_t i = 0; i < cited.size(); ++i) {
                    if (i) plain("; ");
                    xref(cited[i].first, author_date(cited[i].first));
                    plain(cited[i].second);
                }
                plain(")");
            } else {
                // In-text: "Baldwin and Penczek (2007)".
                const std::string shown = author_date(cited[0].first);
                const std::string year = cited[0].first.child("year").text().get();
                xref(cited[0].first, year.empty() ? shown : shown.substr(0, shown.size() - year.size()) + "(" + year + ")");
            }
            done = match.position(0) + match.length(0);
        }
        if (done == 0) continue;
        text.set_value(value.substr(done).c_str());
        if (value.size() == done) parent.remove_child(text);
    }
    if (!unknown.empty()) {
        std::string names;
        for (const std::string& key : unknown) names += (names.empty() ? "'@" : ", '@") + key + "'";
        diagnostics.warn({file, 0, 0}, "citation-unknown",
                         std::to_string(unknown.size()) + " cited keys name no reference (give them in `references:` or "
                                                          "`bibliography:`), kept as text: " + names);
    }
}

}  // namespace mimeo::model

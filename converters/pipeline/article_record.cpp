#include "pipeline/article_record.hpp"

#include <stdexcept>

#include "model/model.hpp"

namespace mimeo::pipeline {
namespace {

// Warnings are stored one a line as tab-separated fields: line, column, code, file
// ("=" for the input itself, whose name depends on where mimeo runs), message.
std::string escape_field(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out;
}

std::string unescape_field(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            ++i;
            out += text[i] == 'n' ? '\n' : text[i] == 't' ? '\t' : text[i];
        } else {
            out += text[i];
        }
    }
    return out;
}

std::vector<std::string> split_tabs(std::string_view line)
{
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        std::size_t tab = line.find('\t', start);
        fields.push_back(unescape_field(line.substr(start, tab - start)));
        if (tab == std::string_view::npos) return fields;
        start = tab + 1;
    }
}

}  // namespace

std::string encode_warnings(const std::vector<Diagnostic>& warnings, const std::string& source_file)
{
    std::string text;
    for (const Diagnostic& d : warnings)
        text += std::to_string(d.where.line) + "\t" + std::to_string(d.where.column) + "\t" + escape_field(d.code) +
                "\t" + (d.where.file == source_file ? "=" : escape_field(d.where.file)) + "\t" +
                escape_field(d.message) + "\n";
    return text + "\n";
}

bool decode_warnings(std::string_view text, const std::string& source_file, std::vector<Diagnostic>& warnings,
                     std::size_t& at)
{
    std::vector<Diagnostic> found;
    at = 0;
    while (true) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) return false;
        std::string_view line(text.data() + at, end - at);
        at = end + 1;
        if (line.empty()) break;
        const auto fields = split_tabs(line);
        if (fields.size() != 5) return false;
        Diagnostic d{Severity::warning, fields[2], {fields[3] == "=" ? source_file : fields[3], 0, 0}, fields[4]};
        try {
            d.where.line = std::stoi(fields[0]);
            d.where.column = std::stoi(fields[1]);
        } catch (const std::exception&) {
            return false;
        }
        found.push_back(std::move(d));
    }
    warnings = std::move(found);
    return true;
}

std::string encode_record(const pugi::xml_document& article, const std::vector<Diagnostic>& warnings,
                          const std::string& source_file)
{
    return encode_warnings(warnings, source_file) + model::to_compact_xml(article);
}

bool decode_record(std::string_view text, const std::string& source_file, pugi::xml_document& article,
                   std::vector<Diagnostic>& warnings)
{
    std::vector<Diagnostic> found;
    std::size_t at = 0;
    if (!decode_warnings(text, source_file, found, at)) return false;
    // Read keeping whitespace-only text, carriage returns and the whitespace of attributes, so
    // the tree comes back exactly as the import made it (a space between two inline elements
    // is content; a CR in a title must stay a CR).
    const unsigned exact = (pugi::parse_default | pugi::parse_ws_pcdata) & ~(pugi::parse_eol | pugi::parse_wconv_attribute);
    pugi::xml_parse_result parsed = article.load_buffer(text.data() + at, text.size() - at, exact);
    if (!parsed || !model::article_of(article)) {
        article.reset();
        return false;
    }
    warnings = std::move(found);
    return true;
}

}  // namespace mimeo::pipeline

#include "markdown/toml_front_matter.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <vector>

#include "common/diagnostics.hpp"

namespace mimeo::markdown {
namespace {

class YamlWriter {
public:
    std::string take() { return std::move(out_); }

    void table(const toml::table& table)
    {
        // toml++ keeps a table's keys sorted; the lines want them in the order they were written.
        std::vector<std::pair<const toml::key*, const toml::node*>> entries;
        for (auto&& [key, node] : table) entries.emplace_back(&key, &node);
        std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
            return before(a.first->source().begin, b.first->source().begin);
        });
        out_ += '{';
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i) out_ += ',';
            move_to(entries[i].first->source().begin);
            key(entries[i].first->str());
            out_ += ':';
            value(*entries[i].second);
        }
        out_ += '}';
    }

private:
    static bool before(const toml::source_position& a, const toml::source_position& b)
    {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    }

    void value(const toml::node& node)
    {
        if (node.source().begin.line) move_to(node.source().begin);
        if (out_.back() == ':') out_ += ' ';  // a value on its key's line, however far along
        if (const toml::table* t = node.as_table()) return table(*t);
        if (const toml::array* a = node.as_array()) {
            out_ += '[';
            for (std::size_t i = 0; i < a->size(); ++i) {
                if (i) out_ += ',';
                value(*a->get(i));
            }
            out_ += ']';
            return;
        }
        if (auto s = node.value_exact<std::string>()) return quoted(*s);
        if (auto b = node.value_exact<bool>()) {
            out_ += *b ? "true" : "false";
            return;
        }
        if (auto i = node.value_exact<std::int64_t>()) {
            out_ += std::to_string(*i);
            return;
        }
        if (auto f = node.value_exact<double>()) {
            if (std::isnan(*f)) out_ += ".nan";
            else if (std::isinf(*f)) out_ += *f < 0 ? "-.inf" : ".inf";
            else {
                char buffer[32];
                std::snprintf(buffer, sizeof buffer, "%.17g", *f);
                out_ += buffer;
            }
            return;
        }
        // Dates and times in RFC 3339's form, as toml++ prints them.
        std::ostringstream text;
        if (auto d = node.value_exact<toml::date>()) text << *d;
        else if (auto t = node.value_exact<toml::time>()) text << *t;
        else if (auto dt = node.value_exact<toml::date_time>()) text << *dt;
        quoted(text.str());
    }

    // Bare when it can be, so that the value after it keeps its TOML column.
    void key(std::string_view name)
    {
        const bool bare = !name.empty() && name[0] != '-' && std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
        });
        if (bare) out_ += name;
        else quoted(name);
    }

    // A YAML double-quoted scalar: JSON's escapes are YAML's.
    void quoted(std::string_view text)
    {
        out_ += '"';
        for (unsigned char c : text) {
            if (c == '"' || c == '\\') {
                out_ += '\\';
                out_ += static_cast<char>(c);
            } else if (c < 0x20 || c == 0x7F) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
                out_ += buffer;
            } else {
                out_ += static_cast<char>(c);
            }
        }
        out_ += '"';
    }

    // Newlines up to the position's line, then spaces to its column: never backwards.
    void move_to(const toml::source_position& at)
    {
        for (; line_ < at.line; ++line_) out_ += '\n';
        const std::size_t column = out_.size() - (out_.rfind('\n') + 1) + 1;  // npos + 1 is 0
        if (column < at.column) out_.append(at.column - column, ' ');
    }

    std::string out_;
    toml::source_index line_ = 1;
};

}  // namespace

std::string toml_as_yaml(std::string_view toml, const std::string& file, int first_line)
{
    try {
        const toml::table table = toml::parse(toml, file);
        YamlWriter writer;
        writer.table(table);
        return writer.take();
    } catch (const toml::parse_error& e) {
        const auto& at = e.source().begin;
        throw Error({file, first_line + static_cast<int>(at.line) - 1, static_cast<int>(at.column)}, "toml",
                    "front matter between '+++' lines is not TOML: " + std::string(e.description()));
    }
}

}  // namespace mimeo::markdown

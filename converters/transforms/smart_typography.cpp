// smart-typography: straight quotes become curly, -- and --- en and em dashes,
// ... an ellipsis, in the article's text (title, subtitle, summary, body, notes).
// Code, math and raw content are left as typed. For articles imported without
// smart punctuation (DOCX typed on a plain keyboard, Markdown with smart: false).
#include "model/smart_punctuation.hpp"
#include "transforms/builtin.hpp"

namespace mimeo::transforms {
namespace {

void apply(pugi::xml_node article, const Settings&, const std::string&, Diagnostics&)
{
    model::smarten_article(article);
}

}  // namespace

Transform smart_typography()
{
    return {"smart-typography", "curly quotes, en and em dashes and ellipses in the text (not in code or raw content)",
            {}, nullptr, apply};
}

}  // namespace mimeo::transforms

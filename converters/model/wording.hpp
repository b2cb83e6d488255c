// The fixed words of the outputs in a page's language: the catalog's words ("Contents",
// "By {}", "Volume {}"; converters/model/wording/*.yaml, a file per language, compiled in)
// and dates and lists of names as ICU formats them after CLDR. A language without a catalog,
// and a key a catalog lacks, are said in English.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mimeo::model {

// Each catalog's YAML text, by its language (generated from the files at configure time).
const std::vector<std::pair<std::string_view, std::string_view>>& wording_catalogs();

// The words of `key` for the BCP 47 `language` (its primary language's catalog), with "{}"
// replaced by `value`.
std::string say(std::string_view language, std::string_view key, std::string_view value = {});

// A YYYY-MM-DD or YYYY-MM date as `language` writes it: "April 14, 2025", "14 avril 2025",
// "2025年4月14日"; any other text as it is.
std::string local_date(std::string_view iso_date, std::string_view language);

// Names joined as `language` joins a list: "A and B", "A, B, and C", "A, B et C".
std::string local_list(const std::vector<std::string>& names, std::string_view language);

}  // namespace mimeo::model

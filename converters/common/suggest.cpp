#include "common/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace mimeo {
namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Levenshtein distance, with a transposition of neighbours counted as one edit.
std::size_t edits(const std::string& a, const std::string& b)
{
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

}  // namespace

std::string did_you_mean(std::string_view given, const std::vector<std::string>& known)
{
    const std::string wanted = lower(given);
    // Short names allow one edit, longer ones two: "xml" is not a typo of "html".
    const std::size_t allowed = wanted.size() <= 4 ? 1 : 2;
    const std::string* best = nullptr;
    std::size_t best_edits = allowed + 1;
    for (const std::string& name : known) {
        const std::size_t n = edits(wanted, lower(name));
        if (n < best_edits) {
            best = &name;
            best_edits = n;
        }
    }
    return best ? " (did you mean '" + *best + "'?)" : "";
}

}  // namespace mimeo

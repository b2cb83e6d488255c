#include "pipeline/shard.hpp"

#include <xxhash.h>

#include <charconv>

#include "common/diagnostics.hpp"
#include "registry/formats.hpp"

namespace fs = std::filesystem;

namespace mimeo::pipeline {
namespace {

bool parse_number(std::string_view text, unsigned& value)
{
    if (text.empty()) return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

Shard parse_shard(const std::string& text)
{
    const std::size_t slash = text.find('/');
    Shard shard;
    if (slash == std::string::npos || !parse_number(std::string_view(text).substr(0, slash), shard.index) ||
        !parse_number(std::string_view(text).substr(slash + 1), shard.count))
        throw UsageError("--shard " + text + ": give K/N, such as --shard 0/4 (shards are counted from 0)");
    if (shard.count == 0 || shard.index >= shard.count)
        throw UsageError("--shard " + text + ": K must be from 0 to N-1 and N at least 1");
    return shard;
}

unsigned shard_of(const fs::path& input, const fs::path& pipeline_folder, unsigned count)
{
    std::error_code ec;
    fs::path relative = fs::absolute(input, ec).lexically_normal().lexically_relative(
        fs::absolute(pipeline_folder, ec).lexically_normal());
    if (relative.empty()) relative = input.lexically_normal();
    const std::string key = relative.generic_string();
    return static_cast<unsigned>(XXH3_64bits(key.data(), key.size()) % count);
}

bool is_per_article(const OutputSpec& output)
{
    return output.per_article || require_exporter(output.format).open_stream != nullptr;
}

}  // namespace mimeo::pipeline

#include "pipeline/article_cache.hpp"

#include <unistd.h>
#include <xxhash.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "common/files.hpp"
#include "common/staging.hpp"
#include "pipeline/article_record.hpp"
#include "model/model.hpp"

namespace fs = std::filesystem;

namespace mimeo::pipeline {
namespace {

// The first line of every entry; the older layout's is a miss, any other is damage. The
// second is "xxh3-128 HEX": the hash of everything after it, checked on every read.
constexpr std::string_view entry_header = "mimeo-cache 2\n";
constexpr std::string_view hash_label = "xxh3-128 ";
constexpr std::string_view older_header = "mimeo-cache 1\n";  // before entries carried a hash

std::string hex(XXH128_hash_t hash)
{
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                  static_cast<unsigned long long>(hash.low64));
    return text;
}

std::string hex_hash(std::string_view bytes) { return hex(XXH3_128bits(bytes.data(), bytes.size())); }

void hash_field(XXH3_state_t* state, std::string_view field)
{
    XXH3_128bits_update(state, field.data(), field.size());
    XXH3_128bits_update(state, "\0", 1);  // so that "ab"+"c" and "a"+"bc" differ
}

}  // namespace

ArticleCache::ArticleCache(std::optional<fs::path> folder, bool read_only)
    : folder_(std::move(folder)), read_only_(read_only), on_interrupt_([this] {
          staging_mutex_.lock();  // kept: the process exits right after
          std::error_code ec;
          for (const fs::path& path : staging_) fs::remove(path, ec);
      })
{
}

std::string ArticleCache::key(const ArticleSource& source) const
{
    const std::string bytes = read_file(source.path);
    std::error_code ec;
    // The path matters too: the model records the source's folder, and a missing slug
    // comes from the file's name.
    const fs::path absolute = fs::absolute(source.path, ec);
    XXH3_state_t* state = XXH3_createState();
    XXH3_128bits_reset(state);
    hash_field(state, "mimeo " MIMEO_VERSION);
    hash_field(state, source.engine);
    hash_field(state, source.plan.importer ? source.plan.importer->name : "");
    hash_field(state, source.options_text);
    hash_field(state, absolute.lexically_normal().string());
    hash_field(state, bytes);
    const XXH128_hash_t hash = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    return hex(hash);
}

fs::path ArticleCache::entry_path(const std::string& key) const { return *folder_ / (key.substr(0, 2)) / (key + ".xml"); }

CacheRead ArticleCache::load(const std::string& key, const std::string& source_file, pugi::xml_document& article,
                             std::vector<Diagnostic>& warnings) const
{
    if (!folder_) return CacheRead::miss;
    std::ifstream in(entry_path(key), std::ios::binary);
    if (!in) return CacheRead::miss;
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    if (!text.starts_with(entry_header)) return text.starts_with(older_header) ? CacheRead::miss : CacheRead::corrupt;
    std::size_t at = entry_header.size();
    const std::size_t hash_end = text.find('\n', at);
    if (hash_end == std::string::npos || text.compare(at, hash_label.size(), hash_label) != 0) return CacheRead::corrupt;
    const std::string_view stored(text.data() + at + hash_label.size(), hash_end - at - hash_label.size());
    at = hash_end + 1;
    if (stored != hex_hash(std::string_view(text).substr(at))) return CacheRead::corrupt;
    if (!decode_record(std::string_view(text).substr(at), source_file, article, warnings)) return CacheRead::corrupt;
    return CacheRead::hit;
}

void ArticleCache::store(const std::string& key, const std::string& source_file, const pugi::xml_document& article,
                         const std::vector<Diagnostic>& warnings) const
{
    if (!folder_ || read_only_) return;
    const fs::path target = entry_path(key);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return;
    std::string text = encode_record(article, warnings, source_file);
    text = std::string(entry_header) + std::string(hash_label) + hex_hash(text) + "\n" + text;
    NewStagedFile staged;
    try {
        std::lock_guard lock(staging_mutex_);
        staged = create_staged(target);
        staging_.insert(staged.path);
    } catch (const Error&) {
        return;  // an entry not stored is imported again next time
    }
    const fs::path temporary = staged.path;
    // Once it is renamed, or removed, there is nothing left for an interrupt to clean.
    struct Unlist {
        const ArticleCache& cache;
        const fs::path& path;
        ~Unlist()
        {
            std::lock_guard lock(cache.staging_mutex_);
            cache.staging_.erase(path);
        }
    } unlist{*this, temporary};
    const bool written = write_all(staged.fd, text);
    if (::close(staged.fd) != 0 || !written) {
        fs::remove(temporary, ec);
        return;
    }
    fs::rename(temporary, target, ec);
    if (ec) fs::remove(temporary, ec);
}

}  // namespace mimeo::pipeline

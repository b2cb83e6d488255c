#include "common/zip_reader.hpp"

#include <zip.h>

#include <fstream>
#include <unordered_map>

#include "common/diagnostics.hpp"

namespace mimeo {
namespace {

// A zip entry name is safe when it is relative and never climbs: no leading
// slash or drive letter, no backslashes, no "." or ".." segments.
bool safe_entry_name(const std::string& name)
{
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos) return false;
    if (name.size() > 1 && name[1] == ':') return false;
    if (name.find('\0') != std::string::npos) return false;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find('/', start);
        if (end == std::string::npos) end = name.size();
        std::string_view segment(name.data() + start, end - start);
        if (segment == ".." || segment == ".") return false;
        start = end + 1;
    }
    return true;
}

bool starts_like_zip(const std::string& file)
{
    std::ifstream in(file, std::ios::binary);
    char head[4] = {};
    in.read(head, sizeof head);
    return in.gcount() == 4 && std::string_view(head, 4) == "PK\x03\x04";
}

}  // namespace

// Owns the archive, so that it is closed however the constructor ends.
struct ZipReader::Zip {
    zip_t* archive = nullptr;
    std::unordered_map<std::string, zip_uint64_t> index;  // entry name -> entry index
    ~Zip()
    {
        if (archive) zip_discard(archive);
    }
};

void ZipReader::fail(const char* code, const std::string& message) const { throw Error({file_, 0, 0}, code, message); }

ZipReader::ZipReader(const std::string& file, ZipLimits limits, ZipCodes codes)
    : zip_(std::make_unique<Zip>()), file_(file), limits_(limits), codes_(codes)
{
    int error_code = 0;
    zip_->archive = zip_open(file.c_str(), ZIP_RDONLY, &error_code);
    if (!zip_->archive) {
        if (error_code == ZIP_ER_OPEN || error_code == ZIP_ER_READ || error_code == ZIP_ER_NOENT)
            fail("read", "cannot read the file");
        if (starts_like_zip(file)) fail(codes_.damaged, "the zip archive is truncated or damaged");
        fail(codes_.not_zip, std::string("not ") + codes_.archive_kind + ": it is not a zip archive");
    }
    const zip_int64_t count = zip_get_num_entries(zip_->archive, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > limits_.max_entries)
        fail(codes_.too_large, "the archive has more than " + std::to_string(limits_.max_entries) + " entries");
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* raw = zip_get_name(zip_->archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
        if (!raw) fail(codes_.damaged, "the zip archive has an unreadable entry name");
        std::string name = raw;
        if (!safe_entry_name(name))
            fail(codes_.unsafe_path, "the archive holds an entry with an unsafe path: '" + name + "'");
        zip_->index.emplace(std::move(name), static_cast<zip_uint64_t>(i));
    }
}

ZipReader::~ZipReader() = default;

bool ZipReader::has(const std::string& entry) const { return zip_->index.count(entry) != 0; }

std::string ZipReader::read(const std::string& entry)
{
    const std::string named = std::string(codes_.entry_kind) + " '" + entry + "'";
    auto found = zip_->index.find(entry);
    if (found == zip_->index.end()) fail(codes_.missing, std::string("the archive has no ") + named);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip_->archive, found->second, 0, &stat) != 0)
        fail(codes_.damaged, "cannot read the entry for " + named);
    // The declared sizes are checked first; the bytes actually read are checked too,
    // since a hostile archive can declare sizes it does not have.
    auto check_size = [&](std::uint64_t size) {
        if (size > limits_.max_entry_size)
            fail(codes_.too_large,
                 named + " unpacks to more than " + std::to_string(limits_.max_entry_size >> 20) + " MiB (zip bomb?)");
        if (total_read_ + size > limits_.max_total_size)
            fail(codes_.too_large, "the archive unpacks to more than " + std::to_string(limits_.max_total_size >> 20) +
                                       " MiB in all (zip bomb?)");
        const std::uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
        if (size > (1u << 20) && size / (compressed ? compressed : 1) > limits_.max_ratio)
            fail(codes_.too_large,
                 named + " has a compression ratio over " + std::to_string(limits_.max_ratio) + ":1 (zip bomb?)");
    };
    if (stat.valid & ZIP_STAT_SIZE) check_size(stat.size);

    // Closed however the read ends: check_size throws from inside the loop.
    const std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(zip_->archive, found->second, 0),
                                                                 zip_fclose);
    if (!file) fail(codes_.damaged, "cannot open " + named + ": " + zip_strerror(zip_->archive));
    std::string bytes;
    char buffer[1 << 16];
    zip_int64_t n;
    while ((n = zip_fread(file.get(), buffer, sizeof buffer)) > 0) {
        bytes.append(buffer, static_cast<std::size_t>(n));
        check_size(bytes.size());
    }
    if (n < 0) fail(codes_.damaged, "cannot unpack " + named + ": " + zip_file_strerror(file.get()));
    total_read_ += bytes.size();
    return bytes;
}

}  // namespace mimeo

#include "docx/zip_package.hpp"

#include <zip.h>

#include <cstring>
#include <fstream>
#include <memory>
#include <unordered_map>

#include "common/diagnostics.hpp"

namespace mimeo::docx {
namespace {

[[noreturn]] void fail(const std::string& file, const char* code, const std::string& message)
{
    throw Error({file, 0, 0}, code, message);
}

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

std::string head_of(const std::string& file, std::size_t size)
{
    std::ifstream in(file, std::ios::binary);
    std::string head(size, '\0');
    in.read(head.data(), static_cast<std::streamsize>(size));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

bool starts_like_zip(const std::string& file) { return head_of(file, 4) == "PK\x03\x04"; }

// A name as an OLE compound file's directory holds it: UTF-16LE.
std::string utf16(std::string_view name)
{
    std::string out;
    for (char c : name) out += std::string{c, '\0'};
    return out;
}

// Word files that are OLE compound files rather than zip archives: a password-protected DOCX
// (its package encrypted into an "EncryptedPackage" stream, MS-OFFCRYPTO) or a Word 97-2003
// .doc (a "WordDocument" stream, MS-DOC). The directory is looked for in the first 16 MiB.
[[noreturn]] void fail_compound(const std::string& file)
{
    const std::string bytes = head_of(file, std::size_t{16} << 20);
    if (bytes.find(utf16("EncryptedPackage")) != std::string::npos)
        fail(file, "docx-encrypted", "the document is password-protected (encrypted); save it without a password in Word");
    if (bytes.find(utf16("WordDocument")) != std::string::npos)
        fail(file, "docx-old-format",
             "a Word 97-2003 document (.doc), not a DOCX; save it as .docx in Word, or convert it with "
             "LibreOffice (soffice --convert-to docx)");
    fail(file, "docx-not-zip", "not a DOCX file: an OLE compound file (an older Office format), not a zip archive");
}

bool starts_like_compound(const std::string& file) { return head_of(file, 8) == "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"; }

}  // namespace

// Owns the archive, so that it is closed however Package's constructor ends.
struct Package::Zip {
    zip_t* archive = nullptr;
    std::unordered_map<std::string, zip_uint64_t> index;  // part name -> entry index
    ~Zip()
    {
        if (archive) zip_discard(archive);
    }
};

Package::Package(const std::string& file, PackageLimits limits) : zip_(std::make_unique<Zip>()), file_(file), limits_(limits)
{
    int error_code = 0;
    zip_->archive = zip_open(file.c_str(), ZIP_RDONLY, &error_code);
    if (!zip_->archive) {
        if (error_code == ZIP_ER_OPEN || error_code == ZIP_ER_READ || error_code == ZIP_ER_NOENT)
            fail(file, "read", "cannot read the file");
        if (starts_like_zip(file)) fail(file, "docx-damaged", "the zip archive is truncated or damaged");
        if (starts_like_compound(file)) fail_compound(file);
        fail(file, "docx-not-zip", "not a DOCX file: it is not a zip archive");
    }
    const zip_int64_t count = zip_get_num_entries(zip_->archive, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > limits_.max_entries)
        fail(file, "docx-too-large", "the archive has more than " + std::to_string(limits_.max_entries) + " entries");
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* raw = zip_get_name(zip_->archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
        if (!raw) fail(file, "docx-damaged", "the zip archive has an unreadable entry name");
        std::string name = raw;
        if (!safe_entry_name(name))
            fail(file, "docx-unsafe-path", "the archive holds an entry with an unsafe path: '" + name + "'");
        zip_->index.emplace(std::move(name), static_cast<zip_uint64_t>(i));
    }
}

Package::~Package() = default;

bool Package::has(const std::string& part) const { return zip_->index.count(part) != 0; }

std::string Package::read(const std::string& part)
{
    auto found = zip_->index.find(part);
    if (found == zip_->index.end()) fail(file_, "docx-missing-part", "the package has no part '" + part + "'");
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip_->archive, found->second, 0, &stat) != 0)
        fail(file_, "docx-damaged", "cannot read the entry for '" + part + "'");
    // The declared sizes are checked first; the bytes actually read are checked too,
    // since a hostile archive can declare sizes it does not have.
    auto check_size = [&](std::uint64_t size) {
        if (size > limits_.max_part_size)
            fail(file_, "docx-too-large", "part '" + part + "' unpacks to more than " +
                                              std::to_string(limits_.max_part_size >> 20) + " MiB (zip bomb?)");
        if (total_read_ + size > limits_.max_total_size)
            fail(file_, "docx-too-large", "the parts unpack to more than " +
                                              std::to_string(limits_.max_total_size >> 20) + " MiB in all (zip bomb?)");
        const std::uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
        if (size > (1u << 20) && size / (compressed ? compressed : 1) > limits_.max_ratio)
            fail(file_, "docx-too-large", "part '" + part + "' has a compression ratio over " +
                                              std::to_string(limits_.max_ratio) + ":1 (zip bomb?)");
    };
    if (stat.valid & ZIP_STAT_SIZE) check_size(stat.size);

    // Closed however the read ends: check_size throws from inside the loop.
    const std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> entry(zip_fopen_index(zip_->archive, found->second, 0),
                                                                  zip_fclose);
    if (!entry) fail(file_, "docx-damaged", "cannot open part '" + part + "': " + zip_strerror(zip_->archive));
    std::string bytes;
    char buffer[1 << 16];
    zip_int64_t n;
    while ((n = zip_fread(entry.get(), buffer, sizeof buffer)) > 0) {
        bytes.append(buffer, static_cast<std::size_t>(n));
        check_size(bytes.size());
    }
    if (n < 0) fail(file_, "docx-damaged", "cannot unpack part '" + part + "': " + zip_file_strerror(entry.get()));
    total_read_ += bytes.size();
    return bytes;
}

std::string folder_of(const std::string& part)
{
    const std::size_t slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::string resolve_part_name(const std::string& source_folder, const std::string& target, const std::string& file)
{
    std::string path = target;
    if (!path.empty() && path.front() == '/') path.erase(0, 1);
    else path = source_folder + path;
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        std::string segment = path.substr(start, end - start);
        start = end + 1;
        if (segment.empty() || segment == ".") continue;
        if (segment == "..") {
            if (segments.empty())
                fail(file, "docx-unsafe-path", "relationship target '" + target + "' points outside the package");
            segments.pop_back();
            continue;
        }
        segments.push_back(std::move(segment));
    }
    std::string resolved;
    for (const auto& segment : segments) resolved += (resolved.empty() ? "" : "/") + segment;
    return resolved;
}

}  // namespace mimeo::docx

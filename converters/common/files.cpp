#include "common/files.hpp"

#include <stdlib.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace mimeo {

void require_size_at_most(const std::filesystem::path& path, std::uintmax_t max_bytes)
{
    std::error_code ec;
    if (auto size = std::filesystem::file_size(path, ec); !ec && size > max_bytes)
        throw Error({path.string(), 0, 0}, "too-large",
                    "is " + std::to_string(size >> 20) + " MiB; the limit is " + std::to_string(max_bytes >> 20) +
                        " MiB (an importer's option max-size=MIB sets it)");
}

std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error({path.string(), 0, 0}, "read", "is a folder, not a file");
    require_size_at_most(path, max_bytes);
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) throw Error({path.string(), 0, 0}, "read", std::string("cannot read: ") + std::strerror(errno));
    std::string content;
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
        content.append(buffer, n);
        if (content.size() > max_bytes) {  // a file that grew, or a pipe
            std::fclose(file);
            throw Error({path.string(), 0, 0}, "too-large", "exceeds the limit of " + std::to_string(max_bytes >> 20) + " MiB");
        }
    }
    bool failed = std::ferror(file);
    std::fclose(file);
    if (failed) throw Error({path.string(), 0, 0}, "read", "cannot read: I/O error");
    return content;
}

namespace {

// Length of the valid UTF-8 sequence at `i`, or 0 (RFC 3629: no overlongs, no surrogates).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i)
{
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else return 0;
    if (i + len > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return len;
}

}  // namespace

std::optional<Location> find_invalid_utf8(std::string_view text, const std::string& file)
{
    int line = 1, column = 1;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = utf8_sequence_length(text, i);
        if (len == 0) return Location{file, line, column};
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += len;
    }
    return std::nullopt;
}

void require_utf8(std::string_view text, const std::string& file)
{
    if (auto where = find_invalid_utf8(text, file))
        throw Error(*where, "encoding", "invalid UTF-8 byte sequence");
}

std::string lower_extension(const std::filesystem::path& path)
{
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

namespace {

std::filesystem::path find_above(std::filesystem::path folder, const std::filesystem::path& relative)
{
    std::error_code ec;
    for (; !folder.empty(); folder = folder.parent_path()) {
        if (std::filesystem::is_regular_file(folder / relative, ec)) return folder / relative;
        if (folder == folder.root_path()) break;
    }
    return {};
}

}  // namespace

std::filesystem::path find_near_mimeo(const std::filesystem::path& relative)
{
    std::error_code ec;
    std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        if (auto found = find_above(executable.parent_path(), relative); !found.empty()) return found;
    }
    return find_above(std::filesystem::current_path(ec), relative);
}

TemporaryFolder::TemporaryFolder(const std::string& prefix)
{
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
        throw Error({pattern, 0, 0}, "write", std::string("cannot make a temporary folder: ") + std::strerror(errno));
    path_ = pattern;
}

TemporaryFolder::~TemporaryFolder()
{
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace mimeo

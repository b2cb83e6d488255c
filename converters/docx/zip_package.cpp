#include "docx/zip_package.hpp"

#include <fstream>
#include <vector>

#include "common/diagnostics.hpp"

namespace mimeo::docx {
namespace {

[[noreturn]] void fail(const std::string& file, const char* code, const std::string& message)
{
    throw Error({file, 0, 0}, code, message);
}

std::string head_of(const std::string& file, std::size_t size)
{
    std::ifstream in(file, std::ios::binary);
    std::string head(size, '\0');
    in.read(head.data(), static_cast<std::streamsize>(size));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

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

const ZipCodes docx_codes = {"docx-not-zip", "docx-damaged", "docx-unsafe-path", "docx-too-large",
                              "docx-missing-part", "a DOCX file", "part"};

// A Word file that is no zip archive is told apart before the zip reader says only "not a zip".
const std::string& checked_file(const std::string& file)
{
    if (starts_like_compound(file)) fail_compound(file);
    return file;
}

}  // namespace

Package::Package(const std::string& file, ZipLimits limits) : zip_(checked_file(file), limits, docx_codes) {}

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

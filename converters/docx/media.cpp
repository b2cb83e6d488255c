#include "docx/media.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>

#include "common/files.hpp"
#include "common/output_set.hpp"

namespace fs = std::filesystem;

namespace mimeo::docx {
namespace {

std::string safe_file_name(const std::string& part)
{
    std::string name = part.substr(part.rfind('/') + 1);
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') c = '_';
    while (!name.empty() && name.front() == '.') name.erase(0, 1);
    return name.empty() ? "image" : name;
}

bool same_content(const fs::path& path, const std::string& bytes)
{
    std::error_code ec;
    if (fs::file_size(path, ec) != bytes.size() || ec) return false;
    std::ifstream in(path, std::ios::binary);
    std::string existing(bytes.size(), '\0');
    in.read(existing.data(), static_cast<std::streamsize>(existing.size()));
    return in.gcount() == static_cast<std::streamsize>(bytes.size()) && existing == bytes;
}

}  // namespace

std::string Media::add(const std::string& part)
{
    auto known = names_.find(part);
    if (known != names_.end()) return src_prefix_ + known->second;
    std::string name = safe_file_name(part);
    const std::string stem = fs::path(name).stem().string(), ext = fs::path(name).extension().string();
    for (int n = 2; std::any_of(files_.begin(), files_.end(), [&](const auto& f) { return f.second == name; }); ++n)
        name = stem + "-" + std::to_string(n) + ext;
    names_.emplace(part, name);
    files_.emplace_back(part, name);
    return src_prefix_ + name;
}

void Media::extract(Package& package, Diagnostics& diagnostics) const
{
    static const std::array<std::string_view, 7> web_formats = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"};
    OutputSet out;
    for (const auto& [part, name] : files_) {
        const std::string bytes = package.read(part);
        const std::string ext = lower_extension(name);
        if (std::find(web_formats.begin(), web_formats.end(), ext) == web_formats.end())
            diagnostics.warn({package.file(), 0, 0}, "docx-image-format",
                             part + ": '" + ext + "' images cannot be shown by browsers or EPUB readers");
        const fs::path target = folder_ / name;
        if (!same_content(target, bytes)) out.write(target, bytes);
    }
    out.commit();
}

}  // namespace mimeo::docx

#include "fuzz_input.hpp"

#include <unistd.h>

#include <fstream>

#include "common/diagnostics.hpp"
#include "html/renderer.hpp"
#include "model/model.hpp"
#include "registry/import_article.hpp"

namespace mimeo::fuzz {

std::filesystem::path write_input(const uint8_t* data, size_t size, const std::string& extension)
{
    std::filesystem::path path = "/dev/shm/mimeo-fuzz-" + std::to_string(::getpid()) + extension;
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

void import_and_render(const std::filesystem::path& path, const std::string& format)
{
    Diagnostics diagnostics;
    diagnostics.echo_to(nullptr);
    pugi::xml_document doc;
    try {
        import_article(path, format, FormatOptions{}, doc, diagnostics);
    } catch (const Error&) {
        return;
    }
    html::render_article(model::article_of(doc), html::RenderOptions{});
}

}  // namespace mimeo::fuzz

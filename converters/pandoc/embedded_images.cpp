#include "pandoc/embedded_images.hpp"

#include <filesystem>

#include "common/base64.hpp"
#include "common/diagnostics.hpp"
#include "common/files.hpp"
#include "common/media_type.hpp"
#include "common/url.hpp"
#include "model/image_path.hpp"
#include "model/model.hpp"

namespace fs = std::filesystem;

namespace mimeo::pandoc {
namespace {

// Larger than any picture an article holds; a bound on what one image can make mimeo read.
constexpr std::uintmax_t max_image_bytes = std::uintmax_t{64} << 20;

bool web_url(std::string_view src)
{
    const std::string scheme = lower_scheme(src);
    return scheme == "http" || scheme == "https";
}

std::string data_uri(std::string_view src, pugi::xml_node article, bool allow_outside)
{
    const std::string where = "article '" + model::slug(article) + "': image '" + std::string(src) + "'";
    const fs::path file = model::resolve_image(src, article, allow_outside);
    std::error_code ec;
    // A FIFO or a device would block or never end.
    if (!fs::is_regular_file(file, ec))
        throw Error({file.string(), 0, 0}, "pandoc-image", where + " is not a file that can be read");
    const std::string bytes = read_file(file, max_image_bytes);
    const Sniffed type = sniff_image(bytes);
    if (type.media_type.empty())
        throw Error({file.string(), 0, 0}, "pandoc-image", where + " is not a PNG, JPEG, GIF, WebP or SVG image");
    return "data:" + type.media_type + ";base64," + base64(bytes);
}

}  // namespace

void embed_images(pugi::xml_node issue, bool allow_outside)
{
    for (pugi::xml_node article : model::articles(issue)) {
        for (pugi::xpath_node found : article.select_nodes(".//image")) {
            pugi::xml_attribute src = found.node().attribute("src");
            const std::string value = src.value();
            if (web_url(value)) continue;
            if (!lower_scheme(value).empty())
                throw Error({"", 0, 0}, "pandoc-image",
                            "article '" + model::slug(article) + "': image '" + value +
                                "' has a scheme other than http or https; only local files and web images are packed");
            src.set_value(data_uri(value, article, allow_outside).c_str());
        }
    }
}

}  // namespace mimeo::pandoc

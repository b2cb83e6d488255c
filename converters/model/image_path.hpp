// Where a local image of an article lives on disk: the one rule every exporter that
// copies images (EPUB, JATS) follows, so that an article cannot make mimeo publish
// a file from elsewhere (`![x](../../etc/passwd)`, `![x](/home/me/.ssh/id_rsa)`).
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <string_view>

namespace mimeo::model {

// `src` as written in the article (percent-encoded as Markdown leaves it), relative to the
// article's folder (its `base` attribute) or absolute. Returns the canonical file (symlinks
// followed). Unless `allow_outside`, a file that is not inside the article's folder throws
// mimeo::Error "image-outside" naming the article and the image. The file need not exist.
std::filesystem::path resolve_image(std::string_view src, pugi::xml_node article, bool allow_outside);

}  // namespace mimeo::model

// The images a pandoc writer packs (DOCX, ODT, EPUB, PPTX) reach it only as bytes mimeo has
// read and checked, as data: URIs in the document it is given: pandoc is never handed a path
// to read, so an article cannot make it pack /etc/passwd or a file behind a symlink.
#pragma once

#include <pugixml.hpp>

#include <string>

namespace mimeo::pandoc {

// Every <image> of `issue` (a copy, changed in place) whose source is a local file: resolved by
// the one image rule (model::resolve_image: inside the article's folder unless `allow_outside`),
// required to be a regular file holding a PNG, JPEG, GIF, WebP or SVG image, and replaced by a
// data: URI of its bytes. http and https images are left for pandoc, which, sandboxed, fetches
// nothing; any other scheme is refused. Throws mimeo::Error (image-outside, pandoc-image).
void embed_images(pugi::xml_node issue, bool allow_outside);

}  // namespace mimeo::pandoc

// DOCX in: Word documents read natively (libzip + pugixml), in two stages:
// reader.cpp reads the package into a faithful WordDocument, to_model.cpp maps
// that to the canonical model. Nothing is dropped without a warning.
#pragma once

#include "format/format.hpp"

namespace mimeo::docx {

Importer importer();

}  // namespace mimeo::docx

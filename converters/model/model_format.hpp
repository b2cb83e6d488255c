// The canonical model as a file format: `xml` reads and writes it, `mimeo check` validates it.
#pragma once

#include "registry/formats.hpp"

namespace mimeo::model {

Importer importer();
Exporter exporter();
Checker checker();

}  // namespace mimeo::model

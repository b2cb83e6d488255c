// The canonical model as a file format: `xml` reads and writes it, `mimeo check` validates it.
#pragma once

#include "format/format.hpp"

namespace mimeo::canonical {

Importer importer();
Exporter exporter();
Checker checker();

}  // namespace mimeo::canonical

// `mimeo check book.epub`: runs epubcheck (java -jar /usr/share/java/epubcheck.jar,
// or the jar named by MIMEO_EPUBCHECK_JAR) and reports its messages as diagnostics.
// Passes only with no fatal error, no error and no warning.
#pragma once

#include "format/format.hpp"

namespace mimeo::epub {

Checker checker();

}  // namespace mimeo::epub

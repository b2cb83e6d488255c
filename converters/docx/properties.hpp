// docProps/core.xml (Dublin Core: title, creator, subject ...) and docProps/app.xml.
#pragma once

#include "docx/document.hpp"
#include "docx/zip_package.hpp"

namespace mimeo::docx {

// Reads the parts the package relationships name; missing parts leave fields empty.
Properties read_properties(Package& package, const std::string& core_part, const std::string& app_part);

}  // namespace mimeo::docx

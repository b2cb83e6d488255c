// The one place formats are registered. Importers and exporters never know each
// other: they meet only at the canonical model.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "format/format.hpp"

namespace mimeo {

const std::vector<Importer>& importers();
const std::vector<Exporter>& exporters();
const std::vector<Checker>& checkers();

const Importer* find_importer(const std::string& name);
// By extension (and content, where extensions are shared); nullptr when none claims it.
const Importer* importer_for_path(const std::filesystem::path& path);
const Exporter* find_exporter(const std::string& name);
const Checker* find_checker(const std::string& name);
const Checker* checker_for_path(const std::filesystem::path& path);

// What an input's engine may be: "native" (each format's own importer), or an importer that
// reads many formats (pandoc); engine_names lists them for messages ("native, pandoc").
bool is_engine(const std::string& name);
std::string engine_names();

// Throws UsageError for an unknown name, naming the formats that exist.
const Exporter& require_exporter(const std::string& name);
const Importer& require_importer(const std::string& name);

}  // namespace mimeo

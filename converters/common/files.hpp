// Reading input files with errors that name them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/diagnostics.hpp"

namespace mimeo {

// Reads a whole file. Throws mimeo::Error naming the file when it cannot, or when it
// holds more than `max_bytes` (code too-large).
std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes = UINTMAX_MAX);

// Throws mimeo::Error (too-large) when the file holds more than `max_bytes`.
void require_size_at_most(const std::filesystem::path& path, std::uintmax_t max_bytes);

// The location of the first byte that is not valid UTF-8, if any.
std::optional<Location> find_invalid_utf8(std::string_view text, const std::string& file);

// Throws mimeo::Error(encoding) at the first invalid byte.
void require_utf8(std::string_view text, const std::string& file);

// The extension with its dot, in ASCII lower case: ".epub" for "Book.EPUB".
std::string lower_extension(const std::filesystem::path& path);

// `relative` (such as node_modules/x/y) in the folder of the running executable or one
// above it, else in the current folder or one above; empty when in none. This is how
// mimeo finds the schemas and checkers that npm installs beside a checkout.
std::filesystem::path find_near_mimeo(const std::filesystem::path& relative);

// A private folder (mode 0700) in the system's temporary folder, removed with all it holds
// when done. Throws mimeo::Error(write) when none can be made.
class TemporaryFolder {
public:
    explicit TemporaryFolder(const std::string& prefix);
    ~TemporaryFolder();
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace mimeo

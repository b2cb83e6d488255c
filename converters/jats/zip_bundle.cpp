#include "jats/zip_bundle.hpp"

#include <zip.h>

#include "common/diagnostics.hpp"

namespace mimeo::jats {
namespace {

[[noreturn]] void zip_failure(zip_error_t* error)
{
    std::string message = std::string("cannot build the zip: ") + zip_error_strerror(error);
    zip_error_fini(error);
    throw Error(message);
}

}  // namespace

std::string zip_bundle(const std::vector<std::pair<std::string, std::string>>& entries)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) zip_failure(&error);
    zip_source_keep(buffer);  // read back after zip_close
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer);
        zip_failure(&error);
    }
    for (const auto& [name, bytes] : entries) {
        // The bytes live in `entries` until zip_close has copied them.
        zip_source_t* data = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        if (!data || zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
            if (data) zip_source_free(data);
            zip_error_set(&error, zip_error_code_zip(zip_get_error(archive)), 0);
            zip_discard(archive);
            zip_source_free(buffer);
            zip_failure(&error);
        }
    }
    if (zip_close(archive) < 0) {
        zip_error_set(&error, zip_error_code_zip(zip_get_error(archive)), 0);
        zip_discard(archive);
        zip_source_free(buffer);
        zip_failure(&error);
    }
    std::string out;
    zip_stat_t stat;
    if (zip_source_stat(buffer, &stat) < 0 || zip_source_open(buffer) < 0) {
        zip_source_free(buffer);
        throw Error("cannot read back the zip built in memory");
    }
    out.resize(stat.size);
    zip_int64_t read = zip_source_read(buffer, out.data(), stat.size);
    zip_source_close(buffer);
    zip_source_free(buffer);
    if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) throw Error("cannot read back the zip built in memory");
    return out;
}

}  // namespace mimeo::jats

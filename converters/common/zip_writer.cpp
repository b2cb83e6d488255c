#include "common/zip_writer.hpp"

#include <zip.h>

#include <cstdio>

#include "common/diagnostics.hpp"

namespace mimeo {
namespace {

[[noreturn]] void zip_failure(const std::string& code, const std::string& what, zip_error_t* error)
{
    throw Error({}, code, "cannot build the zip archive: " + what + ": " + zip_error_strerror(error));
}

struct DosTime {
    zip_uint16_t time = 0;
    zip_uint16_t date = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
};

// DOS time counts in two-second steps, in no time zone: the UTC fields go in as they are.
DosTime dos_time(std::string_view timestamp)
{
    int year = 1980, month = 1, day = 1, hour = 0, minute = 0, second = 0;
    std::string text(timestamp);
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute, &second) != 6 ||
        year < 1980 || year > 2107)
        return {};
    DosTime out;
    out.time = static_cast<zip_uint16_t>((hour << 11) | (minute << 5) | (second / 2));
    out.date = static_cast<zip_uint16_t>(((year - 1980) << 9) | (month << 5) | day);
    return out;
}

}  // namespace

std::string write_zip(const std::vector<ZipEntry>& entries, std::string_view timestamp, const std::string& code)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) zip_failure(code, "memory buffer", &error);
    zip_source_keep(buffer);  // zip_close would free it; the archive is read from it afterwards
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer);
        zip_failure(code, "open", &error);
    }
    const DosTime when = dos_time(timestamp);
    for (const ZipEntry& entry : entries) {
        zip_source_t* source = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
        zip_int64_t index = source ? zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (source) zip_source_free(source);
            std::string what = "add " + entry.name;
            zip_error_t* cause = zip_get_error(archive);
            zip_error_t copy;
            zip_error_init(&copy);
            zip_error_set(&copy, zip_error_code_zip(cause), zip_error_code_system(cause));
            zip_discard(archive);
            zip_source_free(buffer);
            zip_failure(code, what, &copy);
        }
        auto i = static_cast<zip_uint64_t>(index);
        // Level 1: the fastest deflate; higher levels cost several times the time for books a few percent smaller.
        zip_set_file_compression(archive, i, entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, entry.compress ? 1 : 0);
        zip_file_set_dostime(archive, i, when.time, when.date, 0);
        // Plain files readable by all, whatever the umask of the machine that built them.
        zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16);
    }
    if (zip_close(archive) != 0) {
        zip_error_t* cause = zip_get_error(archive);
        zip_error_set(&error, zip_error_code_zip(cause), zip_error_code_system(cause));
        zip_discard(archive);
        zip_source_free(buffer);
        zip_failure(code, "write", &error);
    }
    std::string bytes;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        zip_int64_t size = zip_source_tell(buffer);
        zip_source_seek(buffer, 0, SEEK_SET);
        if (size > 0) {
            bytes.resize(static_cast<std::size_t>(size));
            zip_int64_t got = zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
            if (got != size) bytes.clear();
        }
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    if (bytes.empty()) {
        zip_error_set(&error, ZIP_ER_READ, 0);
        zip_failure(code, "read back", &error);
    }
    return bytes;
}

}  // namespace mimeo

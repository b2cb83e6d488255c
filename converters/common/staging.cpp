#include "common/staging.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "common/diagnostics.hpp"
#include "common/files.hpp"
#include "common/output_set.hpp"

namespace fs = std::filesystem;

namespace mimeo {
namespace {

constexpr std::string_view staged_mark = ".mimeo-";
constexpr std::string_view journal_prefix = ".mimeo-commit-";
constexpr std::string_view journal_suffix = ".journal";
constexpr std::string_view journal_header = "mimeo-journal 1";

// A PID of another process that no longer exists. EPERM: it exists, under another user.
bool dead(long pid)
{
    if (pid <= 0 || pid == static_cast<long>(::getpid())) return false;
    return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

std::optional<long> number(std::string_view text)
{
    long value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

constexpr std::size_t random_digits = 16;

std::string random_hex()
{
    unsigned char bytes[random_digits / 2];
    std::size_t got = 0;
    while (got < sizeof bytes) {
        const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error({"", 0, 0}, "write", std::string("no random numbers: ") + std::strerror(errno));
        got += static_cast<std::size_t>(n);
    }
    static const char digits[] = "0123456789abcdef";
    std::string text;
    for (unsigned char b : bytes) {
        text += digits[b >> 4];
        text += digits[b & 15];
    }
    return text;
}

// The PID in ".NAME.mimeo-PID-RANDOM.tmp".
std::optional<long> staged_owner(std::string_view name)
{
    if (name.size() < 2 || name.front() != '.' || !name.ends_with(".tmp")) return std::nullopt;
    name.remove_suffix(4);
    const std::size_t mark = name.rfind(staged_mark);
    if (mark == std::string_view::npos) return std::nullopt;
    const std::string_view fields = name.substr(mark + staged_mark.size());
    const std::size_t dash = fields.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const std::string_view random = fields.substr(dash + 1);
    if (random.size() != random_digits || random.find_first_not_of("0123456789abcdef") != std::string_view::npos)
        return std::nullopt;
    return number(fields.substr(0, dash));
}

// The only rename a journal may ask for: a regular file staged by the journal's own run, onto
// the target it was staged for, in the same folder. A journal forged or damaged can ask for
// nothing else: no file from elsewhere is moved into the outputs.
bool rename_allowed(const fs::path& temporary, const fs::path& target, long pid)
{
    const std::string name = temporary.filename().string();
    if (staged_owner(name) != pid || temporary.parent_path() != target.parent_path()) return false;
    const std::string stem = "." + target.filename().string() + std::string(staged_mark);
    std::error_code ec;
    return name.starts_with(stem) && fs::symlink_status(temporary, ec).type() == fs::file_type::regular;
}

[[noreturn]] void journal_failure(const fs::path& journal, int error_number)
{
    throw Error({journal.string(), 0, 0}, "write", std::string("cannot write the commit journal: ") + std::strerror(error_number));
}

void write_synced(int fd, const fs::path& path, const std::string& bytes)
{
    if (!write_all(fd, bytes)) {
        const int error_number = errno ? errno : EIO;
        ::close(fd);
        journal_failure(path, error_number);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) journal_failure(path, errno);
}

void sync_folder(const fs::path& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// The journal's renames, NUL-separated (a file name may hold any other byte); none when the
// journal is not whole.
std::vector<std::pair<std::string, std::string>> read_journal(const fs::path& journal)
{
    std::string text;
    try {
        text = read_file(journal);
    } catch (const Error&) {
        return {};
    }
    std::vector<std::string> fields;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = text.find('\0', at);
        if (end == std::string::npos) return {};
        fields.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    if (fields.size() < 2 || fields.front() != journal_header || fields.back() != "end" || fields.size() % 2 != 0) return {};
    std::vector<std::pair<std::string, std::string>> renames;
    for (std::size_t i = 1; i + 1 < fields.size(); i += 2) renames.emplace_back(fields[i], fields[i + 1]);
    return renames;
}

}  // namespace

bool write_all(int fd, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

NewStagedFile create_staged(const fs::path& target)
{
    // A name taken already (by a file, or a symlink someone planted) is passed over, not opened.
    for (int attempt = 0;; ++attempt) {
        const fs::path path = target.parent_path() / ("." + target.filename().string() + std::string(staged_mark) +
                                                      std::to_string(::getpid()) + "-" + random_hex() + ".tmp");
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd >= 0) return {path, fd};
        if (errno != EEXIST || attempt == 8)
            throw Error({target.string(), 0, 0}, "write", std::string("cannot write: ") + std::strerror(errno));
    }
}

fs::path write_commit_journal(const fs::path& folder, const std::vector<StagedFile>& files)
{
    std::error_code ec;
    fs::create_directories(folder, ec);
    const fs::path journal = folder / (std::string(journal_prefix) + std::to_string(::getpid()) + std::string(journal_suffix));
    std::string bytes = std::string(journal_header) + '\0';
    for (const StagedFile& file : files) {
        bytes += fs::absolute(file.temporary, ec).string() + '\0';
        bytes += fs::absolute(file.target, ec).string() + '\0';
    }
    bytes += std::string("end") + '\0';
    const NewStagedFile staged = create_staged(journal);
    const fs::path& temporary = staged.path;
    write_synced(staged.fd, temporary, bytes);
    if (std::rename(temporary.c_str(), journal.c_str()) != 0) {
        const int error_number = errno;
        fs::remove(temporary, ec);
        journal_failure(journal, error_number);
    }
    sync_folder(folder);
    return journal;
}

void complete_dead_commits(const fs::path& folder, Recovery& recovery)
{
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.starts_with(journal_prefix) || !name.ends_with(journal_suffix)) continue;
        const auto pid = number(std::string_view(name).substr(
            journal_prefix.size(), name.size() - journal_prefix.size() - journal_suffix.size()));
        if (!pid || !dead(*pid) || !it->is_regular_file(ec) || it->is_symlink(ec)) continue;
        // A staged file that is gone was renamed before the run died.
        for (const auto& [temporary, target] : read_journal(it->path()))
            if (rename_allowed(temporary, target, *pid) && std::rename(temporary.c_str(), target.c_str()) == 0)
                ++recovery.renamed;
        fs::remove(it->path(), ec);
        ++recovery.commits;
    }
}

void remove_dead_staged_files(const fs::path& folder, bool recursive, Recovery& recovery)
{
    std::error_code ec;
    auto consider = [&](const fs::directory_entry& entry) {
        const auto pid = staged_owner(entry.path().filename().string());
        std::error_code ignored;
        if (pid && dead(*pid) && entry.is_regular_file(ignored) && fs::remove(entry.path(), ignored)) ++recovery.removed;
    };
    if (recursive) {
        for (fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec))
            consider(*it);
    } else {
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) consider(*it);
    }
}

}  // namespace mimeo

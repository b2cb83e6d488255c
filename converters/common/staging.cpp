#include "common/staging.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
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

// The PID in ".NAME.mimeo-PID-N.tmp".
std::optional<long> staged_owner(std::string_view name)
{
    if (name.size() < 2 || name.front() != '.' || !name.ends_with(".tmp")) return std::nullopt;
    name.remove_suffix(4);
    const std::size_t mark = name.rfind(staged_mark);
    if (mark == std::string_view::npos) return std::nullopt;
    const std::string_view numbers = name.substr(mark + staged_mark.size());
    const std::size_t dash = numbers.find('-');
    if (dash == std::string_view::npos || !number(numbers.substr(dash + 1))) return std::nullopt;
    return number(numbers.substr(0, dash));
}

[[noreturn]] void journal_failure(const fs::path& journal, int error_number)
{
    throw Error({journal.string(), 0, 0}, "write", std::string("cannot write the commit journal: ") + std::strerror(error_number));
}

void write_synced(const fs::path& path, const std::string& bytes)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) journal_failure(path, errno);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error_number = errno;
            ::close(fd);
            journal_failure(path, error_number);
        }
        done += static_cast<std::size_t>(n);
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

fs::path staged_name(const fs::path& target)
{
    static std::atomic<unsigned> counter{0};
    auto name = "." + target.filename().string() + std::string(staged_mark) + std::to_string(::getpid()) + "-" +
                std::to_string(counter++) + ".tmp";
    return target.parent_path() / name;
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
    const fs::path temporary = staged_name(journal);
    write_synced(temporary, bytes);
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
        if (!pid || !dead(*pid)) continue;
        // A staged file that is gone was renamed before the run died.
        for (const auto& [temporary, target] : read_journal(it->path()))
            if (fs::exists(temporary, ec) && std::rename(temporary.c_str(), target.c_str()) == 0) ++recovery.renamed;
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

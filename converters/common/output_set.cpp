#include "common/output_set.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/diagnostics.hpp"
#include "common/staging.hpp"

namespace fs = std::filesystem;

namespace mimeo {
namespace {

[[noreturn]] void write_failure(const fs::path& target, int error_number)
{
    throw Error({target.string(), 0, 0}, "write", std::string("cannot write: ") + std::strerror(error_number));
}

}  // namespace

OutputSet::OutputSet()
    : on_interrupt_([this] {
          mutex_.lock();  // kept: the process exits right after
          remove_staged();
      })
{
}

OutputSet::~OutputSet() { discard(); }

void OutputSet::write(const fs::path& target, std::string_view bytes)
{
    std::lock_guard lock(mutex_);
    std::error_code ec;
    if (!target.parent_path().empty()) {
        fs::create_directories(target.parent_path(), ec);
        if (ec) write_failure(target, ec.value());
    }
    const NewStagedFile staged = create_staged(target);
    const fs::path& temporary = staged.path;
    std::FILE* file = ::fdopen(staged.fd, "wb");
    if (!file) {
        const int error_number = errno;
        ::close(staged.fd);
        fs::remove(temporary, ec);
        write_failure(target, error_number);
    }
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    int error_number = errno;
    ok = (std::fflush(file) == 0) && ok;
    if (!ok) error_number = errno;
    ok = (std::fclose(file) == 0) && ok;
    if (!ok) {
        fs::remove(temporary, ec);
        write_failure(target, error_number ? error_number : EIO);
    }
    staged_.push_back({target.string(), temporary.string(), bytes.size()});
}

void OutputSet::commit(const fs::path& journal_folder)
{
    std::lock_guard lock(mutex_);
    // One rename is atomic on its own; several need the journal to be all or nothing.
    fs::path journal;
    if (!journal_folder.empty() && staged_.size() > 1) journal = write_commit_journal(journal_folder, staged_);
    for (auto& file : staged_) {
        if (std::rename(file.temporary.c_str(), file.target.c_str()) != 0) write_failure(file.target, errno);
        file.temporary.clear();
    }
    std::error_code ec;
    if (!journal.empty()) fs::remove(journal, ec);
}

void OutputSet::discard()
{
    std::lock_guard lock(mutex_);
    remove_staged();
}

void OutputSet::remove_staged()
{
    for (auto& file : staged_) {
        std::error_code ec;
        if (!file.temporary.empty()) fs::remove(file.temporary, ec);
        file.temporary.clear();
    }
}

std::size_t OutputSet::count() const
{
    std::lock_guard lock(mutex_);
    return staged_.size();
}

std::vector<StagedFile> OutputSet::files_from(std::size_t first) const
{
    std::lock_guard lock(mutex_);
    if (first >= staged_.size()) return {};
    return {staged_.begin() + static_cast<std::ptrdiff_t>(first), staged_.end()};
}

}  // namespace mimeo

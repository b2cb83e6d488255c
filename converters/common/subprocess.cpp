#include "common/subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#include "common/interrupt.hpp"
#include "common/staging.hpp"

extern char** environ;

namespace mimeo {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Owns one file descriptor.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { close(); }
    int get() const { return fd_; }
    bool open() const { return fd_ >= 0; }
    void close()
    {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    void reset(int fd)
    {
        close();
        fd_ = fd;
    }

private:
    int fd_ = -1;
};

struct Pipe {
    Fd read, write;
};

// Close-on-exec, so that a program started by another thread never inherits our ends.
bool make_pipe(Pipe& pipe)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return false;
    pipe.read.reset(fds[0]);
    pipe.write.reset(fds[1]);
    return true;
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// A program that stops reading its stdin early would raise SIGPIPE, which ends mimeo
// by default. It is blocked in this thread while we write, and consumed afterwards.
class SigpipeBlocked {
public:
    SigpipeBlocked()
    {
        sigset_t pipe_only;
        sigemptyset(&pipe_only);
        sigaddset(&pipe_only, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe_only, &previous_);
    }
    ~SigpipeBlocked()
    {
        sigset_t pending;
        sigpending(&pending);
        if (!sigismember(&previous_, SIGPIPE) && sigismember(&pending, SIGPIPE)) {
            sigset_t pipe_only;
            sigemptyset(&pipe_only);
            sigaddset(&pipe_only, SIGPIPE);
            const timespec now{0, 0};
            sigtimedwait(&pipe_only, nullptr, &now);
        }
        pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    }
    SigpipeBlocked(const SigpipeBlocked&) = delete;
    SigpipeBlocked& operator=(const SigpipeBlocked&) = delete;

private:
    sigset_t previous_;
};

// How a reaped program ended, from waitpid's status.
void record_exit(int status, ProcessResult& result)
{
    if (WIFEXITED(status)) {
        result.status = ProcessResult::Status::exited;
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.status = ProcessResult::Status::signaled;
        result.signal = WTERMSIG(status);
    }
}

std::atomic<bool> children_share_group{false};

// The program, and in a group of its own whatever it started.
void kill_all(pid_t pid) { children_share_group ? ::kill(pid, SIGKILL) : ::killpg(pid, SIGKILL); }

// Starts the program in a process group of its own, with a clean signal mask.
// Without `err`, the program writes to mimeo's own stderr.
int spawn(const ProcessRequest& request, Pipe& in, Pipe& out, Pipe* err, pid_t& pid)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read.get(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out.write.get(), STDOUT_FILENO);
    if (err) posix_spawn_file_actions_adddup2(&actions, err->write.get(), STDERR_FILENO);
    if (!request.working_directory.empty())
        posix_spawn_file_actions_addchdir_np(&actions, request.working_directory.c_str());

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    const short group = children_share_group ? 0 : POSIX_SPAWN_SETPGROUP;
    posix_spawnattr_setflags(&attributes, group | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attributes, 0);
    sigset_t none, pipe_only;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    posix_spawnattr_setsigdefault(&attributes, &pipe_only);

    std::vector<char*> argv;
    for (const auto& arg : request.argv) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    const bool has_path = request.argv.front().find('/') != std::string::npos;
    int rc = has_path ? posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ)
                      : posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return rc;
}

struct Streams {
    Fd& in;
    Fd& out;
    Fd& err;
};

bool has_exited(pid_t pid)
{
    siginfo_t info{};
    int rc = ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
    return (rc == 0 && info.si_pid == pid) || (rc < 0 && errno != EINTR);
}

// Feeds stdin and drains stdout and stderr until both are closed, or until the program
// has exited and only something it left behind still holds them. False at the deadline.
bool exchange(pid_t pid, const ProcessRequest& request, Streams streams, ProcessResult& result,
              std::optional<Clock::time_point> deadline)
{
    std::size_t written = 0;
    if (request.input.empty()) streams.in.close();
    char buffer[65536];
    auto drain = [&](Fd& fd, std::string& into) {
        ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n > 0)
            into.append(buffer, static_cast<std::size_t>(n));
        else if (n == 0 || (errno != EAGAIN && errno != EINTR))
            fd.close();
    };
    while (streams.out.open() || streams.err.open()) {
        pollfd fds[3];
        nfds_t count = 0;
        int in_slot = -1, out_slot = -1, err_slot = -1;
        if (streams.in.open()) fds[in_slot = static_cast<int>(count++)] = {streams.in.get(), POLLOUT, 0};
        if (streams.out.open()) fds[out_slot = static_cast<int>(count++)] = {streams.out.get(), POLLIN, 0};
        if (streams.err.open()) fds[err_slot = static_cast<int>(count++)] = {streams.err.get(), POLLIN, 0};
        // Wake up now and then to notice a program that has exited while its pipes stay open.
        long long wait_ms = 100;
        if (deadline) {
            auto left = std::chrono::ceil<milliseconds>(*deadline - Clock::now()).count();
            if (left <= 0) return false;
            wait_ms = std::min<long long>(left, wait_ms);
        }
        int ready = ::poll(fds, count, static_cast<int>(wait_ms));
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) return false;
        if (ready == 0) {
            if (has_exited(pid)) return true;
            continue;
        }
        if (in_slot >= 0 && fds[in_slot].revents) {
            ssize_t n = ::write(streams.in.get(), request.input.data() + written, request.input.size() - written);
            if (n > 0) written += static_cast<std::size_t>(n);
            // EPIPE: the program closed its stdin and wants no more; that is its business.
            if (written == request.input.size() || (n < 0 && errno != EAGAIN && errno != EINTR)) streams.in.close();
        }
        if (out_slot >= 0 && fds[out_slot].revents) drain(streams.out, result.output);
        if (err_slot >= 0 && fds[err_slot].revents) drain(streams.err, result.errors);
    }
    return true;
}

// Waits (without reaping) until the program has exited. False at the deadline.
bool await_exit(pid_t pid, std::optional<Clock::time_point> deadline)
{
    auto pause = milliseconds(1);
    for (;;) {
        if (has_exited(pid)) return true;
        if (deadline && Clock::now() >= *deadline) return false;
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, milliseconds(20));
    }
}

}  // namespace

void keep_children_in_this_group() { children_share_group = true; }

ProcessResult run_process(const ProcessRequest& request)
{
    ProcessResult result;
    if (request.argv.empty() || request.argv.front().empty()) {
        result.start_error = "no program named";
        return result;
    }
    const auto start = Clock::now();
    std::optional<Clock::time_point> deadline;
    if (request.timeout.count() > 0) deadline = start + request.timeout;

    Pipe in, out, err;
    if (!make_pipe(in) || !make_pipe(out) || !make_pipe(err)) {
        result.start_error = std::strerror(errno);
        return result;
    }
    SigpipeBlocked sigpipe_blocked;
    pid_t pid = -1;
    if (int rc = spawn(request, in, out, &err, pid); rc != 0) {
        result.start_error = std::strerror(rc);
        return result;
    }
    // If mimeo is interrupted, the program and its group go too: it runs in a group of its own,
    // out of reach of the terminal's Ctrl-C.
    InterruptCleanup kill_on_interrupt([pid] { kill_all(pid); });
    in.read.close();
    out.write.close();
    err.write.close();
    set_nonblocking(in.write.get());
    set_nonblocking(out.read.get());
    set_nonblocking(err.read.get());

    bool in_time = exchange(pid, request, {in.write, out.read, err.read}, result, deadline);
    in.write.close();
    if (in_time) in_time = await_exit(pid, deadline);
    // The program is a zombie at worst, so its pid (our group id) cannot have been reused:
    // this kills it at the deadline, and anything it left running in its group either way.
    kill_all(pid);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
    if (!in_time) result.status = ProcessResult::Status::timed_out;
    else record_exit(status, result);
    return result;
}

// The ends mimeo keeps: it writes to `in.write` and reads `out.read`.
struct Worker::Running {
    pid_t pid = -1;
    Pipe in, out;
    std::unique_ptr<InterruptCleanup> kill_on_interrupt;
};

Worker::Worker(std::vector<std::string> argv) : argv_(std::move(argv)) {}

Worker::~Worker() { stop(); }

bool Worker::start(std::string& why)
{
    if (running_) return true;
    auto started = std::make_unique<Running>();
    if (!make_pipe(started->in) || !make_pipe(started->out)) {
        why = std::strerror(errno);
        return false;
    }
    ProcessRequest request;
    request.argv = argv_;
    if (int rc = spawn(request, started->in, started->out, nullptr, started->pid); rc != 0) {
        why = std::strerror(rc);
        return false;
    }
    const pid_t pid = started->pid;
    started->kill_on_interrupt = std::make_unique<InterruptCleanup>([pid] { ::killpg(pid, SIGKILL); });
    started->in.read.close();
    started->out.write.close();
    set_nonblocking(started->out.read.get());
    running_ = std::move(started);
    return true;
}

bool Worker::send(std::string_view bytes)
{
    if (!running_) return false;
    SigpipeBlocked sigpipe_blocked;
    return write_all(running_->in.write.get(), bytes);
}

Worker::Answer Worker::receive(std::string& buffer, const std::function<bool(const std::string&)>& whole,
                               Clock::time_point deadline)
{
    if (!running_) return Answer::ended;
    char chunk[65536];
    while (!whole(buffer)) {
        const auto left = std::chrono::ceil<milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return Answer::timed_out;
        pollfd fd{running_->out.read.get(), POLLIN, 0};
        const int ready = ::poll(&fd, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        const ssize_t n = ::read(running_->out.read.get(), chunk, sizeof chunk);
        if (n > 0) buffer.append(chunk, static_cast<std::size_t>(n));
        else if (n == 0 || (errno != EAGAIN && errno != EINTR)) return Answer::ended;
    }
    return Answer::whole;
}

std::string Worker::stop()
{
    if (!running_) return "";
    const pid_t pid = running_->pid;
    running_->in.write.close();
    running_->out.read.close();
    // Dead or alive, its pid is still ours until it is reaped: the group is the right one.
    ::killpg(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    running_.reset();
    ProcessResult ended;
    record_exit(status, ended);
    return describe_outcome(ended, {});
}

std::string describe_outcome(const ProcessResult& result, const ProcessRequest& request)
{
    switch (result.status) {
    case ProcessResult::Status::exited: return "exited with status " + std::to_string(result.exit_code);
    case ProcessResult::Status::signaled:
        return "was killed by signal " + std::to_string(result.signal) + " (" + strsignal(result.signal) + ")";
    case ProcessResult::Status::timed_out: {
        auto ms = request.timeout.count();
        std::string limit = ms % 1000 ? std::to_string(ms) + " ms" : std::to_string(ms / 1000) + " s";
        return "did not finish within " + limit + " and was stopped";
    }
    case ProcessResult::Status::not_started: return "could not be started: " + result.start_error;
    }
    return "";
}

std::string tail_lines(const std::string& text, std::size_t max_lines)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty()) lines.push_back(line);
        start = end + 1;
    }
    std::string out;
    std::size_t first = lines.size() > max_lines ? lines.size() - max_lines : 0;
    for (std::size_t i = first; i < lines.size(); ++i) out += (out.empty() ? "" : "\n") + lines[i];
    return out;
}

}  // namespace mimeo

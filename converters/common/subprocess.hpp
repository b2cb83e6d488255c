// The one way mimeo runs an external program (pandoc, epubcheck, ...): posix_spawn
// with pipes on stdin, stdout and stderr, all three served by one poll loop so that
// no amount of output can deadlock, and a deadline after which the program's whole
// process group is killed and reaped. When run_process returns, nothing it started
// is still running.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo {

struct ProcessRequest {
    // argv[0] is looked up on PATH unless it holds a '/'.
    std::vector<std::string> argv;
    std::string input;  // written to the program's stdin, which is then closed
    std::chrono::milliseconds timeout{60'000};  // zero: no deadline
    std::filesystem::path working_directory;     // empty: mimeo's own
};

struct ProcessResult {
    enum class Status {
        exited,     // ran to its end: see exit_code
        signaled,   // ended by a signal it did not expect: see signal
        timed_out,  // still running at the deadline; killed with its process group
        not_started,  // could not be started at all: see start_error
    };
    Status status = Status::not_started;
    int exit_code = -1;
    int signal = 0;
    std::string start_error;  // strerror text, when not_started
    std::string output;       // everything written to stdout
    std::string errors;       // everything written to stderr
    std::chrono::milliseconds elapsed{0};

    bool succeeded() const { return status == Status::exited && exit_code == 0; }
};

// Never throws for the program's own failures: they are in the result.
ProcessResult run_process(const ProcessRequest& request);

// From now on, programs this process starts stay in its own process group instead of one
// each: an import worker calls it, so that killing the worker's group at its deadline ends
// the pandoc it started too. They are still killed at their own deadlines.
void keep_children_in_this_group();

// A program kept running to answer requests one at a time, as mimeo's import workers do:
// requests go to its stdin, answers come from its stdout, each awaited until a deadline.
// Its stderr is mimeo's. Stopping it (at a deadline, on an interrupt, or when the Worker
// goes) kills its whole process group and reaps it.
class Worker {
public:
    explicit Worker(std::vector<std::string> argv);
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Starts the program unless it runs already; false, with `why`, when it cannot.
    bool start(std::string& why);
    // The request; false when the program has gone.
    bool send(std::string_view bytes);
    enum class Answer { whole, timed_out, ended };
    // Reads into `buffer` until `whole(buffer)`, the deadline, or the end of the program's output.
    Answer receive(std::string& buffer, const std::function<bool(const std::string&)>& whole,
                   std::chrono::steady_clock::time_point deadline);
    // Kills and reaps the program: "exited with status 1", "was killed by signal 9 (Killed)", ...
    std::string stop();

private:
    struct Running;
    std::vector<std::string> argv_;
    std::unique_ptr<Running> running_;
};

// "exited with status 2", "killed by signal 11 (Segmentation fault)", "timed out after 60 s", ...
std::string describe_outcome(const ProcessResult& result, const ProcessRequest& request);

// The last `max_lines` non-empty lines of a program's stderr, for an error message.
std::string tail_lines(const std::string& text, std::size_t max_lines = 8);

}  // namespace mimeo

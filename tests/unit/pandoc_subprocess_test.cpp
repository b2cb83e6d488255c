// common/subprocess: the one way mimeo runs external programs (pandoc, epubcheck).
#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/subprocess.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

mimeo::ProcessResult sh(const std::string& script, std::string input = "", std::chrono::milliseconds timeout = 10s)
{
    mimeo::ProcessRequest request;
    request.argv = {"/bin/sh", "-c", script};
    request.input = std::move(input);
    request.timeout = timeout;
    return mimeo::run_process(request);
}

// True while `pid` names a process that is alive (a zombie awaiting its parent is not).
bool alive(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    if (!stat) return false;
    std::string line;
    std::getline(stat, line);
    auto close = line.rfind(')');
    return close != std::string::npos && close + 2 < line.size() && line[close + 2] != 'Z';
}

std::vector<pid_t> read_pids(const fs::path& file)
{
    std::ifstream in(file);
    std::vector<pid_t> pids;
    for (pid_t pid; in >> pid;) pids.push_back(pid);
    return pids;
}

fs::path temp_file(const std::string& name)
{
    return fs::temp_directory_path() / ("mimeo-subprocess-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace

TEST(PandocSubprocess, LargeInputAndOutputDoNotDeadlock)
{
    std::string input(8 * 1024 * 1024, 'x');
    for (std::size_t i = 0; i < input.size(); i += 100) input[i] = '\n';
    // cat echoes as it reads, so both pipes fill at once: only a poll loop survives that.
    auto result = sh("cat; head -c 3000000 /dev/zero | tr '\\0' e >&2", input);
    ASSERT_EQ(result.status, mimeo::ProcessResult::Status::exited);
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.output, input);
    EXPECT_EQ(result.errors.size(), 3000000u);
    EXPECT_TRUE(result.succeeded());
}

TEST(PandocSubprocess, ReportsExitStatusAndStderr)
{
    auto result = sh("echo partial; echo 'boom: bad input' >&2; exit 3");
    ASSERT_EQ(result.status, mimeo::ProcessResult::Status::exited);
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_EQ(result.output, "partial\n");
    EXPECT_EQ(result.errors, "boom: bad input\n");
    EXPECT_FALSE(result.succeeded());
    mimeo::ProcessRequest request;
    EXPECT_EQ(mimeo::describe_outcome(result, request), "exited with status 3");
}

TEST(PandocSubprocess, ReportsASignal)
{
    auto result = sh("kill -SEGV $$");
    ASSERT_EQ(result.status, mimeo::ProcessResult::Status::signaled);
    EXPECT_EQ(result.signal, SIGSEGV);
}

TEST(PandocSubprocess, AProgramThatIsMissingIsNotStarted)
{
    for (std::string program : {"/nonexistent/pandoc", "mimeo-no-such-program-anywhere"}) {
        mimeo::ProcessRequest request;
        request.argv = {program, "--version"};
        auto result = mimeo::run_process(request);
        EXPECT_EQ(result.status, mimeo::ProcessResult::Status::not_started) << program;
        EXPECT_NE(result.start_error.find("No such file"), std::string::npos) << result.start_error;
    }
}

TEST(PandocSubprocess, AProgramThatStopsReadingDoesNotEndMimeo)
{
    // Without SIGPIPE handling, writing the rest of the input would kill the test binary.
    auto result = sh("head -c 10 >/dev/null; echo done", std::string(4 * 1024 * 1024, 'y'));
    ASSERT_EQ(result.status, mimeo::ProcessResult::Status::exited);
    EXPECT_EQ(result.output, "done\n");
}

TEST(PandocSubprocess, TheDeadlineKillsTheWholeProcessGroup)
{
    const fs::path pids = temp_file("timeout-pids");
    auto result = sh("echo $$ > " + pids.string() + "; sleep 30 & echo $! >> " + pids.string() + "; sleep 30", "",
                     300ms);
    EXPECT_EQ(result.status, mimeo::ProcessResult::Status::timed_out);
    EXPECT_LT(result.elapsed, 5s);
    mimeo::ProcessRequest request;
    request.timeout = 300ms;
    EXPECT_EQ(mimeo::describe_outcome(result, request), "did not finish within 300 ms and was stopped");
    auto started = read_pids(pids);
    fs::remove(pids);
    ASSERT_EQ(started.size(), 2u);
    for (int i = 0; i < 50 && (alive(started[0]) || alive(started[1])); ++i) std::this_thread::sleep_for(20ms);
    for (pid_t pid : started) EXPECT_FALSE(alive(pid)) << "process " << pid << " left running";
}

TEST(PandocSubprocess, WhatAProgramLeavesBehindIsEndedToo)
{
    const fs::path pids = temp_file("straggler-pids");
    // The shell exits at once; its background child keeps the output pipe open.
    auto result = sh("sleep 30 & echo $! > " + pids.string() + "; echo started");
    ASSERT_EQ(result.status, mimeo::ProcessResult::Status::exited);
    EXPECT_EQ(result.output, "started\n");
    EXPECT_LT(result.elapsed, 5s);
    auto started = read_pids(pids);
    fs::remove(pids);
    ASSERT_EQ(started.size(), 1u);
    for (int i = 0; i < 50 && alive(started[0]); ++i) std::this_thread::sleep_for(20ms);
    EXPECT_FALSE(alive(started[0]));
}

TEST(PandocSubprocess, RunsInTheWorkingDirectoryAsked)
{
    mimeo::ProcessRequest request;
    request.argv = {"pwd"};
    request.working_directory = "/";
    auto result = mimeo::run_process(request);
    EXPECT_EQ(result.output, "/\n");
}

TEST(PandocSubprocess, TailLinesKeepsTheLastNonEmptyLines)
{
    EXPECT_EQ(mimeo::tail_lines("a\n\nb\nc\n", 2), "b\nc");
    EXPECT_EQ(mimeo::tail_lines(""), "");
}

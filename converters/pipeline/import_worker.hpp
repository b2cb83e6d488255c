// Imports in worker processes, so that no article can hold a run hostage: each import has a
// deadline, after which its worker is killed (with anything it started) and the article fails
// with import-timeout, and a ceiling on its worker's address space (RLIMIT_AS), past which it
// fails with import-memory. The run goes on with the others. Workers are started once and
// kept, one per thread that asks, in the way Apache Tika's ForkParser guards itself.
//
// A worker is `mimeo import-worker PIPELINE MIB`: it loads the same pipeline, so it knows the
// inputs and their options as the run does, and answers "INDEX\tPATH\n" on its stdin with one
// frame on its stdout, "ok LENGTH\n" and a record (article_record.hpp), or "error LENGTH\n"
// and the error and the warnings before it, each as a record's warnings.
#pragma once

#include <pugixml.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/subprocess.hpp"
#include "pipeline/pipeline.hpp"

namespace mimeo::pipeline {

struct WorkerSettings {
    std::filesystem::path program;        // mimeo itself; empty: every import in this process
    std::chrono::seconds timeout{30};     // per article; zero: none
    long memory_mib = 4096;               // each worker's address space; zero: no ceiling
};

class ImportWorkers {
public:
    ImportWorkers(const Pipeline& pipeline, WorkerSettings settings);
    ~ImportWorkers();

    bool enabled() const { return !settings_.program.empty(); }

    // Imports inputs[index] in a worker into `article`, its warnings into `warnings`. Throws
    // mimeo::Error: the import's own, or import-timeout, import-memory, import-crashed.
    void import(std::size_t index, pugi::xml_document& article, Diagnostics& warnings);

private:
    std::unique_ptr<Worker> take_idle();
    void give_back(std::unique_ptr<Worker> worker);

    const Pipeline& pipeline_;
    WorkerSettings settings_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Worker>> idle_;
};

// The worker's side: answers requests until its stdin ends. Returns the exit code.
int serve_imports(const std::filesystem::path& pipeline_file, long memory_mib);

}  // namespace mimeo::pipeline

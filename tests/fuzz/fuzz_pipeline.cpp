// The pipeline-file loader: YAML, its keys, globs, formats and options, checked before a run.
// A mimeo::Error (or UsageError) is the expected answer to bad input; anything else is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/diagnostics.hpp"
#include "pipeline/load_pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // In a folder of its own, so that the pipeline's globs (relative to its file) see nothing else.
    static const std::filesystem::path folder = [] {
        std::filesystem::path p = "/dev/shm/mimeo-fuzz-pipeline-" + std::to_string(::getpid());
        std::filesystem::create_directories(p);
        return p;
    }();
    const std::filesystem::path file = folder / "pipeline.yaml";
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    try {
        mimeo::pipeline::load_pipeline(file);
    } catch (const mimeo::Error&) {
    } catch (const mimeo::UsageError&) {
    }
    return 0;
}

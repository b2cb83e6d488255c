// Running the pandoc executable: finding it, its sandbox, its deadline and memory ceiling,
// and failures turned into errors that name pandoc and say what it said.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/options.hpp"

namespace mimeo::pandoc {

struct Tool {
    std::string program = "pandoc";  // a path, or a name looked up on PATH
    std::chrono::seconds timeout{60};
    long memory_mib = 2048;  // the Haskell heap's ceiling (+RTS -M); 0: none
};

// From the format options `pandoc`, `timeout` and `memory`, else $MIMEO_PANDOC, else `pandoc` on PATH.
Tool tool_from(const FormatOptions& options);

// The options every pandoc-backed format takes.
const std::vector<OptionSpec>& tool_options();

// Runs pandoc with `args` and `input` on stdin, always with --sandbox, so that no include
// directive of a reader (rST `include`, Org `#+INCLUDE`, LaTeX `\input`) can read a local
// file; returns its stdout. Its stderr warnings become `pandoc-warning` diagnostics at `file`.
// Throws mimeo::Error naming pandoc when it is absent, fails, hangs or runs out of memory.
std::string run(const Tool& tool, const std::vector<std::string>& args, const std::string& input,
                const std::string& file, Diagnostics& diagnostics);

// As run, for a writer given a document mimeo made itself, images included as data: URIs.
// A pandoc built without its data files inside (Debian's) cannot run the DOCX, PPTX and EPUB
// writers sandboxed (pandoc issue #8128); those alone run again outside the sandbox, with a
// `pandoc-unsandboxed` warning: nothing in such a document names a file for pandoc to read.
std::string run_writer(const Tool& tool, const std::vector<std::string>& args, const std::string& input,
                       const std::string& file, Diagnostics& diagnostics);

// The pandoc-types API a document was written with: 22 for pandoc 2.11-2.19, 23 for pandoc 3.
// Throws mimeo::Error(pandoc-version) for any other.
int api_minor(const nlohmann::json& document, const Tool& tool, const std::string& file);

// The API version this pandoc reads and writes, asked of it once per program.
int installed_api_minor(const Tool& tool, const std::string& file, Diagnostics& diagnostics);

// Parses pandoc's JSON output, or throws mimeo::Error(pandoc-json).
nlohmann::json parse_json(const std::string& text, const Tool& tool, const std::string& file);

}  // namespace mimeo::pandoc

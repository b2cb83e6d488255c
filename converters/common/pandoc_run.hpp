// Running the pandoc executable: finding it, its sandbox, its deadline and memory ceiling,
// and failures turned into errors that name pandoc and say what it said. Shared by the pandoc
// converters and by whatever else asks pandoc for a conversion (BibTeX for `bibliography:`).
#pragma once

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

// $MIMEO_PANDOC, else `pandoc` on PATH, with the default deadline and memory ceiling.
Tool default_tool();

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

}  // namespace mimeo::pandoc

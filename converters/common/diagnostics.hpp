// Diagnostics: every message mimeo prints about an input or output.
// Format: `file:line:col: severity[code]: message` (codes listed in common/codes.hpp).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace mimeo {

struct Location {
    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based; 0 when unknown
};

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;  // stable identifier such as "docx-skip", listed in common/codes.hpp
    Location where;
    std::string message;
};

std::string format_diagnostic(const Diagnostic& d);

// What a warning names with its counts: "author-notes/fn (4), journal-id (1)".
std::string counted_names(const std::map<std::string, int>& counts);

// A failure that stops the current conversion. Exit code 1 unless a usage error.
class Error : public std::runtime_error {
public:
    Error(Location where, std::string code, std::string message);
    const Diagnostic& diagnostic() const { return diagnostic_; }

private:
    Diagnostic diagnostic_;
};

// Several failures found together (every mistake in a pipeline file), reported at once. As
// an Error it is the first of them.
class Errors : public Error {
public:
    explicit Errors(std::vector<Diagnostic> all);  // at least one
    const std::vector<Diagnostic>& all() const { return all_; }

private:
    std::vector<Diagnostic> all_;
};

// A mistake in how mimeo was called: exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Collects warnings from importers, transforms and exporters, possibly from several threads.
class Diagnostics {
public:
    void warn(Location where, std::string code, std::string message);
    // False when the code is suppressed and `d` dropped.
    bool add(Diagnostic d);
    std::vector<Diagnostic> all() const;
    // Everything collected so far, leaving none.
    std::vector<Diagnostic> take();
    std::size_t warning_count() const;
    // Warnings of a suppressed code are dropped on arrival (`--quiet-code docx-skip`); errors
    // never are.
    void suppress(std::string code);
    // Where diagnostics are echoed as they arrive; nullptr to only collect.
    void echo_to(std::FILE* stream) { echo_ = stream; }

private:
    mutable std::mutex mutex_;
    std::vector<Diagnostic> items_;
    std::vector<std::string> suppressed_;
    std::FILE* echo_ = stderr;
};

}  // namespace mimeo

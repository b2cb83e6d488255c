#include "common/diagnostics.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "common/codes.hpp"

namespace mimeo {

std::string format_diagnostic(const Diagnostic& d)
{
    std::string out = d.where.file.empty() ? "mimeo" : d.where.file;
    if (d.where.line > 0) {
        out += ':' + std::to_string(d.where.line);
        if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
    }
    out += d.severity == Severity::error ? ": error" : ": warning";
    if (!d.code.empty()) out += '[' + d.code + ']';
    out += ": " + d.message;
    return out;
}

std::string counted_names(const std::map<std::string, int>& counts)
{
    std::string named;
    for (const auto& [name, count] : counts) named += (named.empty() ? "" : ", ") + name + " (" + std::to_string(count) + ")";
    return named;
}

namespace {

// The tests run mimeo with MIMEO_STRICT_CODES set: a code missing from the table is then a
// failure they see, not a message users get.
void require_listed(const std::string& code)
{
    static const bool strict = std::getenv("MIMEO_STRICT_CODES") != nullptr;
    if (!strict || is_known_code(code)) return;
    std::fprintf(stderr, "mimeo: internal: the diagnostic code '%s' is not in common/codes_table.cpp\n", code.c_str());
    std::abort();
}

}  // namespace

Error::Error(Location where, std::string code, std::string message)
    : std::runtime_error(message),
      diagnostic_{Severity::error, std::move(code), std::move(where), std::move(message)}
{
    require_listed(diagnostic_.code);
}

Errors::Errors(std::vector<Diagnostic> all)
    : Error(all.front().where, all.front().code, all.front().message), all_(std::move(all))
{
}

void Diagnostics::warn(Location where, std::string code, std::string message)
{
    add({Severity::warning, std::move(code), std::move(where), std::move(message)});
}

bool Diagnostics::add(Diagnostic d)
{
    require_listed(d.code);
    std::lock_guard lock(mutex_);
    if (d.severity == Severity::warning && std::find(suppressed_.begin(), suppressed_.end(), d.code) != suppressed_.end())
        return false;
    if (echo_) std::fprintf(echo_, "%s\n", format_diagnostic(d).c_str());
    items_.push_back(std::move(d));
    return true;
}

std::vector<Diagnostic> Diagnostics::take()
{
    std::lock_guard lock(mutex_);
    return std::exchange(items_, {});
}

std::vector<Diagnostic> Diagnostics::all() const
{
    std::lock_guard lock(mutex_);
    return items_;
}

std::size_t Diagnostics::warning_count() const
{
    std::lock_guard lock(mutex_);
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

void Diagnostics::suppress(std::string code)
{
    std::lock_guard lock(mutex_);
    suppressed_.push_back(std::move(code));
}

}  // namespace mimeo

#include "common/diagnostics.hpp"

#include <algorithm>
#include <utility>
#include <cstdio>

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

Error::Error(Location where, std::string code, std::string message)
    : std::runtime_error(message),
      diagnostic_{Severity::error, std::move(code), std::move(where), std::move(message)}
{
}

void Diagnostics::warn(Location where, std::string code, std::string message)
{
    add({Severity::warning, std::move(code), std::move(where), std::move(message)});
}

bool Diagnostics::add(Diagnostic d)
{
    std::lock_guard lock(mutex_);
    if (std::find(suppressed_.begin(), suppressed_.end(), d.code) != suppressed_.end()) return false;
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

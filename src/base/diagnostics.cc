#include "chorus/diagnostics.h"

#include <fmt/format.h>

#include "base/utf8.h"

namespace chorus {

std::string Diagnostic::ToString() const {
  const char* kind = severity == Severity::kError ? "error" : "warning";
  std::string out = line > 0 ? fmt::format("{}:{}: {}: {}", file, line, kind, message)
                             : fmt::format("{}: {}: {}", file, kind, message);
  // Messages quote the input, and are printed on a terminal.
  ReplaceControlCharacters(&out);
  return out;
}

void Diagnostics::Warning(std::string file, uint64_t line, std::string message) {
  Add({Diagnostic::Severity::kWarning, std::move(file), line, std::move(message)});
}

void Diagnostics::Error(std::string file, uint64_t line, std::string message) {
  Add({Diagnostic::Severity::kError, std::move(file), line, std::move(message)});
}

void Diagnostics::Add(Diagnostic d) {
  if (d.severity == Diagnostic::Severity::kError) ++errors_;
  all_.push_back(std::move(d));
  if (on_report_) on_report_(all_.back());
}

}  // namespace chorus

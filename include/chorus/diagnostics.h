// Diagnostics: warnings and errors about input that a run reports and goes past.
//
// Bad input must never cost the user the rest of their work: a malformed line
// in a 10,000-cluster file is recorded here (with file, line and problem) and
// the reader moves on. Callers print the diagnostics and turn "had errors" into
// a non-zero exit at the end; with strict reading the first error stops the run.
//
// Thread safety: not thread-safe; one per run. Copyable.
#ifndef CHORUS_DIAGNOSTICS_H_
#define CHORUS_DIAGNOSTICS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace chorus {

struct Diagnostic {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kError;
  std::string file;   // path as given by the user, or "-" for standard input
  uint64_t line = 0;  // 1-based line number, 0 when not about one line
  std::string message;

  // "file:line: error: message" (line omitted when 0).
  std::string ToString() const;
};

class Diagnostics {
 public:
  // `on_report`, when set, is called as each diagnostic is added (so a CLI can
  // print problems as they happen during long runs).
  explicit Diagnostics(std::function<void(const Diagnostic&)> on_report = nullptr)
      : on_report_(std::move(on_report)) {}

  void Warning(std::string file, uint64_t line, std::string message);
  void Error(std::string file, uint64_t line, std::string message);

  const std::vector<Diagnostic>& all() const { return all_; }
  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  size_t warning_count() const { return all_.size() - errors_; }

 private:
  void Add(Diagnostic d);

  std::function<void(const Diagnostic&)> on_report_;
  std::vector<Diagnostic> all_;
  size_t errors_ = 0;
};

}  // namespace chorus

#endif  // CHORUS_DIAGNOSTICS_H_

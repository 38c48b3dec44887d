// TextLines: reads a text file held in memory line by line, counting lines,
// so that a parser (the model files' readers) can say where a problem is:
// "data/claim_model.txt:12: threshold is not a finite number". And
// ParseWhole, a number that must be the whole field.
//
//   TextLines lines(text, "model.txt", "retrain it with chorus-train-claim-model");
//   std::string_view line;
//   if (!lines.Next(&line) || line != kMagic) return lines.Error("not a model file");
//
// A line ends at '\n' (a '\r' before it is dropped); the last line needs none.
// Thread safety: not thread-safe (Next advances). Copyable; views `text`.
#ifndef CHORUS_BASE_TEXT_LINES_H_
#define CHORUS_BASE_TEXT_LINES_H_

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>

#include "chorus/status.h"

namespace chorus {

class TextLines {
 public:
  // `name` heads every error; `hint` (what to do about a bad file) ends it.
  TextLines(std::string_view text, std::string_view name, std::string_view hint = {})
      : text_(text), name_(name), hint_(hint) {}

  // The next line into `line` (a view into the text); false at the end.
  bool Next(std::string_view* line) {
    if (text_.empty()) return false;
    const size_t eol = std::min(text_.find('\n'), text_.size());
    *line = text_.substr(0, eol);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    text_.remove_prefix(std::min(eol + 1, text_.size()));
    ++line_number_;
    return true;
  }

  // The line Next gave last, from 1 (0 before the first).
  size_t line_number() const { return line_number_; }

  // A parse error at the current line: "name:line: problem (hint)".
  Status Error(std::string_view problem) const;

 private:
  std::string_view text_;  // what is not read yet
  std::string_view name_;
  std::string_view hint_;
  size_t line_number_ = 0;
};

// Parses all of `s` as a number into `out` (std::from_chars: no sign "+", no
// spaces); false when anything is left over or it does not fit.
template <typename T>
bool ParseWhole(std::string_view s, T* out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace chorus

#endif  // CHORUS_BASE_TEXT_LINES_H_

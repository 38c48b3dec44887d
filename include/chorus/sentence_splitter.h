// SentenceSplitter: cuts cleaned article text into sentences.
//
// Survives what news text throws at a naive splitter: abbreviations and titles
// ("U.S.", "Gen.", "Maj. Gen.", "St. Petersburg", "Oct. 23", "Mr.", "Rep."),
// initials ("J. R. Smith"), decimals and grouped numbers (3.5, 5,000),
// ellipses, closing quotes and brackets after the full stop, and paragraph
// breaks (a blank line, or a line break in text that uses single newlines
// between paragraphs, always ends a sentence).
//
//   chorus::SentenceSplitter splitter;
//   for (const auto& s : splitter.Split(text)) Print(s.text);
//
// Thread safety: const methods may be called concurrently. Copyable (holds only
// immutable tables).
#ifndef CHORUS_SENTENCE_SPLITTER_H_
#define CHORUS_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

struct SentenceSplitterOptions {
  // Sentences longer than this many bytes are cut at the last space before the
  // limit, so a 50 MB line without punctuation cannot blow up later stages.
  uint32_t max_sentence_bytes = 4000;
  // Whether a single newline ends a sentence. Default true: cleaned articles
  // put one paragraph a line. Turn off for hard-wrapped text.
  bool newline_is_boundary = true;
};

struct SentenceSpan {
  std::string text;        // whitespace-collapsed sentence text
  uint32_t begin = 0;      // byte offset of the first character in the input
  uint32_t end = 0;        // byte offset one past the last character
  uint32_t paragraph = 0;  // paragraph number, from 0
};

class SentenceSplitter {
 public:
  explicit SentenceSplitter(SentenceSplitterOptions options = {});

  std::vector<SentenceSpan> Split(std::string_view text) const;

 private:
  SentenceSplitterOptions options_;
};

}  // namespace chorus

#endif  // CHORUS_SENTENCE_SPLITTER_H_

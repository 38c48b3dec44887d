// Paragraphs of an article as the cleaner sees them: one a line, whitespace
// collapsed (Unicode spaces too, zero-width characters dropped), trimmed.
#ifndef CHORUS_SRC_CLEAN_PARAGRAPHS_H_
#define CHORUS_SRC_CLEAN_PARAGRAPHS_H_

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::clean {

// Splits `text` into non-empty paragraphs. Each line is a paragraph, except in
// hard-wrapped text (most lines 40-100 bytes, not ending a sentence), where
// lines are joined up to each blank line.
std::vector<std::string> SplitParagraphs(std::string_view text);

// The same paragraphs without a copy each: a view into `text` when the line
// is already clean (most are), else into a string added to `*storage` (whose
// elements do not move). Views live as long as `text` and `*storage`.
std::vector<std::string_view> SplitParagraphViews(std::string_view text,
                                                  std::deque<std::string>* storage);

// Collapses runs of whitespace to one ASCII space and trims the ends.
std::string CollapseWhitespace(std::string_view line);

// True when `s` holds a letter or digit (so is worth keeping).
bool HasWordCharacter(std::string_view s);

// Number of space-separated words in a collapsed paragraph.
size_t CountWords(std::string_view s);

}  // namespace chorus::clean

#endif  // CHORUS_SRC_CLEAN_PARAGRAPHS_H_

// LoadedTerms: words that take a side, learned from AllSides headlines (the
// words outlets' headlines use and the editors' neutral headlines avoid;
// tools/train/train_loaded_terms.cc), compiled in as data/loaded_terms.txt.
// `chorus summarize --neutral` penalizes sentences holding them, and the same
// lexicon measures how loaded a summary is.
//
// Thread safety: immutable after Parse; share freely.
#ifndef CHORUS_SUMMARIZE_LOADED_TERMS_H_
#define CHORUS_SUMMARIZE_LOADED_TERMS_H_

#include <string>
#include <string_view>
#include <unordered_set>

#include "chorus/tokenizer.h"

namespace chorus {

// Whether a token can be a loaded term: a content word (no stopword, no
// digits) whose stem has three letters or more.
bool IsLoadableTerm(const Token& token);

class LoadedTerms {
 public:
  // "stem<TAB>z" lines, '#' comments; other lines are skipped (the shipped
  // file is checked by a test).
  static LoadedTerms Parse(std::string_view text);
  static const LoadedTerms& Default();

  bool Contains(std::string_view stem) const { return stems_.count(std::string(stem)) > 0; }
  size_t size() const { return stems_.size(); }

 private:
  std::unordered_set<std::string> stems_;
};

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_LOADED_TERMS_H_

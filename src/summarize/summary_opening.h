// Summary opening: whether a sentence can be the first of a summary.
//
// A summary's first sentence is read without context, so it must stand
// alone and state something: not a question, not a quotation (it opens or
// ends with a quotation mark), and not opening with a word that points back
// at text the reader has not seen: a pronoun ("He", "They", "This", "Its")
// or a connective ("But", "However", "Also", "Meanwhile", "In addition").
//
// Thread safety: pure functions.
#ifndef CHORUS_SUMMARIZE_SUMMARY_OPENING_H_
#define CHORUS_SUMMARIZE_SUMMARY_OPENING_H_

#include <string_view>

namespace chorus {

enum class OpeningProblem { kNone, kQuestion, kQuotation, kPronoun, kConnective };

// What keeps `sentence` from opening a summary (kNone: it can).
OpeningProblem OpeningProblemOf(std::string_view sentence);

inline bool CanOpenSummary(std::string_view sentence) {
  return OpeningProblemOf(sentence) == OpeningProblem::kNone;
}

// "question", "quotation", "pronoun", "connective" or "none".
std::string_view OpeningProblemName(OpeningProblem problem);

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_SUMMARY_OPENING_H_

// Which sentences a method may pick.
//
// Candidates exclude what reads badly out of context or cannot fit: sentences
// shorter than a minimum (fragments, datelines, captions), questions,
// optionally quotations, exact repeats of an earlier sentence, and sentences
// that alone exceed the budget. The filters relax step by step (length, then
// questions and quotations) so that a cluster whose sentences are all short or
// all quoted still gets a summary.
//
// Thread safety: pure functions.
#ifndef CHORUS_SUMMARIZE_CANDIDATES_H_
#define CHORUS_SUMMARIZE_CANDIDATES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "chorus/summarizer.h"

namespace chorus {

struct CandidateFilter {
  uint32_t min_words = 10;       // shorter sentences are not candidates
  bool drop_questions = true;    // sentences ending in '?' (before closing quotes)
  bool drop_quotations = false;  // sentences holding quotation marks
  uint32_t max_position =
      0;  // sentences at this index or later in their article are dropped (0: none)
  // Drop sentences that are quotation from start to end: they name no speaker.
  bool drop_bare_quotes = false;
  // Drop sentences about the reporting rather than the event ("The report
  // could not be independently confirmed.", "He declined to comment.").
  bool drop_reporting_notes = false;
};

bool IsQuestion(std::string_view text);
bool HasQuotation(std::string_view text);

// Whether `text` is quotation from its first word to its last ("``...,''
// she said" is not: it names its speaker).
bool IsBareQuote(std::string_view text);

// Whether `text` is a short note on the reporting: a claim that could not be
// confirmed, someone unavailable for or declining comment.
bool IsReportingNote(std::string_view text);

// Indices into cluster.sentences of the candidates for `budget`, ascending.
std::vector<uint32_t> CandidateSentences(const AnalyzedCluster& cluster,
                                         const CandidateFilter& filter,
                                         const SummaryBudget& budget);

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_CANDIDATES_H_

// Quotations and who said them.
//
// Quoted spans are found with a per-document quote state (curly “ ” and « »
// pairs, straight quotes toggling), so a quotation running over several
// sentences is one quote; a paragraph break ends an unclosed one. The speaker
// is read from the attribution around it: `"...," X said`, `"...," said X`,
// `X said: "..."`, `according to X`, a pronoun ("he said") resolved to the
// last person named, or, for a sentence that is nothing but the quote, the
// person the previous sentence says spoke.
//
// Thread safety: pure functions.
#ifndef CHORUS_COMPARE_QUOTES_H_
#define CHORUS_COMPARE_QUOTES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "chorus/analyzer.h"
#include "compare/entities.h"
#include "compare/pair_budget.h"

namespace chorus::compare {

struct QuoteMention {
  uint32_t sentence = 0;  // sentence where the quote opens
  std::string text;       // the quoted words
  // Its content words' norms as ids of the cluster's vocabulary (equal ids,
  // equal words; Token::norm_id), ascending, unique.
  std::vector<uint32_t> words;
  uint32_t word_count = 0;      // words in the quote (with repeats)
  int64_t speaker_entity = -1;  // index in EntityAnalysis::entities, or -1
  std::string speaker_text;     // who, as written, when not a known entity
};

std::vector<QuoteMention> ExtractQuotes(const AnalyzedCluster& cluster,
                                        const EntityAnalysis& entities, uint32_t min_words);

// Share of the shorter quote's content words found in the other (0..1);
// 0 when fewer than three are shared.
double QuoteOverlap(const QuoteMention& a, const QuoteMention& b);

// The quotes that are one quotation: sets of indices into `quotes` (members
// ascending, sets by their first member) joined wherever QuoteOverlap reaches
// `min_overlap`. Pairs are found through an index of the quotes' words, each
// quote looked up by its rarest words only (enough to find every pair that
// can reach `min_overlap`), and a quote repeated word for word is matched
// once, so the work grows with the pairs that share rare words, not with all
// pairs. Lookups are taken from `budget`; once it is spent the remaining
// quotes are left unmatched.
std::vector<std::vector<size_t>> SameQuotes(const std::vector<QuoteMention>& quotes,
                                            double min_overlap, PairBudget* budget);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_QUOTES_H_

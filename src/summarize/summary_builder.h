// Turning chosen sentences into a Summary: citations (which documents support
// each sentence) and reading order. Shared by every summarization method, so
// all of them cite and order the same way.
//
// Support. A document supports a summary sentence when one of its sentences
// covers at least `min_coverage` (0.4) of the sentence's key content, where the key
// content is the set of its content-word stems (stopwords dropped) weighted by
// their inverse sentence frequency in the cluster, log(1 + N / sf). Rare words
// (names, numbers, the event's own vocabulary) thus decide; "said" does not.
// Weighting by idf makes the test about the sentence's information, and
// requiring one sentence (not the whole article) to cover it keeps an article
// that merely mentions the same names apart from one that reports the same fact.
// A covering sentence that gives a different number in the same slot ("21
// miners" for "12 miners": the claim matcher's numbers rule,
// represent/claim_matcher.h, which compare uses) does not support: it is the
// other side of a discrepancy. The sentence's own document is always listed.
//
// Order. Time, then source order: articles by date where dates exist
// ("YYYY-MM-DD" compares as text; undated ones after dated ones), articles of
// one date in the order given, and each article's sentences in its order.
// An opener, when given, comes first (summary_opening.h: the first sentence
// must stand alone), the others in that order after it.
//
// Thread safety: pure functions.
#ifndef CHORUS_SUMMARIZE_SUMMARY_BUILDER_H_
#define CHORUS_SUMMARIZE_SUMMARY_BUILDER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "chorus/summarizer.h"

namespace chorus {

struct SupportOptions {
  // Share of a sentence's idf-weighted content words that one sentence of
  // another document must contain for that document to support it (default
  // 0.4: paraphrases such as "three firefighters were treated at St. Aldric
  // Hospital, two for smoke inhalation" / "three firefighters were hurt, two
  // from breathing in smoke" pass; 0.5 missed them on examples/harbor-fire).
  double min_coverage = 0.4;
};

inline constexpr uint32_t kNoOpener = UINT32_MAX;

// Builds the Summary of `cluster` made of the sentences at `chosen` (indices
// into cluster.sentences, any order, no repeats): ordered, with support.
// `opener`, if not kNoOpener, is one of `chosen` and comes first.
Summary BuildSummary(const AnalyzedCluster& cluster, const std::vector<uint32_t>& chosen,
                     std::string_view method, const SupportOptions& options = {},
                     uint32_t opener = kNoOpener);

// The documents supporting cluster.sentences[sentence] (ascending, own included).
std::vector<uint32_t> SupportingDocuments(const AnalyzedCluster& cluster, uint32_t sentence,
                                          const SupportOptions& options = {});

// Sets out->support and out->support_sentences for cluster.sentences[sentence].
void FindSupport(const AnalyzedCluster& cluster, uint32_t sentence, SummarySentence* out,
                 const SupportOptions& options = {});

// Indices of `chosen` sorted into reading order (see above).
std::vector<uint32_t> ReadingOrder(const AnalyzedCluster& cluster, std::vector<uint32_t> chosen,
                                   uint32_t opener = kNoOpener);

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_SUMMARY_BUILDER_H_

// ConceptSummarizer: the "chorus" method. Extractive summarization as exact
// concept coverage (Gillick & Favre 2009; Boudin, Mougard & Favre 2015).
//
//  1. Candidates: sentences of at least `min_words` words that are not
//     questions (and, optionally, not quotations); exact duplicates kept once.
//  2. Concepts: stemmed word bigrams that are not made only of stopwords (and,
//     with `unigram_weight` > 0, content-word stems). A concept's weight is the
//     number of distinct articles that contain it (near-duplicate articles
//     count once), each article adding `position_weight` / (1 + the index of
//     its first sentence holding the concept) on top of 1, since news puts what
//     matters first. Concepts in fewer than `min_doc_fraction` of the articles
//     (at least 2) are pruned. A cluster of one or two articles counts
//     sentences instead of articles.
//  3. Selection: the integer program of coverage_selector.h, solved exactly by
//     GLPK within the budget, with pairs of near-identical candidates excluded
//     from being chosen together; a tiny tie-break favours early sentences and
//     filling the budget.
//  4. Query mode: each concept's weight is multiplied by
//     1 + query_weight * (the best query overlap of a sentence holding it), and
//     each content word of the query becomes a concept weighing query_weight
//     times the mean concept weight of a candidate sentence, so sentences
//     about the query come first.
//
// Thread safety: Summarize is const; share an instance freely. Not copyable.
#ifndef CHORUS_SUMMARIZE_CONCEPT_SUMMARIZER_H_
#define CHORUS_SUMMARIZE_CONCEPT_SUMMARIZER_H_

#include <string_view>

#include "chorus/summarizer.h"
#include "chorus/tokenizer.h"
#include "summarize/coverage_selector.h"
#include "summarize/summary_builder.h"

namespace chorus {

struct ConceptSummarizerOptions {
  // Candidate sentences need at least this many words (default 10); relaxed
  // when no candidate would fit the budget.
  uint32_t min_words = 10;
  // Drop sentences ending in a question mark (default true): they rarely state facts.
  bool drop_questions = true;
  // Drop sentences containing quotation marks (default false).
  bool drop_quotations = false;
  // A concept must occur in at least this share of the articles (default 0.25,
  // never fewer than 2 articles); lowered when fewer than `min_concepts` survive.
  double min_doc_fraction = 0.25;
  // The fewest concepts the pruning may leave (default 20).
  uint32_t min_concepts = 20;
  // Weight of content-word (unigram) concepts relative to bigrams (default 0: bigrams only).
  double unigram_weight = 0.0;
  // Extra weight for a concept early in an article (default 0), see above.
  double position_weight = 0.0;
  // Two candidates whose content-word cosine reaches this are never both chosen (default 0.6).
  double redundancy_cosine = 0.6;
  // Largest number of candidate sentences given to the solver (default 400),
  // the best by total concept weight; bounds the time on huge clusters.
  uint32_t max_candidates = 400;
  // Query-focused boost, see above (default 1).
  double query_weight = 1.0;
  // Solver limits (GLPK time limit before falling back on the best known solution).
  CoverageSolverOptions solver;
  // How support (citations) is decided.
  SupportOptions support;
};

class ConceptSummarizer : public Summarizer {
 public:
  explicit ConceptSummarizer(ConceptSummarizerOptions options = {});
  ConceptSummarizer(const ConceptSummarizer&) = delete;
  ConceptSummarizer& operator=(const ConceptSummarizer&) = delete;

  std::string_view name() const override { return "chorus"; }
  Result<Summary> Summarize(const AnalyzedCluster& cluster,
                            const SummaryOptions& options) const override;

 private:
  ConceptSummarizerOptions options_;
  Tokenizer tokenizer_;
};

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_CONCEPT_SUMMARIZER_H_

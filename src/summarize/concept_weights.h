// ConceptWeights: what each concept of a cluster is worth to its summary.
//
// Evidence. A concept's weight is the number of distinct articles that hold
// it (copies of one article count once: chorus/copy_groups.h), each article adding
// position_weight / (1 + the index of its first sentence holding it) on top
// of 1, since news puts what matters first. A cluster of one or two articles
// counts sentences instead. Concepts in fewer units than the pruning
// threshold (min_doc_fraction of the articles, at least 2, lowered until
// min_concepts survive) are dropped; content unigrams weigh unigram_weight.
//
// Query. A concept's relevance r is half its share of query words (0, 1/2 or
// 1: "reservation system" holds one of the query's words) and half the mean
// query relevance of the sentences holding it, relative to the mean over the
// concepts kept (a sentence's relevance: the idf-weighted share of the
// query's words it holds). The second half carries the query to the words
// that come with it in this cluster ("casino", "tribe" for a query on
// reservations), the way pseudo-relevance feedback expands a query. The
// weight is multiplied by b = 1 + query_weight * r, and the evidence needed
// is divided by b: what the reader asked about needs fewer articles to count,
// though always two (one outlet alone is no evidence; letting single-article
// concepts in cost 0.017 R-2 on DUC 2007's update sets).
//
// Novelty. When the reader has read earlier articles, each concept also
// carries the share of those articles that hold it: (1 - share) * weight is
// what it adds that is new. That share does not lower the weight the program
// maximizes: discounting concepts by it (as update systems since ICSI's do)
// lowered ROUGE-2 on DUC 2007's update sets by 0.002 with the topic as query
// and by 0.010 without, since readers of an update still need the event's
// core; repeats are kept out by the summarizer instead (concept_summarizer.h).
//
// Thread safety: pure functions over their arguments.
#ifndef CHORUS_SUMMARIZE_CONCEPT_WEIGHTS_H_
#define CHORUS_SUMMARIZE_CONCEPT_WEIGHTS_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/tokenizer.h"
#include "summarize/stemmed_sentences.h"

namespace chorus {

// The ConceptSummarizerOptions fields of the same names (documented and
// defaulted there; the summarizer copies them in).
struct ConceptWeightOptions {
  double position_weight = 0;
  double min_doc_fraction = 0;
  uint32_t min_concepts = 0;
  double unigram_weight = 0;
  double query_weight = 0;
};

// The query as the cluster sees it.
struct QueryFocus {
  std::vector<uint32_t> stems;        // its content stems that the cluster holds, sorted
  std::vector<double> row_relevance;  // per row of the StemmedSentences (empty without a query)
  bool empty() const { return stems.empty(); }
};

// `query` tokenized and looked up in `ss`; relevance is computed for every
// row, the idf over the cluster's sentences (`terms`, whose ids `ss` shares).
QueryFocus FocusOnQuery(const Tokenizer& tokenizer, std::string_view query,
                        const StemmedSentences& ss, const TermIndex& terms);

// What the reader has already read: for each concept key, the read articles
// holding it, and every read sentence's content stems (ids of `ss`).
struct ReadConcepts {
  std::unordered_map<uint64_t, uint32_t> articles;
  uint32_t n_articles = 0;
  std::vector<std::vector<uint32_t>> sentences;
  std::vector<uint32_t> numbers;  // stems of numeric tokens read, sorted unique
};

// Interns `read`'s stems into `ss` (no rows are added) and counts its concepts.
ReadConcepts CountReadConcepts(const AnalyzedCluster& read, bool unigrams, StemmedSentences* ss);

// A candidate row with the concepts it holds (indices into the weights).
struct WeightedRow {
  uint32_t row = 0;
  double total = 0;  // total weight of its concepts
  std::vector<uint32_t> concepts;
};

struct WeightedRows {
  std::vector<WeightedRow>
      rows;                     // candidates holding at least one kept concept, in candidate order
  std::vector<double> weights;  // per concept index
  std::vector<double> read_shares;  // per concept index: share of the read articles holding it
};

// Weighs the concepts of `candidate_rows`. `row_concepts` holds every row's
// concept keys; articles count once per copy group (cluster.copies); `read`
// may be null.
WeightedRows WeighConcepts(const AnalyzedCluster& cluster,
                           const std::vector<std::vector<uint64_t>>& row_concepts,
                           const std::vector<uint32_t>& candidate_rows, const QueryFocus& query,
                           const ReadConcepts* read, const ConceptWeightOptions& options);

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_CONCEPT_WEIGHTS_H_

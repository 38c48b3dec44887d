// SupportIndex: which documents of a cluster back a sentence.
//
// A document supports sentence s when it is s's own document or holds a
// sentence whose cosine similarity to s is at least `min_cosine` (default 0.5).
// Similarity is the cosine of term-count vectors, a term being the Porter
// stem of a non-stopword token, unweighted so the answer does not depend on any
// method's IDF. Every summarizer (baselines and the strong method) fills
// SummarySentence::support with this one definition, so citations mean the
// same thing whatever method made the summary.
//
//   SupportIndex support(analyzed);
//   std::vector<uint32_t> docs = support.Support(sentence_index);  // ascending
//
// Thread safety: immutable after construction; Support is const. Borrows the
// cluster's documents count only; copyable.
#ifndef CHORUS_SUMMARIZE_SUPPORT_H_
#define CHORUS_SUMMARIZE_SUPPORT_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "chorus/analyzer.h"

namespace chorus {

class SupportIndex {
 public:
  explicit SupportIndex(const AnalyzedCluster& cluster, double min_cosine = 0.5);

  // Documents (indices, ascending) supporting sentence `sentence` (an index
  // into AnalyzedCluster::sentences); always includes its own document.
  std::vector<uint32_t> Support(uint32_t sentence) const;

  // Cosine of the term-count vectors of two sentences.
  double Cosine(uint32_t a, uint32_t b) const;

 private:
  using Vector = std::vector<std::pair<uint32_t, double>>;  // sorted by term id
  double min_cosine_;
  uint32_t num_documents_;
  std::vector<uint32_t> doc_of_;
  std::vector<Vector> vectors_;
  std::vector<double> norms_;
};

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_SUPPORT_H_

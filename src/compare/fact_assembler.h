// FactAssembler: what every kind of fact (numbers, quotes, claims) fills the
// same way from the sentences that state it: its sources, its mentions and
// its support (the independent-source groups among its sources).
//
//   const FactAssembler assembler(cluster, groups);
//   assembler.Attach({12, 40, 41}, &fact);  // sources, mentions, support
//
// Thread safety: const methods only; shares `cluster` and `doc_group`, which
// must outlive it.
#ifndef CHORUS_COMPARE_FACT_ASSEMBLER_H_
#define CHORUS_COMPARE_FACT_ASSEMBLER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/compare.h"

namespace chorus::compare {

class FactAssembler {
 public:
  // `doc_group`: each document's independent-source group (CopyGroups::group).
  FactAssembler(const AnalyzedCluster& cluster, const std::vector<uint32_t>& doc_group)
      : cluster_(cluster), doc_group_(doc_group) {}

  // Fills sources, mentions and support of `fact` from `sentences` (indices
  // into the cluster's sentences, any order, repeats allowed). Works in the
  // sentences stating the fact, not in the cluster's documents (a cluster of
  // 100k articles has as many facts).
  void Attach(std::vector<uint32_t> sentences, Fact* fact) const;

  // The independent-source group of the document of `sentence`.
  uint32_t Group(uint32_t sentence) const {
    return doc_group_[cluster_.sentences[sentence].sentence.doc];
  }

 private:
  const AnalyzedCluster& cluster_;
  const std::vector<uint32_t>& doc_group_;
};

// The most frequent of `values`; of equally frequent, the least (in byte order).
std::string MostCommon(const std::vector<std::string>& values);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_FACT_ASSEMBLER_H_

// CopyGroups: which articles of one cluster are copies of one another
// (a wire story run by several outlets, a page re-published with a new lede),
// so that every stage counts them as ONE independent source: the summary's
// concept weights, compare's "independent sources" (ComparedSource::group,
// Fact::support) and its claims. ClusterAnalyzer computes it once per cluster
// (AnalyzedCluster::copies); no stage has a rule of its own.
//
// The rule: an article is the set of its hashed word 5-grams (token norms); a
// later article copies an earlier one when at least `min_shared` of ITS
// 5-grams occur in that earlier one (it adds little of its own: a re-run, a
// syndicated copy, an update that repeats the story); copies group
// transitively. A short first version followed by a long update that contains
// it is two sources: the update adds its own reporting. An article with fewer
// than 3 five-grams is nobody's copy. "Later" is input order.
//
// The stream clusterer (cluster/near_duplicates.h) asks the same question of
// a stream that never ends, where no pairwise count fits: it estimates the
// overlap of 4-gram sets with MinHash signatures and LSH buckets. Same notion,
// approximated for scale.
//
// Plain data; copy freely.
#ifndef CHORUS_COPY_GROUPS_H_
#define CHORUS_COPY_GROUPS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus {

struct CopyGroupOptions {
  // Share of the later article's 5-grams that must occur in the earlier one
  // (default 0.8). It carries over the summarizer's former rule (80% of an
  // article's sentences repeated word for word), whose copy pairs it keeps
  // on DUC 2006 and DUC 2007 while also catching copies with edited
  // sentences; compare's former rule (0.6 of the smaller article, either
  // direction) also joined updates that add their own reporting.
  double min_shared = 0.8;
};

struct CopyGroups {
  // Per document: its group, numbered 0, 1, ... in order of each group's
  // first document.
  std::vector<uint32_t> group;
  // Per document: the first document of its group (itself when it copies
  // no earlier one).
  std::vector<uint32_t> original;
  uint32_t group_count = 0;
};

// The groups of `n` documents none of which copies another.
inline CopyGroups DistinctDocuments(size_t n) {
  CopyGroups out;
  for (uint32_t d = 0; d < n; ++d) {
    out.group.push_back(d);
    out.original.push_back(d);
  }
  out.group_count = static_cast<uint32_t>(n);
  return out;
}

}  // namespace chorus

#endif  // CHORUS_COPY_GROUPS_H_

// Computing the copy groups of a cluster (the rule is in chorus/copy_groups.h).
//
// Cost: linear in the cluster's words, never n x n. Each document's 5-grams
// are hashed; documents with the same 5-gram set are grouped by one hash of
// the set; the others meet through an inverted index from 5-gram to the
// first kMaxPostings documents holding it, so each 5-gram of a document is
// counted against at most kMaxPostings earlier documents (page furniture or a
// slogan every outlet prints costs no more), with one counter per document.
// The price of the cap: two articles are not counted against each other on
// a 5-gram that more than kMaxPostings earlier articles hold, so a copy
// whose 5-grams are all that common is missed; the 100th re-run of a wire
// story is still found, as a copy of the first runs.
//
// Thread safety: pure function.
#ifndef CHORUS_REPRESENT_COPY_GROUPS_H_
#define CHORUS_REPRESENT_COPY_GROUPS_H_

#include <cstdint>
#include <span>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/copy_groups.h"

namespace chorus::represent {

inline constexpr uint32_t kCopyShingle = 5;
inline constexpr uint32_t kMaxPostings = 64;

// The distinct 5-gram hashes of one document, its sentences in order (token
// norm ids, so all of a cluster's tokens must share one vocabulary generation,
// as ClusterAnalyzer's do), ascending.
std::vector<uint64_t> DocumentShingles(std::span<const AnalyzedSentence> sentences);

// Copy groups of documents given their shingle sets (each ascending, unique).
CopyGroups GroupCopies(const std::vector<std::vector<uint64_t>>& shingles,
                       const CopyGroupOptions& options);

}  // namespace chorus::represent

#endif  // CHORUS_REPRESENT_COPY_GROUPS_H_

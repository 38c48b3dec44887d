// Syndication: documents that are near-identical copies (wire stories run by
// several outlets) count as one independent source.
//
// Each document is a set of hashed word 5-grams; two documents are copies when
// the shingles of the smaller are mostly contained in the larger.
#ifndef CHORUS_COMPARE_SYNDICATION_H_
#define CHORUS_COMPARE_SYNDICATION_H_

#include <cstdint>
#include <vector>

#include "chorus/analyzer.h"

namespace chorus::compare {

// Group id of each document (0-based, numbered in document order); copies
// share a group.
std::vector<uint32_t> SyndicationGroups(const AnalyzedCluster& cluster, double min_containment);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_SYNDICATION_H_

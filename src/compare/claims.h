// Key claims: sentence-level content units that several sources state alike.
//
// Each sentence is its set of content stems weighted by IDF over the
// cluster's sentences. For each sentence, the sentences of other independent
// sources closest by weighted cosine (a few, found through the stems they
// share) are candidates; the learned claim model (represent/claim_matcher.h)
// links those that state the same claim in any words; claims
// are stars around the best-connected sentences (each centre takes its best
// unassigned match from every other source), which avoids the chaining of
// single-link clustering; a source the star lacks then joins through its
// paraphrase of any member (one step, so which member is the centre does not
// decide who counts). Sentences no other source states become
// single-source claims when they are among their source's most central.
//
// Thread safety: pure function.
#ifndef CHORUS_COMPARE_CLAIMS_H_
#define CHORUS_COMPARE_CLAIMS_H_

#include <cstdint>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/compare.h"

namespace chorus::compare {

struct Claim {
  uint32_t center = 0;              // sentence index whose text states the claim
  std::vector<uint32_t> sentences;  // all sentences stating it (center first)
};

std::vector<Claim> FindClaims(const AnalyzedCluster& cluster,
                              const std::vector<uint32_t>& doc_group,
                              const CompareOptions& options);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_CLAIMS_H_

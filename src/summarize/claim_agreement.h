// ClaimAgreement: for `chorus summarize --neutral`, which sentences of a
// cluster state the same claim, in any words. An editor's neutral summary
// tells what the outlets of every side agree on: a sentence whose claim other
// sources (copy groups: chorus/copy_groups.h) also state is that kind of
// content, and a loaded sentence can give way to another source's sentence
// stating its claim. "The same claim" is the claim matcher's
// (represent/claim_matcher.h), as in compare.
//
// Contract: at most `max_pairs` sentence pairs are ever judged (the model's
// calls are the cost); pairs asked after that count as different claims, so
// a hostile cluster costs a bounded amount of work, and the answers depend
// only on the order of the questions.
//
// Thread safety: not thread-safe (caches profiles); one per summary.
#ifndef CHORUS_SUMMARIZE_CLAIM_AGREEMENT_H_
#define CHORUS_SUMMARIZE_CLAIM_AGREEMENT_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "chorus/analyzer.h"
#include "represent/claim_matcher.h"

namespace chorus {

class ClaimAgreement {
 public:
  ClaimAgreement(const AnalyzedCluster& cluster, uint64_t max_pairs);

  // Whether sentences `a` and `b` (indices of cluster.sentences) state the same claim.
  bool SameClaim(uint32_t a, uint32_t b);
  // Per entry of `sentences`: how many other copy groups hold a sentence
  // stating its claim (at most the cluster's groups minus one).
  std::vector<uint32_t> OtherSourcesStating(const std::vector<uint32_t>& sentences);

 private:
  const represent::ClaimProfile& Profile(uint32_t s);
  uint32_t GroupOf(uint32_t s) const;

  const AnalyzedCluster& cluster_;
  const represent::ClaimMatcher matcher_;
  std::vector<float> term_weights_;
  std::vector<std::optional<represent::ClaimProfile>> profiles_;
  uint64_t pairs_left_;
};

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_CLAIM_AGREEMENT_H_

#include "summarize/claim_agreement.h"

#include <unordered_set>

namespace chorus {

ClaimAgreement::ClaimAgreement(const AnalyzedCluster& cluster, uint64_t max_pairs)
    : cluster_(cluster),
      term_weights_(matcher_.WeighTerms(cluster.terms)),
      profiles_(cluster.sentences.size()),
      pairs_left_(max_pairs) {}

const represent::ClaimProfile& ClaimAgreement::Profile(uint32_t s) {
  if (!profiles_[s]) {
    profiles_[s] =
        matcher_.Profile(cluster_.sentences[s].tokens, cluster_.terms.Terms(s), term_weights_);
  }
  return *profiles_[s];
}

uint32_t ClaimAgreement::GroupOf(uint32_t s) const {
  const uint32_t doc = cluster_.sentences[s].sentence.doc;
  return doc < cluster_.copies.group.size() ? cluster_.copies.group[doc] : doc;
}

bool ClaimAgreement::SameClaim(uint32_t a, uint32_t b) {
  if (pairs_left_ == 0) return false;
  --pairs_left_;
  return matcher_.Match(Profile(a), Profile(b)).same;
}

std::vector<uint32_t> ClaimAgreement::OtherSourcesStating(const std::vector<uint32_t>& sentences) {
  std::vector<uint32_t> out(sentences.size(), 0);
  for (size_t k = 0; k < sentences.size() && pairs_left_ > 0; ++k) {
    const uint32_t s = sentences[k];
    const uint32_t own = GroupOf(s);
    std::unordered_set<uint32_t> agreeing;
    for (uint32_t o = 0; o < cluster_.sentences.size() && pairs_left_ > 0; ++o) {
      const uint32_t group = GroupOf(o);
      if (group == own || agreeing.count(group) > 0) continue;
      if (SameClaim(s, o)) agreeing.insert(group);
    }
    out[k] = static_cast<uint32_t>(agreeing.size());
  }
  return out;
}

}  // namespace chorus

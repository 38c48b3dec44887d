// Claim features: what a learned model needs to decide whether two sentences
// state the same claim (a paraphrase in the sense of the Microsoft Research
// Paraphrase Corpus), computed from two sentences' profiles
// (represent/claim_profile.h):
//   - word, stem and character n-gram overlap in both directions (BLEU- and
//     METEOR-like precision/recall, reported as min and max so the features
//     do not depend on which sentence comes first);
//   - an alignment of content words by stem, WordNet synonymy and word-vector
//     similarity, weighted by information (log frequency rank);
//   - shared proper names, word edit distance (TER-like), longest common
//     stem subsequence, lengths;
//   - numbers and negation: shared, only on one side, conflicting;
//   - overlap of word stems (stopwords too) weighed by learned term weights
//     (TF-KLD, represent/claim_term_weights.h): cosine, and the weight each
//     sentence has that the other lacks; the soft alignment above weighed by
//     them too;
//   - METEOR (Banerjee and Lavie 2005) over stems, with its fragmentation;
//   - character 3-5-gram overlap of the content words alone.
//
// Thread safety: pure functions over immutable data.
#ifndef CHORUS_REPRESENT_CLAIM_FEATURES_H_
#define CHORUS_REPRESENT_CLAIM_FEATURES_H_

#include <array>
#include <string_view>

#include "represent/claim_profile.h"

namespace chorus::represent {

// Whether the two carry different numbers in one slot: a number only one
// states and a number only the other states have the same content word on
// the same side ("killed 12" / "killed 21", "12 people" / "21 people"),
// and are not one figure rounded ("296" / "300" are within 5%). A number
// elsewhere in the other sentence is another fact, not a conflict: in the
// paraphrase data such pairs are mostly the same claim.
bool NumbersConflict(const ClaimProfile& a, const ClaimProfile& b);
// Whether one negates what the other asserts: a content word right after a
// negation in one appears un-negated in the other ("did not vote" / "voted").
bool NegationDiffers(const ClaimProfile& a, const ClaimProfile& b);

// The larger share of either sentence's words (stems, with repeats) that the
// other contains: the stem1_max feature, cheap enough to screen pairs.
float StemOverlap(const ClaimProfile& a, const ClaimProfile& b);

inline constexpr size_t kClaimFeatureCount = 67;
using ClaimFeatures = std::array<float, kClaimFeatureCount>;

// Names of the features in order (the model file lists them; loading checks
// they match this build).
const std::array<std::string_view, kClaimFeatureCount>& ClaimFeatureNames();

ClaimFeatures PairFeatures(const ClaimProfile& a, const ClaimProfile& b);

}  // namespace chorus::represent

#endif  // CHORUS_REPRESENT_CLAIM_FEATURES_H_

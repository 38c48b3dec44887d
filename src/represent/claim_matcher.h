// ClaimMatcher: the one answer to "do these two sentences state the same
// claim?", for every stage that needs it: compare's claims ask Match; the
// summary's support (summarize/summary_builder.h) finds a covering sentence
// by its own idf rule and then applies the numbers rule below, so a summary
// never cites as support a source that compare shows on the other side of a
// number discrepancy.
//
// Pairs sharing less than kMinStemOverlap of their words are not the same
// claim without asking the model: no pair of its training data (MSRP) shares
// so little, so the model's answer there would be a guess (and skipping
// them keeps compare fast). The learned ClaimModel scores the others; two
// rules then override it, because
// a reader must see them as discrepancies, never as agreement: different
// numbers in one slot ("killed 12" / "killed 21") and a negated assertion
// ("voted" / "did not vote") never match.
//
//   represent::ClaimMatcher matcher;
//   ClaimMatch m = matcher.Match(matcher.Profile(a_tokens), matcher.Profile(b_tokens));
//   if (m.same) ...
//
// Thread safety: const; share freely. Holds a reference to its model, which
// must outlive it (the default model lives for the whole process).
#ifndef CHORUS_REPRESENT_CLAIM_MATCHER_H_
#define CHORUS_REPRESENT_CLAIM_MATCHER_H_

#include "represent/claim_features.h"
#include "represent/claim_model.h"

namespace chorus::represent {

struct ClaimMatch {
  double probability = 0;  // the model's; 0 when the screen or a rule settled the pair
  bool numbers_conflict = false;
  bool negation_differs = false;
  bool same = false;  // probability >= threshold and neither rule fired
};

class ClaimMatcher {
 public:
  static constexpr float kMinStemOverlap = 0.3f;

  // threshold < 0: the model's own (from its file).
  explicit ClaimMatcher(const ClaimModel& model = ClaimModel::Default(), double threshold = -1)
      : model_(model), threshold_(threshold < 0 ? model.threshold() : threshold) {}

  // The screen and the rules alone: whether the pair is not the same claim
  // whatever the model says.
  static bool Forbidden(const ClaimProfile& a, const ClaimProfile& b) {
    return StemOverlap(a, b) < kMinStemOverlap || NumbersConflict(a, b) || NegationDiffers(a, b);
  }

  // A sentence's profile, its stems weighed as the model expects.
  ClaimProfile Profile(std::span<const Token> tokens) const {
    return ProfileSentence(tokens, model_.term_weights());
  }
  // The same, for the sentences of one cluster: `term_weights` =
  // WeighTerms(index), token_terms = index.Terms(sentence). A sentence the
  // index lacks (token_terms of another size) is weighed by its stems' texts.
  std::vector<float> WeighTerms(const TermIndex& index) const {
    return represent::WeighTerms(index, model_.term_weights());
  }
  ClaimProfile Profile(std::span<const Token> tokens, std::span<const uint32_t> token_terms,
                       std::span<const float> term_weights) const {
    if (token_terms.size() != tokens.size()) return Profile(tokens);
    return ProfileSentence(tokens, token_terms, term_weights);
  }

  ClaimMatch Match(const ClaimProfile& a, const ClaimProfile& b) const {
    ClaimMatch m;
    m.numbers_conflict = NumbersConflict(a, b);
    m.negation_differs = NegationDiffers(a, b);
    // A rule settles the pair whatever the model says: not asking it saves
    // the pair features, most of a compared pair's cost.
    if (m.numbers_conflict || m.negation_differs || StemOverlap(a, b) < kMinStemOverlap) return m;
    m.probability = model_.Probability(PairFeatures(a, b));
    m.same = m.probability >= threshold_;
    return m;
  }
  double threshold() const { return threshold_; }

 private:
  const ClaimModel& model_;
  double threshold_;
};

}  // namespace chorus::represent

#endif  // CHORUS_REPRESENT_CLAIM_MATCHER_H_

#include "represent/claim_features.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdlib>

#include "represent/synonyms.h"

namespace chorus::represent {
namespace {

// Soft alignment: a content word counts as aligned when its best partner is
// at least this similar (1 same stem, 0.9 WordNet synonym, else the vectors'
// cosine).
constexpr float kAlignedSimilarity = 0.7f;
constexpr float kSynonymSimilarity = 0.9f;

// Clipped matches of two sorted multisets.
// Branch-free: which side advances is unpredictable, and this merge runs
// nine times per scored pair.
size_t MultisetMatches(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, matches = 0;
  while (i < a.size() && j < b.size()) {
    const uint64_t x = a[i], y = b[j];
    matches += static_cast<size_t>(x == y);
    i += static_cast<size_t>(x <= y);
    j += static_cast<size_t>(y <= x);
  }
  return matches;
}

float Ratio(double num, double den) { return den > 0 ? static_cast<float>(num / den) : 0.0f; }

// Appends min and max of the two directions' containment.
void PushMinMax(float x, float y, float*& out) {
  *out++ = std::min(x, y);
  *out++ = std::max(x, y);
}

void PushContainment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b, float*& out) {
  const double m = static_cast<double>(MultisetMatches(a, b));
  PushMinMax(Ratio(m, static_cast<double>(a.size())), Ratio(m, static_cast<double>(b.size())), out);
}

struct Alignment {
  float hard = 0;       // weighted share aligned by stem or synonym
  float soft = 0;       // weighted mean best similarity
  float unaligned = 0;  // words below kAlignedSimilarity
  float unaligned_names = 0;
  float unaligned_weight = 0;  // information of the words left unaligned
  float aligned_share = 0;     // weighted share at or above kAlignedSimilarity
  // The same soft alignment weighed by the words' learned term weights
  // (TF-KLD): mean best similarity, and the weight left unaligned.
  float kld_soft = 0;
  float kld_unaligned = 0;
};

// The learned term weight of content word x of p (0 for a word that is not
// among p's terms).
float ContentTermWeight(const ClaimProfile& p, const ContentWord& x) {
  const auto it = std::lower_bound(p.terms.begin(), p.terms.end(), x.stem_id);
  return it != p.terms.end() && *it == x.stem_id
             ? p.term_weights[static_cast<size_t>(it - p.terms.begin())]
             : 0.0f;
}

// Similarity of every content word of a to every one of b (1 same stem, 0.9
// WordNet synonym, else the vectors' cosine below that), computed once for
// both directions of the alignment.
void WordSimilarities(const ClaimProfile& a, const ClaimProfile& b, size_t na, size_t nb,
                      std::vector<float>& sim) {
  const size_t stride = ContentVectorStride();
  sim.resize(na * nb);
  float* out = sim.data();
  for (size_t i = 0; i < na; ++i) {
    const ContentWord& x = a.content[i];
    const int16_t* xv = a.content_vectors.data() + i * stride;
    for (size_t j = 0; j < nb; ++j) {
      const ContentWord& y = b.content[j];
      float v = 0;
      if (x.stem_id == y.stem_id) {
        v = 1;
      } else if ((x.synonym_bits & y.synonym_bits) != 0 &&
                 Synonyms::Share(x.synonym_sets, y.synonym_sets)) {
        v = kSynonymSimilarity;
      } else {
        const int16_t* yv = b.content_vectors.data() + j * stride;
        int32_t dot = 0;
        for (size_t k = 0; k < stride; ++k) dot += int32_t{xv[k]} * yv[k];
        v = std::min(
            kSynonymSimilarity - 0.05f,
            static_cast<float>(dot) * a.content_inverse_norms[i] * b.content_inverse_norms[j]);
      }
      out[i * nb + j] = v;
    }
  }
}

// Aligns each content word of `from` to its best partner; `best[i]` is that
// similarity for word i.
Alignment Summarize(const ClaimProfile& from, const std::vector<float>& best) {
  Alignment r;
  double total = 0, hard = 0, soft = 0, aligned = 0, kld_total = 0, kld_soft = 0;
  for (size_t i = 0; i < best.size(); ++i) {
    const ContentWord& x = from.content[i];
    const double kld = ContentTermWeight(from, x);
    kld_total += kld;
    kld_soft += kld * best[i];
    if (best[i] < kAlignedSimilarity) r.kld_unaligned += static_cast<float>(kld);
    total += x.weight;
    if (best[i] >= kSynonymSimilarity) hard += x.weight;
    soft += x.weight * best[i];
    if (best[i] >= kAlignedSimilarity) {
      aligned += x.weight;
    } else {
      ++r.unaligned;
      r.unaligned_weight += x.weight;
      if (x.capitalized) ++r.unaligned_names;
    }
  }
  r.hard = Ratio(hard, total);
  r.soft = Ratio(soft, total);
  r.aligned_share = Ratio(aligned, total);
  r.kld_soft = Ratio(kld_soft, kld_total);
  return r;
}

// Both directions' alignments.
std::pair<Alignment, Alignment> Align(const ClaimProfile& a, const ClaimProfile& b) {
  const size_t na = std::min(a.content.size(), kMaxProfileTokens);
  const size_t nb = std::min(b.content.size(), kMaxProfileTokens);
  thread_local std::vector<float> sim;  // reused: pairs are scored by the thousand
  WordSimilarities(a, b, na, nb, sim);
  std::vector<float> best_a(na, 0.0f), best_b(nb, 0.0f);
  for (size_t i = 0; i < na; ++i) {
    for (size_t j = 0; j < nb; ++j) {
      best_a[i] = std::max(best_a[i], sim[i * nb + j]);
      best_b[j] = std::max(best_b[j], sim[i * nb + j]);
    }
  }
  return {Summarize(a, best_a), Summarize(b, best_b)};
}

// Weighted containment of content stems (each stem once).
float StemContainment(const ClaimProfile& a, const ClaimProfile& b, bool names_only) {
  double total = 0, shared = 0;
  for (const ContentWord& x : a.content) {
    if (names_only && !x.capitalized) continue;
    total += x.weight;
    for (const ContentWord& y : b.content) {
      if (x.stem_id == y.stem_id) {
        shared += x.weight;
        break;
      }
    }
  }
  if (names_only && total == 0) return 1;  // nothing of a's to miss
  return Ratio(shared, total);
}

float VectorCosine(const std::vector<float>& a, const std::vector<float>& b) {
  if (a.empty() || b.empty() || a.size() != b.size()) return 0;
  double dot = 0, aa = 0, bb = 0;
  for (size_t k = 0; k < a.size(); ++k) {
    dot += a[k] * b[k];
    aa += a[k] * a[k];
    bb += b[k] * b[k];
  }
  return aa > 0 && bb > 0 ? static_cast<float>(dot / std::sqrt(aa * bb)) : 0.0f;
}

}  // namespace

float StemOverlap(const ClaimProfile& a, const ClaimProfile& b) {
  const auto m = static_cast<double>(MultisetMatches(a.stem_ngrams[0], b.stem_ngrams[0]));
  return std::max(Ratio(m, static_cast<double>(a.stem_ngrams[0].size())),
                  Ratio(m, static_cast<double>(b.stem_ngrams[0].size())));
}

namespace {

// Whether two numbers are one figure, rounded: within kRoundingShare of the
// larger ("296" / "300"; not "1.8" / "2", nor "12" / "21"). Compare's number
// facts still show such figures side by side.
constexpr double kRoundingShare = 0.05;

bool OneFigureRounded(const std::string& x, const std::string& y) {
  const double u = std::strtod(x.c_str(), nullptr), v = std::strtod(y.c_str(), nullptr);
  return u > 0 && v > 0 && std::abs(u - v) <= kRoundingShare * std::max(u, v);
}

}  // namespace

bool NumbersConflict(const ClaimProfile& a, const ClaimProfile& b) {
  auto only_in = [](const ClaimProfile& x, const ClaimProfile& y) {
    std::vector<const NumberSlot*> out;
    for (const NumberSlot& s : x.number_slots) {
      if (!std::binary_search(y.numbers.begin(), y.numbers.end(), s.value)) out.push_back(&s);
    }
    return out;
  };
  const auto a_only = only_in(a, b), b_only = only_in(b, a);
  for (const NumberSlot* x : a_only) {
    for (const NumberSlot* y : b_only) {
      const bool same_slot =
          (x->left != 0 && x->left == y->left) || (x->right != 0 && x->right == y->right);
      if (same_slot && !OneFigureRounded(x->value, y->value)) return true;
    }
  }
  return false;
}

bool NegationDiffers(const ClaimProfile& a, const ClaimProfile& b) {
  auto negates_assertion = [](const ClaimProfile& x, const ClaimProfile& y) {
    if (y.negations > 0) return false;
    return std::any_of(x.negated.begin(), x.negated.end(), [&](uint32_t stem) {
      return std::binary_search(y.content_stems.begin(), y.content_stems.end(), stem);
    });
  };
  return negates_assertion(a, b) || negates_assertion(b, a);
}

const std::array<std::string_view, kClaimFeatureCount>& ClaimFeatureNames() {
  static const std::array<std::string_view, kClaimFeatureCount> kNames = {"word1_min",
                                                                          "word1_max",
                                                                          "word2_min",
                                                                          "word2_max",
                                                                          "word3_min",
                                                                          "word3_max",
                                                                          "word4_min",
                                                                          "word4_max",
                                                                          "stem1_min",
                                                                          "stem1_max",
                                                                          "stem2_min",
                                                                          "stem2_max",
                                                                          "stem3_min",
                                                                          "stem3_max",
                                                                          "char3_min",
                                                                          "char3_max",
                                                                          "char4_min",
                                                                          "char4_max",
                                                                          "content_min",
                                                                          "content_max",
                                                                          "align_hard_min",
                                                                          "align_hard_max",
                                                                          "align_soft_min",
                                                                          "align_soft_max",
                                                                          "mean_vector_cos",
                                                                          "unaligned_min",
                                                                          "unaligned_max",
                                                                          "unaligned_names_min",
                                                                          "unaligned_names_max",
                                                                          "unaligned_weight_min",
                                                                          "unaligned_weight_max",
                                                                          "aligned_share_min",
                                                                          "aligned_share_max",
                                                                          "names_min",
                                                                          "names_max",
                                                                          "tokens_min",
                                                                          "tokens_max",
                                                                          "tokens_diff",
                                                                          "edit_distance",
                                                                          "lcs_min",
                                                                          "lcs_max",
                                                                          "numbers_min",
                                                                          "numbers_max",
                                                                          "numbers_shared",
                                                                          "numbers_one_side",
                                                                          "numbers_conflict",
                                                                          "negations_min",
                                                                          "negations_max",
                                                                          "negation_differs",
                                                                          "kld_cos",
                                                                          "kld_unshared_share_min",
                                                                          "kld_unshared_share_max",
                                                                          "kld_unshared_min",
                                                                          "kld_unshared_max",
                                                                          "kld_align_soft_min",
                                                                          "kld_align_soft_max",
                                                                          "kld_unaligned_min",
                                                                          "kld_unaligned_max",
                                                                          "meteor_fragmentation",
                                                                          "meteor_min",
                                                                          "meteor_max",
                                                                          "content_char3_min",
                                                                          "content_char3_max",
                                                                          "content_char4_min",
                                                                          "content_char4_max",
                                                                          "content_char5_min",
                                                                          "content_char5_max"};
  return kNames;
}

namespace {

// The TF-KLD features: cosine of the two sentences' terms weighed by their
// learned weights, and the weight of each sentence's terms the other lacks
// (as a share of its own and absolute).
void PushWeightedOverlap(const ClaimProfile& a, const ClaimProfile& b, float*& out) {
  double shared = 0, only_a = 0, only_b = 0, norm_a = 0, norm_b = 0;
  size_t i = 0, j = 0;
  const size_t na = a.terms.size(), nb = b.terms.size();
  while (i < na || j < nb) {
    if (j == nb || (i < na && a.terms[i] < b.terms[j])) {
      const double w = a.term_weights[i++];
      only_a += w, norm_a += w * w;
    } else if (i == na || b.terms[j] < a.terms[i]) {
      const double w = b.term_weights[j++];
      only_b += w, norm_b += w * w;
    } else {
      const double w = a.term_weights[i++];
      ++j;
      shared += w * w, norm_a += w * w, norm_b += w * w;
    }
  }
  *out++ = Ratio(shared, std::sqrt(norm_a * norm_b));
  double mass_a = 0, mass_b = 0;
  for (float w : a.term_weights) mass_a += w;
  for (float w : b.term_weights) mass_b += w;
  PushMinMax(Ratio(only_a, mass_a), Ratio(only_b, mass_b), out);
  PushMinMax(static_cast<float>(only_a), static_cast<float>(only_b), out);
}

// METEOR (Banerjee and Lavie 2005), as Madnani et al. (NAACL 2012) use it
// for paraphrase: the tokens of `a` aligned one to one to those of `b` by
// stem, left to right, each to the partner that continues the previous
// match's run if it can, else to the one that starts the longest run (a
// cheap stand-in for METEOR's fewest-crossings search). Returns {matches,
// runs}.
std::pair<size_t, size_t> MeteorMatches(std::span<const uint32_t> a, std::span<const uint32_t> b,
                                        const PositionMasks& b_positions) {
  using Bits = PositionMasks::Bits;
  Bits used = 0;
  size_t matches = 0, runs = 0, previous = SIZE_MAX;  // b position of a[i-1]'s match
  for (size_t i = 0; i < a.size(); ++i) {
    Bits free = b_positions.Of(a[i]) & ~used;
    size_t match = SIZE_MAX;
    if (previous != SIZE_MAX && previous + 1 < b.size() && ((free >> (previous + 1)) & 1) != 0) {
      match = previous + 1;
    } else {
      // A new run starts where the longest run of free matches follows.
      size_t longest = 0;
      for (; free != 0; free &= free - 1) {
        const auto j = static_cast<size_t>(std::countr_zero(free));
        size_t length = 1;
        while (i + length < a.size() && j + length < b.size() &&
               ((used >> (j + length)) & 1) == 0 && b[j + length] == a[i + length])
          ++length;
        if (length > longest) longest = length, match = j;
      }
      runs += static_cast<size_t>(match != SIZE_MAX);
    }
    if (match != SIZE_MAX) used |= Bits{1} << match, ++matches;
    previous = match;
  }
  return {matches, runs};
}

// The METEOR score of `a` against the reference `b` (the recall-weighted
// harmonic mean times 1 - 0.5 fragmentation^3) and its fragmentation
// (runs / matches).
std::pair<float, float> Meteor(const ClaimProfile& a, const ClaimProfile& b) {
  const std::span<const uint32_t> sa = FirstProfileTokens(a.stems);
  const std::span<const uint32_t> sb = FirstProfileTokens(b.stems);
  const auto [matches, runs] = MeteorMatches(sa, sb, b.stem_positions);
  if (matches == 0) return {0.0f, 1.0f};
  const double m = static_cast<double>(matches);
  const double p = m / static_cast<double>(sa.size()), r = m / static_cast<double>(sb.size());
  const double fragmentation = static_cast<double>(runs) / m;
  const double keep = 1 - 0.5 * fragmentation * fragmentation * fragmentation;
  return {static_cast<float>(10 * p * r / (r + 9 * p) * keep), static_cast<float>(fragmentation)};
}

// Mean fragmentation of both directions, and min and max of their scores.
void PushMeteor(const ClaimProfile& a, const ClaimProfile& b, float*& out) {
  const auto [ab, ab_fragmentation] = Meteor(a, b);
  const auto [ba, ba_fragmentation] = Meteor(b, a);
  *out++ = (ab_fragmentation + ba_fragmentation) / 2;
  PushMinMax(ab, ba, out);
}

}  // namespace

ClaimFeatures PairFeatures(const ClaimProfile& a, const ClaimProfile& b) {
  ClaimFeatures f{};
  float* out = f.data();
  for (size_t n = 0; n < 4; ++n) PushContainment(a.word_ngrams[n], b.word_ngrams[n], out);
  for (size_t n = 0; n < 3; ++n) PushContainment(a.stem_ngrams[n], b.stem_ngrams[n], out);
  for (size_t n = 0; n < 2; ++n) PushContainment(a.char_ngrams[n], b.char_ngrams[n], out);
  PushMinMax(StemContainment(a, b, false), StemContainment(b, a, false), out);
  const auto [ab, ba] = Align(a, b);
  PushMinMax(ab.hard, ba.hard, out);
  PushMinMax(ab.soft, ba.soft, out);
  *out++ = VectorCosine(a.mean_vector, b.mean_vector);
  PushMinMax(ab.unaligned, ba.unaligned, out);
  PushMinMax(ab.unaligned_names, ba.unaligned_names, out);
  PushMinMax(ab.unaligned_weight, ba.unaligned_weight, out);
  PushMinMax(ab.aligned_share, ba.aligned_share, out);
  PushMinMax(StemContainment(a, b, true), StemContainment(b, a, true), out);
  const auto la = static_cast<float>(a.norms.size()), lb = static_cast<float>(b.norms.size());
  PushMinMax(la, lb, out);
  *out++ = std::abs(la - lb);
  const std::span<const uint32_t> na = FirstProfileTokens(a.norms);
  *out++ = Ratio(static_cast<double>(EditDistance(na, b.norm_positions)),
                 static_cast<double>(std::max(na.size(), b.norm_positions.length())));
  const std::span<const uint32_t> sa = FirstProfileTokens(a.stems);
  const auto lcs = static_cast<double>(CommonSubsequence(sa, b.stem_positions));
  PushMinMax(Ratio(lcs, static_cast<double>(sa.size())),
             Ratio(lcs, static_cast<double>(b.stem_positions.length())), out);
  PushMinMax(static_cast<float>(a.numbers.size()), static_cast<float>(b.numbers.size()), out);
  size_t shared = 0;
  for (const std::string& n : a.numbers)
    shared += std::binary_search(b.numbers.begin(), b.numbers.end(), n);
  *out++ = static_cast<float>(shared);
  *out++ = static_cast<float>(a.numbers.size() + b.numbers.size() - 2 * shared);
  *out++ = NumbersConflict(a, b) ? 1.0f : 0.0f;
  PushMinMax(static_cast<float>(a.negations), static_cast<float>(b.negations), out);
  *out++ = NegationDiffers(a, b) ? 1.0f : 0.0f;
  PushWeightedOverlap(a, b, out);
  PushMinMax(ab.kld_soft, ba.kld_soft, out);
  PushMinMax(ab.kld_unaligned, ba.kld_unaligned, out);
  PushMeteor(a, b, out);
  for (size_t n = 0; n < 3; ++n)
    PushContainment(a.content_char_ngrams[n], b.content_char_ngrams[n], out);
  return f;
}

}  // namespace chorus::represent

// ROUGE-L at summary level, as ROUGE-1.5.5's lcs() computes it.
//
// For each model sentence, the LCS with every peer sentence is traced back
// (ties broken like the script: diagonal on a match, else up when
// c[i-1][j] >= c[i][j-1], else left) and the matched model positions are
// marked; the union of marks is then walked left to right, and a marked token
// is a hit only while both the model's and the peer's remaining unigram
// counts for it (from the readText view) are positive; each hit spends one of
// each. The peer counts are fresh for every model.
#ifndef CHORUS_SRC_EVAL_ROUGE_LCS_H_
#define CHORUS_SRC_EVAL_ROUGE_LCS_H_

#include <cstdint>
#include <vector>

#include "chorus/status.h"
#include "eval/rouge_tokens.h"

namespace chorus::rouge {

// LCS tables larger than this (model sentence x peer sentence tokens) are
// refused rather than allocated: such "sentences" are unsplit documents.
inline constexpr int64_t kMaxLcsCells = int64_t{1} << 24;

struct LcsCounts {
  int64_t hits = 0;          // clipped union-LCS hits
  int64_t model_tokens = 0;  // recall base: tokens of the model's sentences
};

// Reusable buffers; sized on demand. One per scorer (not thread-safe).
class LcsScratch {
 public:
  // Union-LCS hits of `model` against `peer`. `vocabulary_size` bounds the
  // token ids of both.
  Result<LcsCounts> Score(const SummaryTokens& model, const SummaryTokens& peer,
                          size_t vocabulary_size);

 private:
  void MarkLcs(const uint32_t* model, uint32_t m, const uint32_t* peer, uint32_t n);

  std::vector<uint16_t> table_;       // (m+1) x (n+1) LCS lengths
  std::vector<uint8_t> hit_mask_;     // per model-sentence position
  std::vector<int32_t> model_count_;  // remaining unigram counts, by id
  std::vector<int32_t> peer_count_;
};

}  // namespace chorus::rouge

#endif  // CHORUS_SRC_EVAL_ROUGE_LCS_H_

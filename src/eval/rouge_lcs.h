// ROUGE-L at summary level, as ROUGE-1.5.5's lcs() computes it.
//
// For each model sentence, the LCS with every peer sentence is traced back
// (ties broken like the script: diagonal on a match, else up when
// c[i-1][j] >= c[i][j-1], else left) and the matched model positions are
// marked; the union of marks is then walked left to right, and a marked token
// is a hit only while both the model's and the peer's remaining unigram
// counts for it (from the readText view) are positive; each hit spends one of
// each. The peer counts are fresh for every model.
//
// Speed: the LCS table is computed 64 columns per machine word (Hyyro's
// bit-vector recurrence: row i is a word vector V_i whose zero bits mark the
// columns where c[i][.] grows, so c[i][j] = j - popcount(V_i & low j bits)),
// and the script's back-pointer walk reads c from those rows. This gives the
// same marks as the script's O(m x n) table (checked against
// MarkLcsReference in rouge_lcs_test.cc) at a fraction of the cost.
#ifndef CHORUS_SRC_EVAL_ROUGE_LCS_H_
#define CHORUS_SRC_EVAL_ROUGE_LCS_H_

#include <cstdint>
#include <span>
#include <vector>

#include "chorus/status.h"
#include "eval/rouge_tokens.h"

namespace chorus::rouge {

// LCS problems larger than this (model sentence x peer sentence tokens) are
// refused rather than allocated: such "sentences" are unsplit documents.
inline constexpr int64_t kMaxLcsCells = int64_t{1} << 28;

struct LcsCounts {
  int64_t hits = 0;          // clipped union-LCS hits
  int64_t model_tokens = 0;  // recall base: tokens of the model's sentences
};

// The script's lcs_inner + markLCS on a plain table: sets mask[i] for the
// model positions on its LCS path. The reference the fast path is tested
// against.
void MarkLcsReference(std::span<const uint32_t> model, std::span<const uint32_t> peer,
                      std::vector<uint8_t>* mask);

// Reusable buffers; sized on demand. One per scorer (not thread-safe).
class LcsScratch {
 public:
  // Union-LCS hits of `model` against `peer`. `vocabulary_size` bounds the
  // token ids of both.
  Result<LcsCounts> Score(const SummaryTokens& model, const SummaryTokens& peer,
                          size_t vocabulary_size);

  // The bit-parallel equivalent of MarkLcsReference (ORs into `mask`).
  // `vocabulary_size` bounds the ids.
  void MarkLcs(std::span<const uint32_t> model, std::span<const uint32_t> peer,
               size_t vocabulary_size, uint8_t* mask);

 private:
  // Match masks of one peer sentence: slot_of_id_[id] indexes masks_.
  void LoadPeerSentence(std::span<const uint32_t> peer, size_t vocabulary_size);
  void UnloadPeerSentence(std::span<const uint32_t> peer);
  void MarkLoaded(std::span<const uint32_t> model, std::span<const uint32_t> peer, uint8_t* mask);

  size_t words_ = 0;                  // 64-bit words per row of the loaded peer sentence
  std::vector<int32_t> slot_of_id_;   // -1: the id is not in the loaded sentence
  std::vector<uint64_t> masks_;       // slot * words_ .. : positions of the id
  std::vector<uint32_t> matched_;     // model positions whose token is in the sentence
  std::vector<uint64_t> rows_;        // V after each matched position, words_ each
  std::vector<uint8_t> marks_;        // union marks over one model's lcs tokens
  std::vector<int32_t> model_count_;  // remaining unigram counts, by id
  std::vector<int32_t> peer_count_;
};

}  // namespace chorus::rouge

#endif  // CHORUS_SRC_EVAL_ROUGE_LCS_H_

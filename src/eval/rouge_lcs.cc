#include "eval/rouge_lcs.h"

#include <fmt/format.h>

#include <algorithm>

namespace chorus::rouge {

// lcs_inner + markLCS: marks in hit_mask_ the model positions on the LCS
// path the script's back-pointers follow.
void LcsScratch::MarkLcs(const uint32_t* model, uint32_t m, const uint32_t* peer, uint32_t n) {
  const size_t width = n + 1;
  const size_t cells = (m + 1) * width;
  if (table_.size() < cells) table_.resize(cells);
  std::fill(table_.begin(), table_.begin() + static_cast<ptrdiff_t>(width), uint16_t{0});
  for (uint32_t i = 1; i <= m; ++i) {
    uint16_t* row = &table_[i * width];
    row[0] = 0;
    const uint16_t* up = &table_[(i - 1) * width];
    const uint32_t token = model[i - 1];
    for (uint32_t j = 1; j <= n; ++j) {
      if (token == peer[j - 1]) {
        row[j] = static_cast<uint16_t>(up[j - 1] + 1);
      } else {
        row[j] = std::max(up[j], row[j - 1]);
      }
    }
  }
  uint32_t i = m;
  uint32_t j = n;
  while (i != 0 && j != 0) {
    if (model[i - 1] == peer[j - 1]) {
      --i;
      --j;
      hit_mask_[i] = 1;
    } else if (table_[(i - 1) * width + j] >= table_[i * width + j - 1]) {
      --i;
    } else {
      --j;
    }
  }
}

Result<LcsCounts> LcsScratch::Score(const SummaryTokens& model, const SummaryTokens& peer,
                                    size_t vocabulary_size) {
  if (model_count_.size() < vocabulary_size) {
    model_count_.resize(vocabulary_size, 0);
    peer_count_.resize(vocabulary_size, 0);
  }
  for (uint32_t id : model.flat) ++model_count_[id];
  for (uint32_t id : peer.flat) ++peer_count_[id];

  LcsCounts counts;
  Status status;
  uint32_t model_begin = 0;
  for (uint32_t model_end : model.sentence_ends) {
    const uint32_t m = model_end - model_begin;
    const uint32_t* model_tokens = model.lcs.data() + model_begin;
    counts.model_tokens += m;
    hit_mask_.assign(m, 0);
    uint32_t peer_begin = 0;
    for (uint32_t peer_end : peer.sentence_ends) {
      const uint32_t n = peer_end - peer_begin;
      if (m > 0 && n > 0) {
        if (static_cast<int64_t>(m) * n > kMaxLcsCells || m >= UINT16_MAX || n >= UINT16_MAX) {
          status = ResourceExhaustedError(fmt::format(
              "ROUGE-L: a model sentence of {} tokens against a peer sentence of {} tokens "
              "exceeds the LCS table limit of {} cells; put one sentence a line",
              m, n, kMaxLcsCells));
          break;
        }
        MarkLcs(model_tokens, m, peer.lcs.data() + peer_begin, n);
      }
      peer_begin = peer_end;
    }
    if (!status.ok()) break;
    for (uint32_t k = 0; k < m; ++k) {
      const uint32_t id = model_tokens[k];
      if (hit_mask_[k] && model_count_[id] > 0 && peer_count_[id] > 0) {
        ++counts.hits;
        --model_count_[id];
        --peer_count_[id];
      }
    }
    model_begin = model_end;
  }
  // Reset only what was touched, so the next call starts from zero.
  for (uint32_t id : model.flat) model_count_[id] = 0;
  for (uint32_t id : peer.flat) peer_count_[id] = 0;
  if (!status.ok()) return status;
  return counts;
}

}  // namespace chorus::rouge

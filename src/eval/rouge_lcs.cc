#include "eval/rouge_lcs.h"

#include <fmt/format.h>

#include <algorithm>

namespace chorus::rouge {

void MarkLcsReference(std::span<const uint32_t> model, std::span<const uint32_t> peer,
                      std::vector<uint8_t>* mask) {
  const size_t m = model.size();
  const size_t n = peer.size();
  std::vector<std::vector<uint32_t>> c(m + 1, std::vector<uint32_t>(n + 1, 0));
  for (size_t i = 1; i <= m; ++i) {
    for (size_t j = 1; j <= n; ++j) {
      c[i][j] =
          model[i - 1] == peer[j - 1] ? c[i - 1][j - 1] + 1 : std::max(c[i - 1][j], c[i][j - 1]);
    }
  }
  size_t i = m;
  size_t j = n;
  while (i != 0 && j != 0) {
    if (model[i - 1] == peer[j - 1]) {
      (*mask)[--i] = 1;
      --j;
    } else if (c[i - 1][j] >= c[i][j - 1]) {
      --i;
    } else {
      --j;
    }
  }
}

void LcsScratch::LoadPeerSentence(std::span<const uint32_t> peer, size_t vocabulary_size) {
  if (slot_of_id_.size() < vocabulary_size) slot_of_id_.resize(vocabulary_size, -1);
  words_ = (peer.size() + 63) / 64;
  masks_.clear();
  int32_t slots = 0;
  for (size_t j = 0; j < peer.size(); ++j) {
    int32_t& slot = slot_of_id_[peer[j]];
    if (slot < 0) {
      slot = slots++;
      masks_.resize(static_cast<size_t>(slots) * words_, 0);
    }
    masks_[static_cast<size_t>(slot) * words_ + j / 64] |= uint64_t{1} << (j % 64);
  }
}

void LcsScratch::UnloadPeerSentence(std::span<const uint32_t> peer) {
  for (uint32_t id : peer) slot_of_id_[id] = -1;
}

namespace {

// std::popcount becomes a libgcc call without -mpopcnt (which chorus does
// not force on everyone); this SWAR count inlines to a dozen instructions.
inline uint32_t PopCount(uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<uint32_t>((x * 0x0101010101010101ULL) >> 56);
}

// c[row][k]: zeros among the low k bits of the row (k <= 64 * words).
inline uint32_t LcsAt(const uint64_t* row, size_t k) {
  if (k <= 64) {
    const uint64_t low = k == 64 ? ~uint64_t{0} : (uint64_t{1} << k) - 1;
    return static_cast<uint32_t>(k) - PopCount(row[0] & low);
  }
  uint32_t ones = 0;
  size_t w = 0;
  for (; (w + 1) * 64 <= k; ++w) ones += PopCount(row[w]);
  if (k % 64 != 0) ones += PopCount(row[w] & ((uint64_t{1} << (k % 64)) - 1));
  return static_cast<uint32_t>(k) - ones;
}

}  // namespace

void LcsScratch::MarkLoaded(std::span<const uint32_t> model, std::span<const uint32_t> peer,
                            uint8_t* mask) {
  // Only rows of model tokens that occur in the peer sentence change V; the
  // others equal the row above and the script's walk always goes up through
  // them. So rows are kept for matching positions only: rows_[t] is V after
  // the t-th matching model position matched_[t - 1].
  const size_t m = model.size();
  const size_t n = peer.size();
  const size_t words = words_;
  matched_.clear();
  for (size_t i = 0; i < m; ++i) {
    if (slot_of_id_[model[i]] >= 0) matched_.push_back(static_cast<uint32_t>(i));
  }
  const size_t k = matched_.size();
  if (k == 0) return;
  rows_.resize((k + 1) * words);
  std::fill(rows_.begin(), rows_.begin() + static_cast<ptrdiff_t>(words), ~uint64_t{0});
  for (size_t t = 1; t <= k; ++t) {
    const uint64_t* v = &rows_[(t - 1) * words];
    uint64_t* next = &rows_[t * words];
    const uint64_t* match =
        &masks_[static_cast<size_t>(slot_of_id_[model[matched_[t - 1]]]) * words];
    if (words == 1) {  // the common case: a peer sentence of at most 64 tokens
      const uint64_t u = v[0] & match[0];
      next[0] = (v[0] + u) | (v[0] & ~u);
      continue;
    }
    uint64_t carry = 0;
    for (size_t w = 0; w < words; ++w) {
      const uint64_t u = v[w] & match[w];
      const uint64_t sum = v[w] + u;
      const uint64_t total = sum + carry;
      carry = (sum < v[w]) | (total < sum);
      next[w] = total | (v[w] & ~u);
    }
  }
  // The script's back-pointer walk over the kept rows. `cur` tracks c at
  // (row t, column j); a left neighbour differs from it by one bit of the
  // row, so only the upper neighbour needs a prefix count. Once c is 0 no
  // match remains.
  size_t t = k;
  size_t j = n;
  uint32_t cur = LcsAt(&rows_[k * words], n);
  while (t != 0 && j != 0 && cur != 0) {
    const uint32_t i = matched_[t - 1];
    if (model[i] == peer[j - 1]) {
      mask[i] = 1;
      --t;
      --j;
      --cur;
      continue;
    }
    const uint64_t bit = (rows_[t * words + (j - 1) / 64] >> ((j - 1) % 64)) & 1;
    const uint32_t left = cur - static_cast<uint32_t>(bit ^ 1);  // c[i][j-1]
    const uint32_t up = LcsAt(&rows_[(t - 1) * words], j);       // c[i-1][j]
    if (up >= left) {
      --t;
      cur = up;
    } else {
      --j;
      cur = left;
    }
  }
}

void LcsScratch::MarkLcs(std::span<const uint32_t> model, std::span<const uint32_t> peer,
                         size_t vocabulary_size, uint8_t* mask) {
  if (model.empty() || peer.empty()) return;
  LoadPeerSentence(peer, vocabulary_size);
  MarkLoaded(model, peer, mask);
  UnloadPeerSentence(peer);
}

Result<LcsCounts> LcsScratch::Score(const SummaryTokens& model, const SummaryTokens& peer,
                                    size_t vocabulary_size) {
  // Union marks over the model's sentences: peer sentences outside, so each
  // one's match masks are built once per model.
  marks_.assign(model.lcs.size(), 0);
  const std::span<const uint32_t> model_tokens(model.lcs);
  uint32_t peer_begin = 0;
  for (uint32_t peer_end : peer.sentence_ends) {
    const std::span<const uint32_t> peer_sentence(peer.lcs.data() + peer_begin,
                                                  peer_end - peer_begin);
    peer_begin = peer_end;
    if (peer_sentence.empty()) continue;
    LoadPeerSentence(peer_sentence, vocabulary_size);
    uint32_t model_begin = 0;
    Status status;
    for (uint32_t model_end : model.sentence_ends) {
      const uint32_t m = model_end - model_begin;
      if (static_cast<int64_t>(m) * static_cast<int64_t>(peer_sentence.size()) > kMaxLcsCells) {
        status = ResourceExhaustedError(fmt::format(
            "ROUGE-L: a model sentence of {} tokens against a peer sentence of {} tokens "
            "exceeds the LCS limit of {} cells; put one sentence a line",
            m, peer_sentence.size(), kMaxLcsCells));
        break;
      }
      if (m > 0) {
        MarkLoaded(model_tokens.subspan(model_begin, m), peer_sentence,
                   marks_.data() + model_begin);
      }
      model_begin = model_end;
    }
    UnloadPeerSentence(peer_sentence);
    if (!status.ok()) return status;
  }

  // Clipping: walk the marks in order, spending unigram counts.
  if (model_count_.size() < vocabulary_size) {
    model_count_.resize(vocabulary_size, 0);
    peer_count_.resize(vocabulary_size, 0);
  }
  for (uint32_t id : model.flat) ++model_count_[id];
  for (uint32_t id : peer.flat) ++peer_count_[id];
  LcsCounts counts;
  counts.model_tokens = static_cast<int64_t>(model.lcs.size());
  for (size_t k = 0; k < model.lcs.size(); ++k) {
    const uint32_t id = model.lcs[k];
    if (marks_[k] && model_count_[id] > 0 && peer_count_[id] > 0) {
      ++counts.hits;
      --model_count_[id];
      --peer_count_[id];
    }
  }
  for (uint32_t id : model.flat) model_count_[id] = 0;
  for (uint32_t id : peer.flat) peer_count_[id] = 0;
  return counts;
}

}  // namespace chorus::rouge

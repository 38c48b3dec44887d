#include "clean/rule_gate.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "clean/literal_finder.h"

namespace chorus::clean {
namespace {

constexpr size_t kPlaces = RuleGate::kTestedBytes;

// Whether the needle's tested bytes at `at` lie in the whole word.
bool FoundAt(const unsigned char* p, size_t n, const RuleGate::Needle& needle, size_t at) {
  if (at < needle.anchor) return false;
  const size_t start = at - needle.anchor;
  if (start + needle.word.size() > n) return false;
  return MatchesFolded(p + start, needle.word);
}

// Tests position `at` for each needle of `*active`; clears those found.
void ScanByte(const unsigned char* p, size_t n, const std::vector<RuleGate::Needle>& needles,
              size_t at, uint64_t* active, uint64_t* found) {
  const unsigned char c = p[at] | 0x20;
  for (uint64_t bits = *active; bits != 0; bits &= bits - 1) {
    const size_t j = static_cast<size_t>(__builtin_ctzll(bits));
    if (c == needles[j].a && FoundAt(p, n, needles[j], at)) {
      *found |= uint64_t{1} << j;
      *active &= ~(uint64_t{1} << j);
    }
  }
}

#if defined(__x86_64__)
// Checks exactly each candidate a vector block flagged: `mask` has a bit per
// block position (from `q`) whose `buckets` byte names the buckets that may
// hold a needle starting there.
void VerifyBlockHits(const unsigned char* p, size_t n, size_t q, uint32_t mask,
                     const uint8_t* buckets, const std::vector<RuleGate::Needle>& needles,
                     const RuleGate::NibbleTables& tables, uint64_t* active, uint64_t* found) {
  for (; mask != 0; mask &= mask - 1) {
    const unsigned bit = static_cast<unsigned>(__builtin_ctz(mask));
    for (unsigned hit = buckets[bit]; hit != 0; hit &= hit - 1) {
      uint64_t candidates = tables.in_bucket[static_cast<size_t>(__builtin_ctz(hit))] & *active;
      for (; candidates != 0; candidates &= candidates - 1) {
        const size_t j = static_cast<size_t>(__builtin_ctzll(candidates));
        if (FoundAt(p, n, needles[j], q + bit)) {
          *found |= uint64_t{1} << j;
          *active &= ~(uint64_t{1} << j);
        }
      }
    }
  }
}

// The buckets whose needles may have the 16 bytes at `p` (or-ed with 0x20) at
// one place of their tested three, by that place's nibble tables.
__attribute__((target("ssse3"))) inline __m128i BucketsAt(const unsigned char* p, __m128i lo,
                                                          __m128i hi) {
  const __m128i low_nibble = _mm_set1_epi8(0x0F);
  const __m128i v =
      _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), _mm_set1_epi8(0x20));
  return _mm_and_si128(_mm_shuffle_epi8(lo, _mm_and_si128(v, low_nibble)),
                       _mm_shuffle_epi8(hi, _mm_and_si128(_mm_srli_epi16(v, 4), low_nibble)));
}

// Scans positions [0, n - 3) of `p` (n >= 19), 16 at a time, for the needles
// of `*active`. Or-ing 0x20 maps the two cases of a letter to one value (and
// some other bytes onto others: candidates are verified exactly).
__attribute__((target("ssse3"))) void ScanBlocksSsse3(const unsigned char* p, size_t n,
                                                      const std::vector<RuleGate::Needle>& needles,
                                                      const RuleGate::NibbleTables& tables,
                                                      uint64_t* active, uint64_t* found) {
  __m128i table[2 * kPlaces];
  for (size_t k = 0; k < 2 * kPlaces; ++k) {
    table[k] = _mm_load_si128(reinterpret_cast<const __m128i*>(tables.table[k]));
  }
  const size_t end = n - (kPlaces - 1);  // blocks read three bytes past their 16 positions
  for (size_t done = 0; done < end && *active != 0;) {
    // The last block ends at `end` and may overlap the one before: only its
    // positions from `done` on count.
    const size_t q = std::min(done, end - 16);
    const __m128i r = _mm_and_si128(_mm_and_si128(BucketsAt(p + q, table[0], table[1]),
                                                  BucketsAt(p + q + 1, table[2], table[3])),
                                    _mm_and_si128(BucketsAt(p + q + 2, table[4], table[5]),
                                                  BucketsAt(p + q + 3, table[6], table[7])));
    unsigned mask =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(r, _mm_setzero_si128()))) ^ 0xFFFFu;
    mask &= 0xFFFFu << (done - q);
    if (mask != 0) {
      alignas(16) uint8_t buckets[16];
      _mm_store_si128(reinterpret_cast<__m128i*>(buckets), r);
      VerifyBlockHits(p, n, q, mask, buckets, needles, tables, active, found);
    }
    done = q + 16;
  }
}

// The AVX2 form of BucketsAt: 32 bytes, the tables repeated in both lanes.
__attribute__((target("avx2"))) inline __m256i BucketsAt32(const unsigned char* p, __m256i lo,
                                                           __m256i hi) {
  const __m256i low_nibble = _mm256_set1_epi8(0x0F);
  const __m256i v = _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)),
                                    _mm256_set1_epi8(0x20));
  return _mm256_and_si256(
      _mm256_shuffle_epi8(lo, _mm256_and_si256(v, low_nibble)),
      _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), low_nibble)));
}

// ScanBlocksSsse3 with 32 positions at a time (n >= 35).
__attribute__((target("avx2"))) void ScanBlocksAvx2(const unsigned char* p, size_t n,
                                                    const std::vector<RuleGate::Needle>& needles,
                                                    const RuleGate::NibbleTables& tables,
                                                    uint64_t* active, uint64_t* found) {
  __m256i table[2 * kPlaces];
  for (size_t k = 0; k < 2 * kPlaces; ++k) {
    table[k] = _mm256_broadcastsi128_si256(
        _mm_load_si128(reinterpret_cast<const __m128i*>(tables.table[k])));
  }
  const size_t end = n - (kPlaces - 1);
  for (size_t done = 0; done < end && *active != 0;) {
    const size_t q = std::min(done, end - 32);
    const __m256i r =
        _mm256_and_si256(_mm256_and_si256(BucketsAt32(p + q, table[0], table[1]),
                                          BucketsAt32(p + q + 1, table[2], table[3])),
                         _mm256_and_si256(BucketsAt32(p + q + 2, table[4], table[5]),
                                          BucketsAt32(p + q + 3, table[6], table[7])));
    uint32_t mask =
        ~static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(r, _mm256_setzero_si256())));
    mask &= ~uint32_t{0} << (done - q);
    if (mask != 0) {
      alignas(32) uint8_t buckets[32];
      _mm256_store_si256(reinterpret_cast<__m256i*>(buckets), r);
      VerifyBlockHits(p, n, q, mask, buckets, needles, tables, active, found);
    }
    done = q + 32;
  }
}
#endif

// Fills `*tables` for the needles of `which` (two bytes or more), which take
// turns in the 8 buckets.
void BuildTables(const std::vector<RuleGate::Needle>& needles, uint64_t which,
                 RuleGate::NibbleTables* tables) {
  unsigned next_word_bucket = 0;
  uint8_t any[kPlaces] = {};  // buckets whose needles take any byte at a place
  for (size_t j = 0; j < needles.size(); ++j) {
    if (((which >> j) & 1) == 0) continue;
    const RuleGate::Needle& needle = needles[j];
    const unsigned bucket_index = next_word_bucket++ % 8;
    const auto bucket = static_cast<uint8_t>(1u << bucket_index);
    tables->in_bucket[bucket_index] |= uint64_t{1} << j;
    const unsigned char bytes[kPlaces] = {needle.a, needle.b, needle.c, needle.d};
    for (size_t k = 0; k < kPlaces; ++k) {
      if (k >= needle.word.size()) {
        any[k] |= bucket;
      } else {
        tables->table[2 * k][bytes[k] & 15] |= bucket;
        tables->table[2 * k + 1][bytes[k] >> 4] |= bucket;
      }
    }
  }
  for (size_t k = 0; k < 2 * kPlaces; ++k) {
    for (uint8_t& entry : tables->table[k]) entry |= any[k / 2];
  }
}

}  // namespace

RuleGate::RuleGate(const std::vector<CompiledRule>& rules) {
#if defined(__x86_64__)
  use_ssse3_ = __builtin_cpu_supports("ssse3");
  use_avx2_ = __builtin_cpu_supports("avx2");
#endif
  const size_t gated = std::min(rules.size(), kMaxGatedRules);
  // A rule file's max= is user input: the table stops at kMaxGatedLength.
  auto gated_max = [](const CompiledRule& rule) {
    return rule.max_bytes() <= kMaxGatedLength ? rule.max_bytes() : 0;
  };
  size_t longest_max = 0;
  for (size_t i = 0; i < gated; ++i) longest_max = std::max(longest_max, gated_max(rules[i]));
  by_length_.assign(longest_max + 1, 0);
  for (size_t i = 0; i < gated; ++i) {
    const CompiledRule& rule = rules[i];
    const uint64_t bit = uint64_t{1} << i;
    gated_ |= bit;
    if (rule.has_first_bytes()) {
      anchored_ |= bit;
      for (size_t c = 0; c < 256; ++c) {
        if (rule.first_bytes()[c]) by_first_byte_[c] |= bit;
      }
    } else {
      for (uint64_t& rules_for_byte : by_first_byte_) rules_for_byte |= bit;
    }
    const size_t max = gated_max(rule) > 0 ? gated_max(rule) : longest_max;
    for (size_t length = 0; length <= max; ++length) by_length_[length] |= bit;
    if (gated_max(rule) == 0) any_length_ |= bit;
    for (char c : rule.lacks()) {
      const size_t j = AddNeedle(std::string(1, c));
      if (j == kMaxNeedles) continue;  // not gated by this byte; Find still checks it
      needles_[j].lacked_by |= bit;
      rule_needles_[i] |= uint64_t{1} << j;
    }
    uint64_t words = 0;
    bool all_words = !rule.needs_words().empty();
    for (const std::string& written : rule.needs_words()) {
      std::string word = written;
      for (char& c : word) c = static_cast<char>(FoldAsciiCase(static_cast<unsigned char>(c)));
      const size_t j = AddNeedle(word);
      if (j == kMaxNeedles) {
        all_words = false;
        continue;
      }
      words |= uint64_t{1} << j;
    }
    if (!all_words) continue;
    needs_rules_ |= bit;
    rule_needles_[i] |= words;
    for (uint64_t w = words; w != 0; w &= w - 1) {
      needles_[static_cast<size_t>(__builtin_ctzll(w))].needed_by |= bit;
    }
  }
  for (size_t j = 0; j < needles_.size(); ++j) {
    if (needles_[j].word.size() == 1) one_byte_needles_ |= uint64_t{1} << j;
    if (needles_[j].word.size() > 1 && needles_[j].word.size() < kPlaces) {
      short_needles_ |= uint64_t{1} << j;
    }
  }
  BuildTables(needles_, ~one_byte_needles_, &word_tables_);
}

size_t RuleGate::AddNeedle(const std::string& word) {
  auto same = std::find_if(needles_.begin(), needles_.end(),
                           [&](const Needle& n) { return n.word == word; });
  if (same != needles_.end()) return static_cast<size_t>(same - needles_.begin());
  if (needles_.size() == kMaxNeedles) return kMaxNeedles;
  Needle n;
  n.word = word;
  n.anchor = RarestRunOffset(word, std::min<size_t>(word.size(), kPlaces));
  n.a = static_cast<unsigned char>(word[n.anchor] | 0x20);
  n.b = word.size() > 1 ? static_cast<unsigned char>(word[n.anchor + 1] | 0x20) : 0;
  n.c = word.size() > 2 ? static_cast<unsigned char>(word[n.anchor + 2] | 0x20) : 0;
  n.d = word.size() > 3 ? static_cast<unsigned char>(word[n.anchor + 3] | 0x20) : 0;
  needles_.push_back(std::move(n));
  return needles_.size() - 1;
}

uint64_t RuleGate::Candidates(std::string_view paragraph) const {
  const size_t n = paragraph.size();
  uint64_t may = gated_;
  may &= n == 0 ? ~anchored_ : by_first_byte_[static_cast<unsigned char>(paragraph[0])];
  may &= n < by_length_.size() ? by_length_[n] : any_length_;
  uint64_t active = 0;
  for (uint64_t bits = may; bits != 0; bits &= bits - 1) {
    active |= rule_needles_[static_cast<size_t>(__builtin_ctzll(bits))];
  }
  if (active == 0) return may;
  const uint64_t found = FindNeedles(paragraph, active);
  uint64_t needs_met = 0, lacks_broken = 0;
  for (uint64_t bits = found; bits != 0; bits &= bits - 1) {
    const Needle& needle = needles_[static_cast<size_t>(__builtin_ctzll(bits))];
    needs_met |= needle.needed_by;
    lacks_broken |= needle.lacked_by;
  }
  return may & ~(needs_rules_ & ~needs_met) & ~lacks_broken;
}

uint64_t RuleGate::FindNeedles(std::string_view s, uint64_t active) const {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  uint64_t found = 0;
  // One-byte needles (punctuation) by memchr, exact: in the nibble tables
  // they would make every frequent punctuation mark a candidate.
  for (uint64_t bits = active & one_byte_needles_; bits != 0; bits &= bits - 1) {
    const size_t j = static_cast<size_t>(__builtin_ctzll(bits));
    const auto c = static_cast<unsigned char>(needles_[j].word[0]);
    const bool letter = c >= 'a' && c <= 'z';
    if (std::memchr(p, c, n) != nullptr || (letter && std::memchr(p, c - 32, n) != nullptr)) {
      found |= uint64_t{1} << j;
    }
  }
  active &= ~one_byte_needles_;
  size_t at = 0;
#if defined(__x86_64__)
  if (use_ssse3_ && active != 0) {
    if (n >= 16 + kPlaces - 1) {
      if (use_avx2_ && n >= 32 + kPlaces - 1) {
        ScanBlocksAvx2(p, n, needles_, word_tables_, &active, &found);
      } else {
        ScanBlocksSsse3(p, n, needles_, word_tables_, &active, &found);
      }
      // Blocks test runs starting before n - 3; a run starting later is a
      // whole word shorter than the tested four bytes.
      at = n - (kPlaces - 1);
      active &= short_needles_;
    } else {
      // A short paragraph is scanned in a zeroed copy: no needle byte is
      // zero, so nothing is found across its end.
      alignas(16) unsigned char copy[2 * 16 + kPlaces - 1] = {};
      std::memcpy(copy, p, n);
      ScanBlocksSsse3(copy, sizeof(copy), needles_, word_tables_, &active, &found);
      at = n;
    }
  }
#endif
  for (; at < n && active != 0; ++at) ScanByte(p, n, needles_, at, &active, &found);
  return found;
}

}  // namespace chorus::clean

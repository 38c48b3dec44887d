#include "clean/rule_gate.h"

#include <algorithm>

#if defined(__x86_64__)
#include <tmmintrin.h>
#endif

#include "clean/literal_finder.h"

namespace chorus::clean {
namespace {

constexpr unsigned char Fold(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c;
}

bool MatchesAt(const unsigned char* p, std::string_view word) {
  for (size_t k = 0; k < word.size(); ++k) {
    if (Fold(p[k]) != static_cast<unsigned char>(word[k])) return false;
  }
  return true;
}

}  // namespace

RuleGate::RuleGate(const std::vector<CompiledRule>& rules) {
#if defined(__x86_64__)
  use_ssse3_ = __builtin_cpu_supports("ssse3");
#endif
  const size_t gated = std::min(rules.size(), kMaxGatedRules);
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
    if (rule.max_bytes() > 0) max_rules_.push_back({rule.max_bytes(), bit});
    if (!rule.lacks().empty()) {
      LacksRule lacks{bit, {}};
      for (char c : rule.lacks()) lacks.needles.push_back(AddNeedle(std::string(1, c), bit, 0));
      lacks_rules_.push_back(std::move(lacks));
    }
    if (rule.needs_words().empty()) continue;
    NeedsRule needs{bit, rule.tail_bytes(), {}};
    for (const std::string& written : rule.needs_words()) {
      std::string word = written;
      for (char& c : word) c = static_cast<char>(Fold(static_cast<unsigned char>(c)));
      needs.needles.push_back(AddNeedle(word, bit, rule.tail_bytes()));
    }
    needs_rules_.push_back(std::move(needs));
  }
}

size_t RuleGate::AddNeedle(const std::string& word, uint64_t bit, size_t tail) {
  auto same = std::find_if(needles_.begin(), needles_.end(),
                           [&](const Needle& n) { return n.word == word; });
  if (same == needles_.end()) {
    Needle n;
    n.word = word;
    n.anchor = RarestRunOffset(word, std::min<size_t>(word.size(), 3));
    n.a = static_cast<unsigned char>(word[n.anchor] | 0x20);
    n.b = word.size() > 1 ? static_cast<unsigned char>(word[n.anchor + 1] | 0x20) : 0;
    n.c = word.size() > 2 ? static_cast<unsigned char>(word[n.anchor + 2] | 0x20) : 0;
    needles_.push_back(std::move(n));
    same = needles_.end() - 1;
  }
  same->rules |= bit;
  if (tail == 0) {
    same->whole_rules |= bit;
  } else {
    same->max_tail = std::max(same->max_tail, tail);
  }
  return static_cast<size_t>(same - needles_.begin());
}

uint64_t RuleGate::Candidates(std::string_view paragraph) const {
  const size_t n = paragraph.size();
  uint64_t may = gated_;
  may &= n == 0 ? ~anchored_ : by_first_byte_[static_cast<unsigned char>(paragraph[0])];
  for (const MaxRule& m : max_rules_) {
    if (n > m.max_bytes) may &= ~m.bit;
  }
  uint64_t active = 0;
  std::array<size_t, kMaxNeedles> from;
  for (size_t j = 0; j < needles_.size() && j < kMaxNeedles; ++j) {
    const Needle& needle = needles_[j];
    if ((needle.rules & may) == 0) continue;
    active |= uint64_t{1} << j;
    from[j] = (needle.whole_rules & may) != 0 || n <= needle.max_tail ? 0 : n - needle.max_tail;
  }
  if (active == 0) return may;
  std::array<size_t, kMaxNeedles> last;
  ScanNeedles(paragraph, active, from, &last);
  for (const NeedsRule& rule : needs_rules_) {
    if ((rule.bit & may) == 0) continue;
    // A needed word lies in the searched part: at or after the tail's start.
    const size_t from = rule.tail > 0 && n > rule.tail ? n - rule.tail : 0;
    bool found = false;
    for (size_t j : rule.needles) {
      if (j >= kMaxNeedles || (last[j] != std::string_view::npos && last[j] >= from)) {
        found = true;
        break;
      }
    }
    if (!found) may &= ~rule.bit;
  }
  for (const LacksRule& rule : lacks_rules_) {
    if ((rule.bit & may) == 0) continue;
    for (size_t j : rule.needles) {
      if (j < kMaxNeedles && last[j] != std::string_view::npos) {
        may &= ~rule.bit;
        break;
      }
    }
  }
  return may;
}

namespace {

// One backward scan of a paragraph for the gate's needles.
struct NeedleScan {
  const unsigned char* p;
  size_t n;
  size_t done;     // positions >= done are scanned
  uint64_t active; // needles still looked for
  const std::array<size_t, 64>& from;
  std::array<size_t, 64>& last;
  size_t retire_at;  // Retire has work once done <= retire_at
  uint64_t retired = 0;  // needles Retire dropped since the SSSE3 tables were built
};

// Whether the needle's scanned bytes at `pair_at` lie in the whole word; records it
// and stops looking for the needle.
template <typename NeedleT>
bool FoundAt(NeedleScan& scan, const NeedleT& needle, size_t j, size_t pair_at) {
  if (pair_at < needle.anchor) return false;
  const size_t start = pair_at - needle.anchor;
  if (start + needle.word.size() > scan.n || !MatchesAt(scan.p + start, needle.word)) return false;
  scan.last[j] = start;
  scan.active &= ~(uint64_t{1} << j);
  return true;
}

// Drops the needles whose searched part is all scanned (checked only when
// `done` reaches the next such part's start).
template <typename NeedleT>
void Retire(NeedleScan& scan, const std::vector<NeedleT>& needles) {
  if (scan.done > scan.retire_at) return;
  scan.retire_at = 0;
  for (uint64_t bits = scan.active; bits != 0; bits &= bits - 1) {
    const size_t j = static_cast<size_t>(__builtin_ctzll(bits));
    const size_t pair_from = scan.from[j] + needles[j].anchor;
    if (pair_from >= scan.done) {
      scan.active &= ~(uint64_t{1} << j);
      scan.retired |= uint64_t{1} << j;
    } else {
      scan.retire_at = std::max(scan.retire_at, pair_from);
    }
  }
}

template <typename NeedleT>
void ScanByte(NeedleScan& scan, const std::vector<NeedleT>& needles, size_t q) {
  const unsigned char c = scan.p[q] | 0x20;
  for (uint64_t bits = scan.active; bits != 0; bits &= bits - 1) {
    const size_t j = static_cast<size_t>(__builtin_ctzll(bits));
    if (c == needles[j].a) FoundAt(scan, needles[j], j, q);
  }
}

#if defined(__x86_64__)
// The buckets whose needles may have the 16 bytes at `p` (folded) at one
// place of their scanned three, by the nibble tables of that place.
__attribute__((target("ssse3"))) inline __m128i BucketsAt(const unsigned char* p, __m128i lo,
                                                          __m128i hi) {
  const __m128i low_nibble = _mm_set1_epi8(0x0F);
  const __m128i v =
      _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), _mm_set1_epi8(0x20));
  return _mm_and_si128(_mm_shuffle_epi8(lo, _mm_and_si128(v, low_nibble)),
                       _mm_shuffle_epi8(hi, _mm_and_si128(_mm_srli_epi16(v, 4), low_nibble)));
}

// Scans 16 positions at a time, backwards from scan.done; the paragraph
// holds at least 18 bytes and two past scan.done.
// Every byte is or-ed with 0x20, which maps the two cases of a letter to one
// value (and some other bytes onto others: candidates are verified exactly).
template <typename NeedleT>
__attribute__((target("ssse3"))) void ScanBlocksSsse3(NeedleScan& scan,
                                                      const std::vector<NeedleT>& needles) {
  __m128i table[6];
  for (__m128i& t : table) t = _mm_setzero_si128();
  std::array<uint64_t, 8> in_bucket{};  // needles of each bucket
  uint64_t tables_for = 0;
  auto buckets_at = [&](size_t q, int k) {
    return BucketsAt(scan.p + q + static_cast<size_t>(k), table[2 * k], table[2 * k + 1]);
  };
  while (scan.done > 0 && scan.active != 0) {
    // Tables are built once: a needle found or retired since is skipped at
    // verification (rebuilding costs more than its few candidates).
    if (tables_for == 0) {
      alignas(16) uint8_t t[6][16] = {};
      uint8_t any[3] = {0, 0, 0};  // buckets whose needles take any byte at 1 or 2
      in_bucket.fill(0);
      unsigned next_word_bucket = 0;
      for (uint64_t bits = scan.active; bits != 0; bits &= bits - 1) {
        const size_t j = static_cast<size_t>(__builtin_ctzll(bits));
        const NeedleT& needle = needles[j];
        // One-byte needles (punctuation, frequent) share the last bucket; words the others.
        const unsigned bucket_index = needle.word.size() == 1 ? 7u : next_word_bucket++ % 7;
        const auto bucket = static_cast<uint8_t>(1u << bucket_index);
        in_bucket[bucket_index] |= uint64_t{1} << j;
        const unsigned char bytes[3] = {needle.a, needle.b, needle.c};
        for (size_t k = 0; k < 3; ++k) {
          if (k >= needle.word.size()) {
            any[k] |= bucket;
            continue;
          }
          t[2 * k][bytes[k] & 15] |= bucket;
          t[2 * k + 1][bytes[k] >> 4] |= bucket;
        }
      }
      for (size_t k = 0; k < 6; ++k) {
        table[k] = _mm_or_si128(_mm_load_si128(reinterpret_cast<const __m128i*>(t[k])),
                                _mm_set1_epi8(static_cast<char>(any[k / 2])));
      }
      tables_for = scan.active;
      scan.retired = 0;
    }
    // The last block starts at 0 and overlaps the previous one: only its
    // positions below `done` count.
    const size_t q = scan.done >= 16 ? scan.done - 16 : 0;
    const __m128i r =
        _mm_and_si128(_mm_and_si128(buckets_at(q, 0), buckets_at(q, 1)), buckets_at(q, 2));
    unsigned mask =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(r, _mm_setzero_si128()))) ^ 0xFFFFu;
    if (scan.done < 16) mask &= (1u << scan.done) - 1;
    if (mask != 0) {
      alignas(16) uint8_t buckets[16];
      _mm_store_si128(reinterpret_cast<__m128i*>(buckets), r);
      // The highest position first: the scan wants each needle's last occurrence.
      while (mask != 0) {
        const unsigned bit = 31u - static_cast<unsigned>(__builtin_clz(mask));
        mask &= ~(1u << bit);
        for (unsigned hit = buckets[bit]; hit != 0; hit &= hit - 1) {
          uint64_t candidates = in_bucket[static_cast<size_t>(__builtin_ctz(hit))] & scan.active;
          for (; candidates != 0; candidates &= candidates - 1) {
            const size_t j = static_cast<size_t>(__builtin_ctzll(candidates));
            FoundAt(scan, needles[j], j, q + bit);
          }
        }
      }
    }
    scan.done = q;
    Retire(scan, needles);
  }
}
#endif

}  // namespace

void RuleGate::ScanNeedles(std::string_view s, uint64_t active,
                           const std::array<size_t, kMaxNeedles>& from,
                           std::array<size_t, kMaxNeedles>* last) const {
  last->fill(std::string_view::npos);
  NeedleScan scan{reinterpret_cast<const unsigned char*>(s.data()), s.size(), s.size(), active,
                  from, *last, s.size()};
#if defined(__x86_64__)
  if (use_ssse3_ && scan.n >= 18) {
    // Blocks read two bytes past their 16 starts: the last two go one by one.
    for (size_t k = 0; k < 2; ++k) {
      --scan.done;
      ScanByte(scan, needles_, scan.done);
      Retire(scan, needles_);
    }
    ScanBlocksSsse3(scan, needles_);
  }
#endif
  while (scan.done > 0 && scan.active != 0) {
    --scan.done;
    ScanByte(scan, needles_, scan.done);
    Retire(scan, needles_);
  }
}

}  // namespace chorus::clean

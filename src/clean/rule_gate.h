// RuleGate: which cleaning rules can possibly match a paragraph, from one
// look at it, so that most rules cost nothing on most paragraphs.
//
// It combines each rule's cheap options: the bytes an anchored pattern can
// start with (one table lookup for all rules), max= (one lookup by length),
// and the needs= words and lacks= bytes of every rule, found in ONE pass over
// the paragraph for all of them together (16 positions at a time with SSSE3, 32 with AVX2,
// each word by its rarest four bytes, ASCII case folded), which replaces a
// pass per word per rule. The answer is a superset (tail= is left to the
// rule): a rule it lets through still runs CompiledRule::Find, which checks
// exactly.
//
//   RuleGate gate(rules);
//   uint64_t may = gate.Candidates(paragraph);  // bit i: rules[i] may match
//
// Rules from index 64 on are not gated (the caller runs them always).
// Thread safety: immutable after construction. Copyable.
#ifndef CHORUS_SRC_CLEAN_RULE_GATE_H_
#define CHORUS_SRC_CLEAN_RULE_GATE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clean/compiled_rule.h"

namespace chorus::clean {

class RuleGate {
 public:
  static constexpr size_t kMaxGatedRules = 64;
  static constexpr size_t kTestedBytes = 4;  // of each needle, by the SSSE3/AVX2 scan

  explicit RuleGate(const std::vector<CompiledRule>& rules);

  // Bit i is set unless rules[i] certainly cannot match `paragraph` (from offset 0).
  uint64_t Candidates(std::string_view paragraph) const;

  // A needs= word or lacks= byte, as the scan looks for it.
  struct Needle {
    std::string word;        // ASCII letters lower-cased
    size_t anchor = 0;       // offset of the (up to) four bytes the scan tests
    unsigned char a = 0;     // word[anchor] | 0x20
    unsigned char b = 0;     // word[anchor + 1] | 0x20 (words of two bytes or more)
    unsigned char c = 0;     // word[anchor + 2] | 0x20 (words of three bytes or more)
    unsigned char d = 0;     // word[anchor + 3] | 0x20 (words of four bytes or more)
    uint64_t needed_by = 0;  // rules with this word among their needs=
    uint64_t lacked_by = 0;  // rules with this byte in their lacks=
  };
  // The SSSE3/AVX2 scan's nibble tables: byte k (0-3) of the four tested,
  // looked up by its low nibble in table 2k and its high nibble in table
  // 2k+1, gives the buckets (bits) of the needles it may belong to.
  struct NibbleTables {
    alignas(16) uint8_t table[2 * kTestedBytes][16] = {};
    std::array<uint64_t, 8> in_bucket{};  // needles of each bucket
  };

 private:
  static constexpr size_t kMaxNeedles = 64;  // rules with more words are not gated by them
  // Longest max= the length table covers (8 bytes an entry). A rule with a
  // larger max= is not gated by length; CompiledRule still applies its max=.
  static constexpr size_t kMaxGatedLength = 4096;

  // Index in needles_ of `word` (ASCII letters lower-cased), or kMaxNeedles when full.
  size_t AddNeedle(const std::string& word);
  // The needles of `active` (bit j: needles_[j]) that occur in `s`.
  uint64_t FindNeedles(std::string_view s, uint64_t active) const;

  uint64_t gated_ = 0;                         // bits of all gated rules
  std::array<uint64_t, 256> by_first_byte_{};  // rules that may start with the byte
  uint64_t anchored_ = 0;                      // rules that need a first byte
  std::vector<uint64_t> by_length_;            // rules allowed by max= for each length
  uint64_t any_length_ = 0;                    // rules without max= (or past kMaxGatedLength)
  uint64_t needs_rules_ = 0;                   // rules gated by needs= words
  std::array<uint64_t, kMaxGatedRules> rule_needles_{};  // needles of each rule
  std::vector<Needle> needles_;
  NibbleTables word_tables_;       // the needles of two bytes or more
  uint64_t one_byte_needles_ = 0;  // found by memchr instead
  uint64_t short_needles_ = 0;     // two or three bytes: may start in the last three
  bool use_ssse3_ = false;         // the CPU has SSSE3 (PSHUFB); else bytes are scanned one by one
  bool use_avx2_ = false;          // and AVX2: 32 positions at a time
};

}  // namespace chorus::clean

#endif  // CHORUS_SRC_CLEAN_RULE_GATE_H_

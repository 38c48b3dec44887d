// RuleGate: which cleaning rules can possibly match a paragraph, from one
// look at it, so that most rules cost nothing on most paragraphs.
//
// It combines each rule's cheap options: the bytes an anchored pattern can
// start with (one table lookup for all rules), max= (one compare each), and
// the needs= words and lacks= bytes of every rule found in ONE pass over the
// paragraph (16 bytes at a time for all words at once, each word by its rarest
// byte pair, ASCII case folded),
// which replaces a pass per word per rule. The answer is a superset: a rule
// it lets through still runs CompiledRule::Find, which checks exactly.
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

  explicit RuleGate(const std::vector<CompiledRule>& rules);

  // Bit i is set unless rules[i] certainly cannot match `paragraph` (from offset 0).
  uint64_t Candidates(std::string_view paragraph) const;

 private:
  static constexpr size_t kMaxNeedles = 64;  // words past this are taken as present

  struct Needle {
    std::string word;       // ASCII letters lower-cased
    size_t anchor = 0;      // offset of the (up to) three bytes scanned for
    unsigned char a = 0;    // word[anchor] | 0x20
    unsigned char b = 0;    // word[anchor + 1] | 0x20 (unused for one-byte words)
    unsigned char c = 0;    // word[anchor + 2] | 0x20 (unused for shorter words)
    uint64_t rules = 0;     // rules that need this word (one of their words)
    uint64_t whole_rules = 0;  // those that look for it anywhere in the paragraph
    size_t max_tail = 0;       // the largest tail= of the others
  };
  struct NeedsRule {
    uint64_t bit = 0;
    size_t tail = 0;               // tail= of the rule (0: whole paragraph)
    std::vector<size_t> needles;   // indices into needles_
  };
  struct LacksRule {
    uint64_t bit = 0;
    std::vector<size_t> needles;   // one-byte needles: any found rules the rule out
  };
  struct MaxRule {
    size_t max_bytes = 0;
    uint64_t bit = 0;
  };

  // Index in needles_ of `word` (ASCII letters lower-cased), added for `bit`'s
  // rule, which looks for it in the last `tail` bytes (0: everywhere).
  size_t AddNeedle(const std::string& word, uint64_t bit, size_t tail);
  // Fills last[j] with the last start of needles_[j] in `s` (or npos), for
  // each j whose bit is set in `active`, looking only at starts >= from[j].
  // It scans backwards, so each needle stops at its last occurrence. With
  // SSSE3 it tests 16 positions at once for all needles together: nibble
  // tables (PSHUFB) map each run of three bytes to the buckets of needles
  // whose bytes they may be, and only those positions are verified.
  void ScanNeedles(std::string_view s, uint64_t active, const std::array<size_t, kMaxNeedles>& from,
                   std::array<size_t, kMaxNeedles>* last) const;

  bool use_ssse3_ = false;  // the CPU has SSSE3 (PSHUFB); else bytes are scanned one by one
  uint64_t gated_ = 0;                       // bits of all gated rules
  std::array<uint64_t, 256> by_first_byte_{};  // rules that may start with the byte
  uint64_t anchored_ = 0;                    // rules that need a first byte
  std::vector<MaxRule> max_rules_;
  std::vector<NeedsRule> needs_rules_;
  std::vector<LacksRule> lacks_rules_;
  std::vector<Needle> needles_;
};

}  // namespace chorus::clean

#endif  // CHORUS_SRC_CLEAN_RULE_GATE_H_

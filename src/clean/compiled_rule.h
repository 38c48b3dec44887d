// CompiledRule: one cleaning rule, compiled with PCRE2 (JIT when available),
// with the cheap checks (first byte, max=, tail=, needs=) that let most
// paragraphs skip the regex.
//
// Thread safety: Find is const and may run concurrently (match data is per
// thread). Movable, not copyable (owns the compiled pattern).
#ifndef CHORUS_SRC_CLEAN_COMPILED_RULE_H_
#define CHORUS_SRC_CLEAN_COMPILED_RULE_H_

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/status.h"
#include "clean/literal_finder.h"
#include "clean/rule_file.h"

namespace chorus::clean {

class CompiledRule {
 public:
  // Compiles `spec`; errors name `origin`, the line and the rule.
  static Result<CompiledRule> Compile(const RuleSpec& spec, std::string_view origin);

  CompiledRule(CompiledRule&&) noexcept;
  CompiledRule& operator=(CompiledRule&&) noexcept;
  ~CompiledRule();

  const std::string& name() const { return name_; }
  RuleAction action() const { return action_; }
  // The cheap checks, for RuleGate: bytes an anchored match can start with
  // (only when has_first_bytes()), max=, tail= and needs= (as written).
  const std::array<bool, 256>& first_bytes() const { return first_bytes_; }
  bool has_first_bytes() const { return has_first_bytes_; }
  size_t max_bytes() const { return max_bytes_; }
  size_t tail_bytes() const { return tail_bytes_; }
  const std::vector<std::string>& needs_words() const { return needs_words_; }
  const std::string& lacks() const { return lacks_; }

  // Finds the first match in `s` (valid UTF-8) at or after byte `from`;
  // a resource limit counts as no match (the text is kept).
  bool Find(std::string_view s, size_t from, size_t* begin, size_t* end) const;

 private:
  struct Pcre;
  CompiledRule();

  std::string name_;
  RuleAction action_ = RuleAction::kDropLine;
  std::unique_ptr<Pcre> pcre_;
  // For patterns anchored at the start: which first bytes can match at all.
  bool has_first_bytes_ = false;
  std::array<bool, 256> first_bytes_{};
  size_t max_bytes_ = 0;  // see RuleSpec
  size_t tail_bytes_ = 0;
  std::vector<LiteralFinder> needs_;  // needs= words (any case); empty: none
  std::vector<std::string> needs_words_;
  std::string lacks_;  // lacks= bytes; empty: none
};

}  // namespace chorus::clean

#endif  // CHORUS_SRC_CLEAN_COMPILED_RULE_H_

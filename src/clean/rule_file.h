// The cleaning rule file format (data/clean_rules.txt documents it): one rule
// a line, "NAME<TAB>ACTION<TAB>PATTERN[<TAB>OPTIONS]", "#" comments, blank
// lines. OPTIONS are space-separated hints that let the cleaner skip the regex
// on paragraphs it cannot match: max=N, tail=N, needs=WORD[|WORD...],
// lacks=CHARS.
#ifndef CHORUS_SRC_CLEAN_RULE_FILE_H_
#define CHORUS_SRC_CLEAN_RULE_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/status.h"

namespace chorus::clean {

enum class RuleAction { kDropLine, kDropMatch, kDropPrefix, kDropList, kCutRest, kSplit };

struct RuleSpec {
  std::string name;
  RuleAction action = RuleAction::kDropLine;
  std::string pattern;    // PCRE2 syntax, not yet compiled
  uint32_t line = 0;      // 1-based line in the rule file, for error messages
  size_t max_bytes = 0;   // max=N: skip paragraphs longer than N bytes (0: no limit)
  size_t tail_bytes = 0;  // tail=N: search only the last N bytes (0: everywhere)
  // needs=WORD or needs=WORD|WORD...: skip paragraphs without any of the words
  // (ASCII case-insensitive); empty: no such option.
  std::vector<std::string> needs;
  // lacks=CHARS: skip paragraphs holding any of these ASCII non-letter bytes
  // (a pattern such as "[^.!?]*$" cannot match them); empty: no such option.
  std::string lacks;
};

// Splits a rule file into rule specs. Errors name `origin` and the line.
Result<std::vector<RuleSpec>> ParseRuleFile(std::string_view text, std::string_view origin);

// "drop-line" etc.; false for an unknown name.
bool ParseRuleAction(std::string_view name, RuleAction* action);

}  // namespace chorus::clean

#endif  // CHORUS_SRC_CLEAN_RULE_FILE_H_

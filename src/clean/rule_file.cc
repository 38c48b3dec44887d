#include "clean/rule_file.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>

#include "base/strings.h"

namespace chorus::clean {
namespace {

// Takes the next TAB-separated field (runs of TABs count as one separator).
std::string_view NextField(std::string_view* rest) {
  size_t tab = rest->find('\t');
  std::string_view field = rest->substr(0, tab);
  if (tab == std::string_view::npos) {
    rest->remove_prefix(rest->size());
  } else {
    rest->remove_prefix(tab);
    while (!rest->empty() && rest->front() == '\t') rest->remove_prefix(1);
  }
  return field;
}

}  // namespace

bool ParseRuleAction(std::string_view name, RuleAction* action) {
  static constexpr struct {
    std::string_view name;
    RuleAction action;
  } kActions[] = {{"drop-line", RuleAction::kDropLine},     {"drop-match", RuleAction::kDropMatch},
                  {"drop-prefix", RuleAction::kDropPrefix}, {"drop-list", RuleAction::kDropList},
                  {"cut-rest", RuleAction::kCutRest},       {"split", RuleAction::kSplit}};
  for (const auto& a : kActions) {
    if (a.name == name) {
      *action = a.action;
      return true;
    }
  }
  return false;
}

Result<std::vector<RuleSpec>> ParseRuleFile(std::string_view text, std::string_view origin) {
  std::vector<RuleSpec> rules;
  uint32_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;

    auto error = [&](std::string_view what) {
      return ParseError(fmt::format(
          "{}:{}: {} (expected NAME<TAB>ACTION<TAB>PATTERN[<TAB>OPTIONS])", origin, line_no, what));
    };
    std::string_view rest = line;
    std::string_view name = Trim(NextField(&rest));
    std::string_view action_name = Trim(NextField(&rest));
    std::string_view pattern = NextField(&rest);  // a TAB in a pattern is written \t
    std::string_view options = Trim(rest);
    if (name.empty() || action_name.empty()) return error("missing fields");
    if (pattern.empty()) return error(fmt::format("rule \"{}\" has no pattern", name));
    RuleSpec spec;
    if (!ParseRuleAction(action_name, &spec.action)) {
      return error(
          fmt::format("unknown action \"{}\" (one of drop-line, drop-match, "
                      "drop-prefix, drop-list, cut-rest, split)",
                      action_name));
    }
    spec.name = std::string(name);
    spec.pattern = std::string(pattern);
    spec.line = line_no;
    while (!options.empty()) {
      size_t sp = options.find(' ');
      std::string_view option = options.substr(0, sp);
      options = Trim(options.substr(sp == std::string_view::npos ? options.size() : sp));
      if (option.empty()) continue;
      size_t eq = option.find('=');
      std::string_view key = option.substr(0, eq);
      std::string_view value = eq == std::string_view::npos ? "" : option.substr(eq + 1);
      if (key == "needs" && !value.empty()) {
        spec.needs.clear();
        for (std::string_view rest = value; !rest.empty();) {
          const size_t bar = rest.find('|');
          const std::string_view word = rest.substr(0, bar);
          if (word.empty()) return error(fmt::format("bad option \"{}\" (an empty word)", option));
          spec.needs.emplace_back(word);
          rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
          if (bar != std::string_view::npos && rest.empty()) {
            return error(fmt::format("bad option \"{}\" (an empty word)", option));
          }
        }
        continue;
      }
      if (key == "lacks" && !value.empty()) {
        for (char c : value) {
          const auto u = static_cast<unsigned char>(c);
          if (u >= 0x80 || std::isalnum(u) != 0) {
            return error(fmt::format("bad option \"{}\" (lacks= takes ASCII punctuation)", option));
          }
        }
        spec.lacks = std::string(value);
        continue;
      }
      size_t number = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
      bool numeric =
          !value.empty() && ec == std::errc() && end == value.data() + value.size() && number > 0;
      if (key == "max" && numeric) {
        spec.max_bytes = number;
      } else if (key == "tail" && numeric) {
        spec.tail_bytes = number;
      } else {
        return error(fmt::format(
            "bad option \"{}\" (max=N, tail=N, needs=WORD[|WORD...] or lacks=CHARS)", option));
      }
    }
    rules.push_back(std::move(spec));
  }
  if (rules.empty()) return ParseError(fmt::format("{}: no rules in the rule file", origin));
  return rules;
}

}  // namespace chorus::clean

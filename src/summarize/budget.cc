#include "summarize/budget.h"

namespace chorus {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

uint32_t CountWords(std::string_view text) {
  uint32_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = IsSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

uint32_t SentenceCost(std::string_view text, BudgetUnit unit) {
  switch (unit) {
    case BudgetUnit::kWords:
      return CountWords(text);
    case BudgetUnit::kBytes:
      return static_cast<uint32_t>(text.size()) + 1;
    case BudgetUnit::kSentences:
      return 1;
  }
  return 1;
}

uint64_t BudgetCapacity(const SummaryBudget& budget) {
  return budget.unit == BudgetUnit::kBytes ? uint64_t{budget.amount} + 1 : budget.amount;
}

}  // namespace chorus

#include "summarize/budget.h"

namespace chorus {
namespace {

// ' ', or '\t' '\n' '\v' '\f' '\r' (9 to 13): no branch, so the word count vectorises.
bool IsSpace(unsigned char c) { return (c == ' ') | (static_cast<unsigned char>(c - '\t') <= 4); }

}  // namespace

uint32_t CountWords(std::string_view text) {
  // A word starts at each non-space that follows a space or the start.
  uint32_t words = 0;
  bool after_space = true;
  for (char c : text) {
    const bool space = IsSpace(static_cast<unsigned char>(c));
    words += after_space & !space;
    after_space = space;
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

#include "summarize/budget.h"

#include <algorithm>
#include <cstdint>

namespace chorus {
namespace {

// ' ', or '\t' '\n' '\v' '\f' '\r' (9 to 13): no branch, so the word count vectorises.
bool IsSpace(unsigned char c) { return (c == ' ') | (static_cast<unsigned char>(c - '\t') <= 4); }

}  // namespace

uint32_t CountWords(std::string_view text) {
  // A word starts at each non-space that follows a space or the start. Each
  // byte is judged with its predecessor (no state carried from one byte to
  // the next), so the loop vectorises: it runs for every candidate sentence.
  if (text.empty()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  uint32_t words = !IsSpace(p[0]);
  // Counted in bytes over chunks of at most 255 (a byte counter cannot
  // overflow there), so the vectorised loop adds bytes without widening
  // them to 32 bits on every step. Bitwise on purpose (no branch); as
  // integers, which clang's -Wall asks for.
  for (size_t from = 1; from < text.size(); from += 255) {
    const size_t to = std::min(text.size(), from + 255);
    uint8_t chunk = 0;
    for (size_t i = from; i < to; ++i) {
      chunk += static_cast<uint8_t>(static_cast<uint8_t>(IsSpace(p[i - 1])) &
                                    static_cast<uint8_t>(!IsSpace(p[i])));
    }
    words += chunk;
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

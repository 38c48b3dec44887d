// How a sentence counts against a summary budget.
//
// A budget is words (whitespace-separated pieces, as ROUGE's -l counts them),
// bytes (the sentences' bytes plus one separator between sentences), or
// sentences. Every selector works with integer costs against an integer
// capacity, so all three units become one knapsack constraint:
//   words:     cost = pieces,     capacity = amount
//   bytes:     cost = bytes + 1,  capacity = amount + 1 (no separator before the first)
//   sentences: cost = 1,          capacity = amount
#ifndef CHORUS_SUMMARIZE_BUDGET_H_
#define CHORUS_SUMMARIZE_BUDGET_H_

#include <cstdint>
#include <string_view>

#include "chorus/summarizer.h"

namespace chorus {

// Whitespace-separated pieces of `text` (ASCII whitespace, as ROUGE splits).
uint32_t CountWords(std::string_view text);

// Cost of one sentence under `unit`.
uint32_t SentenceCost(std::string_view text, BudgetUnit unit);

// Capacity of `budget` in the units of SentenceCost.
uint64_t BudgetCapacity(const SummaryBudget& budget);

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_BUDGET_H_

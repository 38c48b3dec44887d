// Numbers with what they count: "5,000 troops", "$2 billion", "40%", a vote
// tally "170-0", dates ("January 5, 2020", "Jan. 4") and years.
//
// The counted noun is the first plural (or, failing that, first) lower-case
// content word after the number, skipping capitalised modifiers ("5,000 U.S.
// troops") and qualifiers before it ("around 5,000"), so differently phrased
// reports of one count share a key (value + counted noun's stem).
//
// Thread safety: pure functions.
#ifndef CHORUS_COMPARE_NUMBERS_H_
#define CHORUS_COMPARE_NUMBERS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "chorus/analyzer.h"

namespace chorus::compare {

enum class NumberKind { kCount, kMoney, kPercent, kTally, kDate, kYear };

struct NumberMention {
  uint32_t sentence = 0;  // index in AnalyzedCluster::sentences
  NumberKind kind = NumberKind::kCount;
  std::string value;        // normalised value: "5000", "170-0", "2020-01-05", "01-05"
  std::string match_value;  // what must be equal for two mentions to agree
                            // (dates: month and day, as years are often omitted)
  std::string unit;         // counted noun's stem ("troop"), currency, "percent", "date"
  std::string text;         // display: number as written + counted noun ("5,000 troops")
  // The sentence's other content stems (not the number's words, nor its
  // unit; three letters or more) as the cluster's term ids
  // (chorus/term_index.h), ascending, unique.
  std::vector<uint32_t> context;
};

// Numbers in sentence `index` of `cluster`.
std::vector<NumberMention> ExtractNumbers(const AnalyzedCluster& cluster, uint32_t index);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_NUMBERS_H_

// Number facts: the numbers a cluster's sources give (compare/numbers.h),
// one fact per (kind, counted noun, value), and the discrepancies among them:
// a slot ("number of dead") that sources fill with different values, where
// their sentences agree on the rest of what they say.
//
// A value and its slot are structs (NumberKey, SlotKey below), ordered as
// the facts have always been listed, so the output is stable across
// releases. Pairwise work is bounded (pair_budget.h); what a bound cut is
// said in Comparison::warnings.
//
// Thread safety: pure function.
#ifndef CHORUS_COMPARE_NUMBER_FACTS_H_
#define CHORUS_COMPARE_NUMBER_FACTS_H_

#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "compare/fact_assembler.h"

namespace chorus::compare {

// Appends the cluster's number facts to out->facts and the slots told with
// different values to out->discrepancies.
void AddNumberFacts(const AnalyzedCluster& cluster, const FactAssembler& assembler,
                    const CompareOptions& options, Comparison* out);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_NUMBER_FACTS_H_

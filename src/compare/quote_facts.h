// Quote facts: the quotations of a cluster's sources (compare/quotes.h), one
// fact per quotation told by any number of sources (quotes with mostly the
// same words are one), its speaker the one most sources name; and the
// discrepancies among them: one quotation given to different people, where
// the names cannot be one person ("Trent" and "Carlie Trent" can).
//
// Thread safety: pure function.
#ifndef CHORUS_COMPARE_QUOTE_FACTS_H_
#define CHORUS_COMPARE_QUOTE_FACTS_H_

#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "compare/entities.h"
#include "compare/fact_assembler.h"

namespace chorus::compare {

// Appends the quote facts of `cluster` to out->facts and the disputed
// speakers to out->discrepancies; a cut bound to out->warnings.
void AddQuoteFacts(const AnalyzedCluster& cluster, const EntityAnalysis& entities,
                   const FactAssembler& assembler, const CompareOptions& options, Comparison* out);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_QUOTE_FACTS_H_

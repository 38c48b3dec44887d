// Perspectives: the story side by side by political lean. Each source's lean
// is the article's own ("lean"), else its outlet's in the shipped lean table
// (lean_table.h); the sources of one lean form a side, and each side gets the
// facts only it reports, the facts all other sides report that it leaves
// out, and its framing read against the other sides (framing.h).
//
// Thread safety: pure functions.
#ifndef CHORUS_COMPARE_PERSPECTIVES_H_
#define CHORUS_COMPARE_PERSPECTIVES_H_

#include <string>
#include <string_view>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "compare/lexicon.h"

namespace chorus::compare {

// A document's lean: its own, lower-case ("Centre" reads "center"), else its
// outlet's from the lean table, else empty.
std::string SourceLean(const Document& doc);

// One Perspective per lean of comparison.sources (left, center, right first,
// then other labels alphabetically; the eight leans of most sources when
// there are more); empty when fewer than two leans. Needs
// comparison.facts in their final order (indices are kept).
std::vector<Perspective> ComputePerspectives(const AnalyzedCluster& cluster,
                                             const Comparison& comparison,
                                             const std::vector<LoadedTermGroup>& lexicon,
                                             const CompareOptions& options);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_PERSPECTIVES_H_

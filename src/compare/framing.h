// Framing: how each source words the story compared with the others.
//
// Distinctive terms are scored by the weighted log-odds ratio with an
// informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 16-22): for
// term w, source i against all other sources j, with the prior alpha_w taken
// from the whole cluster's frequencies,
//   delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
//           - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w)),
//   var     = 1 / (y_iw + a_w) + 1 / (y_jw + a_w),   z = delta_w / sqrt(var).
// Terms are content-word stems and adjacent content-word pairs, shown in
// their most frequent written form. Loaded terms come from the shipped
// referent lexicon (data/framing_lexicon.txt), matched on stems.
//
// Thread safety: pure functions.
#ifndef CHORUS_COMPARE_FRAMING_H_
#define CHORUS_COMPARE_FRAMING_H_

#include <vector>

#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "compare/lexicon.h"

namespace chorus::compare {

// One SourceFraming per document, in document order.
std::vector<SourceFraming> ComputeFraming(const AnalyzedCluster& cluster,
                                          const std::vector<LoadedTermGroup>& lexicon,
                                          const CompareOptions& options);

// One SourceFraming per side: the documents with one side_of_doc value read as
// one source against all the others (SourceFraming::source is sides[side]).
std::vector<SourceFraming> ComputeFraming(const AnalyzedCluster& cluster,
                                          const std::vector<LoadedTermGroup>& lexicon,
                                          const CompareOptions& options,
                                          const std::vector<uint32_t>& side_of_doc,
                                          const std::vector<std::string>& sides);

// The z-score of the weighted log-odds ratio for one term (exposed for tests).
double LogOddsZ(double y_i, double n_i, double y_j, double n_j, double alpha_w, double alpha_0);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_FRAMING_H_

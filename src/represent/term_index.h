// Building a cluster's TermIndex (chorus/term_index.h).
//
// Terms are found by their vocabulary id (Token::stem_id, or norm_id for an
// unstemmed token), integers that are equal exactly when the strings are
// within one vocabulary generation, as all of an AnalyzedCluster's tokens
// are: no string is hashed. Cost: linear in the cluster's tokens, plus the
// sort of each sentence's content terms.
//
// Thread safety: pure function.
#ifndef CHORUS_REPRESENT_TERM_INDEX_H_
#define CHORUS_REPRESENT_TERM_INDEX_H_

#include "chorus/analyzer.h"
#include "chorus/term_index.h"

namespace chorus::represent {

TermIndex BuildTermIndex(const AnalyzedCluster& cluster);

}  // namespace chorus::represent

#endif  // CHORUS_REPRESENT_TERM_INDEX_H_

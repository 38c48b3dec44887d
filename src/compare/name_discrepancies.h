// Name discrepancies: two people whose names differ by one letter in the
// surname ("Aurelio Quinn"/"Aurelio Quint"), named by different sources, are
// most likely one person spelled two ways. Entity linking (entities.h) keeps
// them apart, as it should not merge on a guess; this shows the reader the
// two spellings instead.
//
// Thread safety: pure function.
#ifndef CHORUS_COMPARE_NAME_DISCREPANCIES_H_
#define CHORUS_COMPARE_NAME_DISCREPANCIES_H_

#include <vector>

#include "chorus/compare.h"

namespace chorus::compare {

// Appends a "spelling of" discrepancy to out->discrepancies for each pair of
// `entities` (people) spelled one letter apart by sources that share none;
// a cut bound to out->warnings.
void AddNameDiscrepancies(const std::vector<ComparedEntity>& entities, Comparison* out);

}  // namespace chorus::compare

#endif  // CHORUS_COMPARE_NAME_DISCREPANCIES_H_

// Store batches: what a writer of a clustered stream (EventStream,
// StitchedStoreWriter) commits to its EventStore after each batch of
// articles: with the articles, the clusterer's dictionary entries the store
// does not hold yet and the events the batch changed, in one transaction
// (EventStore::Write), so that a store is always one a clusterer can resume.
//
// Thread safety: as the clusterer and store given (none of their own).
#ifndef CHORUS_CLUSTER_STORE_BATCHES_H_
#define CHORUS_CLUSTER_STORE_BATCHES_H_

#include <cstdint>
#include <set>
#include <vector>

#include "chorus/clusterer.h"
#include "chorus/status.h"
#include "chorus/store.h"

namespace chorus {

// The clusterer's dictionary entries with ids from `first` on.
std::vector<StoredTerm> TermsFrom(const EventClusterer& clusterer, uint32_t first);

// Completes `batch` (its articles added) with the dictionary entries from
// `*stored_terms` on and the descriptions of the `touched` events, and writes
// it; on success *stored_terms is the clusterer's term count. Leaves `batch`
// and `touched` to the caller (to report the articles, then clear both).
Status CommitBatch(const EventClusterer& clusterer, const std::set<int64_t>& touched,
                   StoreBatch* batch, uint32_t* stored_terms, EventStore* store);

}  // namespace chorus

#endif  // CHORUS_CLUSTER_STORE_BATCHES_H_

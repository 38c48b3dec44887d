#include "cluster/store_batches.h"

namespace chorus {

std::vector<StoredTerm> TermsFrom(const EventClusterer& clusterer, uint32_t first) {
  std::vector<StoredTerm> terms;
  terms.reserve(clusterer.TermCount() > first ? clusterer.TermCount() - first : 0);
  for (uint32_t id = first; id < clusterer.TermCount(); ++id) {
    terms.push_back({id, clusterer.Term(id), clusterer.TermLabel(id)});
  }
  return terms;
}

Status CommitBatch(const EventClusterer& clusterer, const std::set<int64_t>& touched,
                   StoreBatch* batch, uint32_t* stored_terms, EventStore* store) {
  batch->terms = TermsFrom(clusterer, *stored_terms);
  for (int64_t e : touched) batch->events.push_back(clusterer.Describe(e));
  RETURN_IF_ERROR(store->Write(*batch));
  *stored_terms = clusterer.TermCount();
  return Status::Ok();
}

}  // namespace chorus

// ClusteringState: what the event clusterer knows of its stream apart from
// the decisions: the featurizer and its term dictionary, the live events and
// their index, and the current article's vectors. Shared by EventClusterer
// (which decides with a model or the cosine rule) and model training (which
// places each article in its gold event), so both see the same features.
//
// Thread safety: not thread-safe. Movable.
#ifndef CHORUS_CLUSTER_CLUSTERING_STATE_H_
#define CHORUS_CLUSTER_CLUSTERING_STATE_H_

#include <string_view>
#include <vector>

#include "chorus/clusterer.h"
#include "cluster/event_index.h"
#include "cluster/pair_features.h"
#include "represent/article_features.h"

namespace chorus {

class ClusteringState {
 public:
  explicit ClusteringState(const ClustererOptions& options);

  // The cleaned, featurized article; *no_content when cleaning left no body.
  ArticleRecord Represent(const Document& article, bool* no_content);

  // The candidate events of `record` (arrival number `arrival`) and their
  // pair features. Call index().Count(record) first: the article's own terms
  // count in the IDF it is compared with.
  void Judge(const ArticleRecord& record, std::string_view source, uint64_t arrival,
             std::vector<uint32_t>* candidates, std::vector<PairFeatures>* features);

  const ClustererOptions& options() const { return options_; }
  EventIndex& index() { return index_; }
  const EventIndex& index() const { return index_; }
  TermDictionary& dictionary() { return dictionary_; }
  const TermDictionary& dictionary() const { return dictionary_; }
  FeatureContext& features() { return features_; }
  const FeatureContext& features() const { return features_; }

 private:
  ClustererOptions options_;
  TermDictionary dictionary_;
  FeatureContext features_;
  EventIndex index_;
  ArticleVectors vectors_;
};

}  // namespace chorus

#endif  // CHORUS_CLUSTER_CLUSTERING_STATE_H_

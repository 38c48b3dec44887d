// Clustering a long stream exactly, with the costly part spread out:
// featurize partitions in parallel, decide in stream order in one place.
//
// What the online clusterer does per article splits in two. Featurizing
// (cleaning, tokenizing, stemming, MinHash: most of the cost) depends on the
// article alone, apart from the term ids its dictionary hands out in order
// of first appearance. Deciding (near-duplicates, candidates, the rule)
// depends on everything before the article: IDF, the live events and their
// members, arrival counts. A partition clustered by a clusterer of its own
// therefore decides with another state than one clusterer over the whole
// stream, and its decisions drift apart from there (ClusterPartition's
// warm-up and run-on narrow that gap but do not close it).
//
// Instead each partition is featurized where it lies (FeaturizePartition:
// records in the partition's own term ids, with its term list), the records
// travel as bytes (EncodeFeaturized / DecodeFeaturized), and one clusterer
// places them in stream order (PlaceFeaturized), mapping each partition's
// terms to its own ids as it goes. Term ids, labels, IDF, events and every
// decision are then those of one clusterer that read the whole stream.
//
//   // any machine, partition k:
//   std::string bytes = EncodeFeaturized(FeaturizePartition(articles_k, options));
//   // one machine, k = 0, 1, ... in order:
//   EventClusterer clusterer(options);
//   ASSIGN_OR_RETURN(auto part, DecodeFeaturized(bytes));
//   RETURN_IF_ERROR(PlaceFeaturized(std::move(part), &clusterer, &assignments));
//
// Thread safety: FeaturizePartition and the codec are pure functions of
// their arguments; PlaceFeaturized uses the caller's clusterer.
#ifndef CHORUS_FEATURIZED_PARTITION_H_
#define CHORUS_FEATURIZED_PARTITION_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/clusterer.h"
#include "chorus/document.h"
#include "chorus/status.h"

namespace chorus {

// A partition's articles as EventClusterer::Represent makes them, with term
// ids local to the partition.
struct FeaturizedPartition {
  std::vector<std::string> terms;   // local term id -> stem (or number)
  std::vector<std::string> labels;  // local term id -> first form seen
  std::vector<ArticleRecord> records;
  std::vector<std::string> sources;  // by article
  std::vector<bool> no_content;      // by article: cleaning left no body
};

// Featurizes `articles` with a fresh clusterer of `options` (its cleaner and
// weights), in order.
FeaturizedPartition FeaturizePartition(std::span<const Document> articles,
                                       const ClustererOptions& options);

// A FeaturizedPartition as bytes (host byte order: the machines of one
// cluster share one architecture), and back. DecodeFeaturized: kInvalidArgument
// for bytes that are not such an encoding, or truncated, or that name a
// term the partition does not list.
std::string EncodeFeaturized(const FeaturizedPartition& partition);
Result<FeaturizedPartition> DecodeFeaturized(std::string_view bytes);

// Adds the partition's articles to `clusterer` (EventClusterer::Add of each
// record, term ids mapped to the clusterer's) and appends their assignments
// (records dropped) to `out`. Partitions must come in stream order.
// kInvalidArgument when the partition's lists do not fit together.
Status PlaceFeaturized(FeaturizedPartition partition, EventClusterer* clusterer,
                       std::vector<ArticleAssignment>* out);

}  // namespace chorus

#endif  // CHORUS_FEATURIZED_PARTITION_H_
